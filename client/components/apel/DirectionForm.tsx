import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { id as t } from "../../../shared/messages/id";
import { DirectionCreateInput } from "../../../shared/schemas/directions";
import { useTRPC } from "../../lib/trpc";
import { AgencyOptions } from "../admin/AgencyOptions";
import { FormFeedback } from "../admin/FormFeedback";
import { useAdminForm } from "../admin/useAdminForm";
import { FormField } from "../FormField";
import { DeckDialog } from "./DeckDialog";
import type { DeckIssue } from "./deckModel";

const text = t.directions;

/** Records an arahan from an issue's slide: for the issue's lead OPD unless another is chosen. */
export function DirectionForm({ issue, apelOn }: { issue: DeckIssue; apelOn: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="deck-action" onClick={() => setOpen(true)}>
        {text.give}
      </button>
      {open ? (
        <DeckDialog title={text.giveFor(`#${issue.number} ${issue.title}`)} onClose={() => setOpen(false)}>
          <DirectionFields issue={issue} apelOn={apelOn} />
        </DeckDialog>
      ) : null}
    </>
  );
}

function DirectionFields({ issue, apelOn }: { issue: DeckIssue; apelOn: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agencies = useQuery(trpc.agencies.list.queryOptions());
  const create = useMutation(trpc.directions.create.mutationOptions());
  const empty = { agencyId: String(issue.leadAgency.id), text: "", dueDate: "" };
  const form = useAdminForm(empty);
  const { values, set } = form;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      agencyId: Number(values.agencyId),
      issueId: issue.id,
      text: values.text,
      dueDate: values.dueDate,
      apelOn,
    };
    const saved = await form.submit(DirectionCreateInput, input, create.mutateAsync);
    if (!saved) return;
    form.succeed(text.saved, empty);
    await Promise.all([
      queryClient.invalidateQueries(trpc.apels.pathFilter()),
      queryClient.invalidateQueries(trpc.directions.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
  }

  return (
    <form className="deck-form" onSubmit={onSubmit} noValidate>
      <FormField {...form.field("agencyId")} label={text.agency} required>
        {(props) => (
          <select {...props} value={values.agencyId} onChange={(e) => set("agencyId", e.target.value)}>
            {agencies.data ? (
              <AgencyOptions agencies={agencies.data} valueBy="id" opdOnly />
            ) : (
              <option value={String(issue.leadAgency.id)}>
                {issue.leadAgency.code} · {issue.leadAgency.name}
              </option>
            )}
          </select>
        )}
      </FormField>
      <FormField {...form.field("text")} label={text.text} required>
        {(props) => (
          <textarea {...props} rows={3} value={values.text} onChange={(e) => set("text", e.target.value)} />
        )}
      </FormField>
      <FormField {...form.field("dueDate")} label={text.dueDate} required>
        {(props) => (
          <input
            {...props}
            type="date"
            value={values.dueDate}
            onChange={(e) => set("dueDate", e.target.value)}
          />
        )}
      </FormField>
      <FormFeedback form={form} submitLabel={text.save} />
    </form>
  );
}
