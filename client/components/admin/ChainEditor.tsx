import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef } from "react";
import { CHAIN_ROLES, type ChainRole } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import { IssueChainInput } from "../../../shared/schemas/issues";
import type { FieldErrors } from "../../lib/formErrors";
import { dateOrNull, dateText } from "../../lib/formInput";
import { type IssueDetail, useTRPC } from "../../lib/trpc";
import { DateField, unreadableDates } from "../DateField";
import { FormField } from "../FormField";
import { type Agency, AgencyOptions } from "./AgencyOptions";
import { FormFeedback } from "./FormFeedback";
import { useAdminForm } from "./useAdminForm";
import { useRefresh } from "./useRefresh";

const text = t.admin.chain;

interface Row {
  key: number;
  agencyId: string;
  role: ChainRole;
  note: string;
  /** Since when the party takes part, as typed (`18/11/2024`); empty when unknown. */
  since: string;
}

let nextKey = 0;
const row = (agencyId = "", role: ChainRole = "pendukung", note = "", since = ""): Row => ({
  key: nextKey++,
  agencyId,
  role,
  note,
  since,
});

const rowsOf = (issue: IssueDetail) => ({
  rows: issue.chain.map((entry) =>
    row(String(entry.agency.id), entry.role, entry.note ?? "", dateText(entry.since)),
  ),
});

/** The parties of an issue besides its lead agency: edited as a list, saved as a whole. */
export function ChainEditor({ issue, agencies }: { issue: IssueDetail; agencies: readonly Agency[] }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const setChain = useMutation(trpc.issues.setChain.mutationOptions());
  const form = useAdminForm(() => rowsOf(issue));
  const { rows } = form.values;
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useRef<"last" | "add" | null>(null);

  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === "add") addButton.current?.focus();
    if (target === "last" && rows.length > 0) {
      document.getElementById(form.field(`chain.${rows.length - 1}.agencyId`).id)?.focus();
    }
  });

  const change = (key: number, patch: Partial<Row>) =>
    form.set(
      "rows",
      rows.map((r) => (r.key === key ? { ...r, ...patch } : r)),
    );

  function add() {
    focusAfterRender.current = "last";
    form.set("rows", [...rows, row()]);
  }

  function remove(key: number) {
    focusAfterRender.current = "add";
    form.set(
      "rows",
      rows.filter((r) => r.key !== key),
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checks: FieldErrors = unreadableDates(
      Object.fromEntries(rows.map((r, index) => [`chain.${index}.since`, r.since])),
    );
    rows.forEach((r, index) => {
      if (r.agencyId === "") checks[`chain.${index}.agencyId`] = text.agencyRequired;
    });
    const input = {
      issueId: issue.id,
      chain: rows.map((r) => ({
        agencyId: Number(r.agencyId),
        role: r.role,
        note: r.note,
        since: dateOrNull(r.since),
      })),
    };
    const saved = await form.submit(IssueChainInput, input, setChain.mutateAsync, checks);
    if (!saved) return;
    form.succeed(text.saved, rowsOf(saved));
    void refresh("issues");
  }

  // The server names a refused party by the whole chain: say it above the list.
  const chainError = form.errors.chain;
  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <p className="muted">{text.intro}</p>
      {chainError ? (
        <p id={form.field("chain").id} className="field-error" tabIndex={-1}>
          {chainError}
        </p>
      ) : null}
      {rows.length === 0 ? <p className="notice">{text.empty}</p> : null}
      <ol className="chain-rows">
        {rows.map((r, index) => (
          <li key={r.key}>
            <fieldset className="admin-fieldset chain-row">
              <legend>{text.row(index + 1)}</legend>
              <FormField {...form.field(`chain.${index}.agencyId`)} label={text.agency} required>
                {(props) => (
                  <select
                    {...props}
                    value={r.agencyId}
                    onChange={(e) => change(r.key, { agencyId: e.target.value })}
                  >
                    <option value="">{t.admin.form.choose}</option>
                    <AgencyOptions agencies={agencies} valueBy="id" exceptId={issue.leadAgency.id} />
                  </select>
                )}
              </FormField>
              <FormField {...form.field(`chain.${index}.role`)} label={text.role} required>
                {(props) => (
                  <select
                    {...props}
                    value={r.role}
                    onChange={(e) => change(r.key, { role: e.target.value as ChainRole })}
                  >
                    {CHAIN_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t.chainRole[role]}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField {...form.field(`chain.${index}.note`)} label={text.note}>
                {(props) => (
                  <input
                    {...props}
                    value={r.note}
                    onChange={(e) => change(r.key, { note: e.target.value })}
                  />
                )}
              </FormField>
              <DateField
                {...form.field(`chain.${index}.since`)}
                label={text.since}
                hint={t.dateField.hint}
                value={r.since}
                onChange={(value) => change(r.key, { since: value })}
              />
              <button type="button" className="button-small button-secondary" onClick={() => remove(r.key)}>
                {text.remove(index + 1)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <p>
        <button ref={addButton} type="button" className="button-secondary" onClick={add}>
          {text.add}
        </button>
      </p>
      <FormFeedback form={form} submitLabel={text.save} />
    </form>
  );
}
