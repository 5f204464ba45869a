import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatDate } from "../../shared/format";
import { id as t } from "../../shared/messages/id";
import { DirectionCloseInput } from "../../shared/schemas/directions";
import { type Outputs, useTRPC } from "../lib/trpc";
import { FormFeedback } from "./admin/FormFeedback";
import { useAdminForm } from "./admin/useAdminForm";
import { FormField } from "./FormField";

export type Direction = Outputs["directions"]["list"][number];

const text = t.directions;

/** An arahan's status in words; an overdue one is marked by a word and a sign, not only a colour. */
export function DirectionStatus({ direction }: { direction: Direction }) {
  if (direction.overdue) return <span className="badge badge-overdue">{text.overdue}</span>;
  return <span className="badge">{direction.status === "done" ? text.done : text.open}</span>;
}

function CloseForm({ direction }: { direction: Direction }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const close = useMutation(trpc.directions.close.mutationOptions());
  const form = useAdminForm({ note: "" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(
      DirectionCloseInput,
      { id: direction.id, note: form.values.note },
      close.mutateAsync,
    );
    if (!saved) return;
    form.succeed(text.closed, { note: "" });
    await Promise.all([
      queryClient.invalidateQueries(trpc.directions.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
      queryClient.invalidateQueries(trpc.apels.pathFilter()),
    ]);
  }

  return (
    <form className="direction-close" onSubmit={onSubmit} noValidate>
      <FormField {...form.field("note")} label={text.closeNote} required>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={form.values.note}
            onChange={(e) => form.set("note", e.target.value)}
          />
        )}
      </FormField>
      <FormFeedback form={form} submitLabel={text.closeSubmit} />
    </form>
  );
}

/** Arahan, overdue first; those the reader may close get a form for the closing note. */
export function DirectionList({
  directions,
  canClose,
}: {
  directions: readonly Direction[];
  canClose: boolean;
}) {
  const [closing, setClosing] = useState<number | null>(null);
  return (
    <ul className="direction-list">
      {directions.map((d) => (
        <li key={d.id} className={d.overdue ? "direction overdue" : "direction"}>
          <p className="direction-text">{d.text}</p>
          <p className="direction-meta">
            <DirectionStatus direction={d} /> <span>{text.due(formatDate(d.dueDate))}</span> ·{" "}
            <span>{text.givenOn(formatDate(d.givenOn))}</span> ·{" "}
            <abbr title={d.agency.name}>{d.agency.code}</abbr>
            {d.issue ? ` · ${text.about(`#${d.issue.number} ${d.issue.title}`)}` : ""}
          </p>
          {d.status === "done" && d.closingNote ? <p className="muted">{d.closingNote}</p> : null}
          {canClose && d.status === "open" ? (
            closing === d.id ? (
              <CloseForm direction={d} />
            ) : (
              <button type="button" onClick={() => setClosing(d.id)}>
                {text.closeAction}
              </button>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
