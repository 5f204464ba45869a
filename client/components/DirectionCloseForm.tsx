import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { id as t } from "../../shared/messages/id";
import { DirectionCloseInput } from "../../shared/schemas/directions";
import { useTRPC } from "../lib/trpc";
import { FormFeedback } from "./admin/FormFeedback";
import { useAdminForm } from "./admin/useAdminForm";
import type { Direction } from "./DirectionList";
import { FormField } from "./FormField";

const text = t.directions;

/** The closing note of one arahan, and its sending. */
export default function DirectionCloseForm({ direction }: { direction: Direction }) {
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
