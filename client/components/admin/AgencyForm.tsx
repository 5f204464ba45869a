import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { AGENCY_KINDS, type AgencyKind, isOpdKind } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import { AgencyCreateInput, AgencyUpdateInput } from "../../../shared/schemas/agencies";
import { useTRPC } from "../../lib/trpc";
import { FormField } from "../FormField";
import type { Agency } from "./AgencyOptions";
import { FormFeedback } from "./FormFeedback";
import { useAdminForm } from "./useAdminForm";
import { useRefresh } from "./useRefresh";

const text = t.admin.agencies;

const valuesOf = (agency: Agency | undefined) => ({
  code: agency?.code ?? "",
  name: agency?.name ?? "",
  kind: agency?.kind ?? ("dinas" as AgencyKind),
});

/** Adds an agency, or edits `agency` when given. Codes are unique regardless of case. */
export function AgencyForm({ agency }: { agency?: Agency }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const create = useMutation(trpc.agencies.create.mutationOptions());
  const update = useMutation(trpc.agencies.update.mutationOptions());
  const form = useAdminForm(() => valuesOf(agency));
  const { values } = form;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = agency
      ? await form.submit(AgencyUpdateInput, { id: agency.id, ...values }, update.mutateAsync)
      : await form.submit(AgencyCreateInput, values, create.mutateAsync);
    if (!saved) return;
    form.succeed(agency ? text.updated(saved.code) : text.created(saved.code), valuesOf(agency && saved));
    // Codes and names show in accounts, issues and awards too.
    void refresh("agencies", "users", "issues", "dashboard", "awards");
  }

  const kinds = (opd: boolean) =>
    AGENCY_KINDS.filter((kind) => isOpdKind(kind) === opd).map((kind) => (
      <option key={kind} value={kind}>
        {t.agencyKind[kind]}
      </option>
    ));

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <FormField {...form.field("code")} label={text.code} hint={text.codeHint} required>
          {(props) => (
            <input
              {...props}
              autoComplete="off"
              spellCheck={false}
              value={values.code}
              onChange={(e) => form.set("code", e.target.value)}
            />
          )}
        </FormField>
        <FormField {...form.field("kind")} label={text.kind} required>
          {(props) => (
            <select
              {...props}
              value={values.kind}
              onChange={(e) => form.set("kind", e.target.value as AgencyKind)}
            >
              <optgroup label={text.opdKinds}>{kinds(true)}</optgroup>
              <optgroup label={text.outsideKinds}>{kinds(false)}</optgroup>
            </select>
          )}
        </FormField>
        <FormField {...form.field("name")} label={text.name} className="field-wide" required>
          {(props) => (
            <input {...props} value={values.name} onChange={(e) => form.set("name", e.target.value)} />
          )}
        </FormField>
      </div>
      <FormFeedback form={form} submitLabel={agency ? t.admin.form.save : text.create} />
    </form>
  );
}
