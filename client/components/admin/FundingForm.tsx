import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { FUNDING_SOURCES, type FundingSource } from "../../../shared/domain";
import { formatRupiah } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import { FundingCreateInput, FundingUpdateInput } from "../../../shared/schemas/funding";
import {
  dateOrNull,
  dateText,
  integerOrNull,
  rupiahOrNull,
  rupiahText,
  textOrNull,
} from "../../lib/formInput";
import { type IssueDetail, useTRPC } from "../../lib/trpc";
import { DateField, unreadableDates } from "../DateField";
import { CheckboxField, FormField } from "../FormField";
import { type Agency, AgencyOptions } from "./AgencyOptions";
import { FormFeedback } from "./FormFeedback";
import { useAdminForm } from "./useAdminForm";
import { useRefresh } from "./useRefresh";

export type FundingLine = Omit<IssueDetail["funding"][number], "superseded">;

const text = t.admin.funding;

const valuesOf = (line: FundingLine | undefined) => ({
  source: line?.source ?? ("apbd_kota" as FundingSource),
  description: line?.description ?? "",
  fiscalYear: line?.fiscalYear === null || line?.fiscalYear === undefined ? "" : String(line.fiscalYear),
  amountPlanned: rupiahText(line?.amountPlanned),
  amountRealised: rupiahText(line?.amountRealised),
  donorAgencyId: line?.donor ? String(line.donor.id) : "",
  confirmed: line?.confirmed ?? false,
  sourceName: line?.sourceName ?? "",
  sourceUrl: line?.sourceUrl ?? "",
  reportedOn: dateText(line?.reportedOn),
});

/** The amount as it will be saved, so a mistyped zero shows before it is sent. */
function rupiahHint(raw: string): string {
  const amount = rupiahOrNull(raw);
  if (amount === null) return t.admin.form.rupiahHint;
  return Number.isSafeInteger(amount) && amount >= 0
    ? t.admin.form.rupiahPreview(formatRupiah(amount))
    : `${t.admin.form.notAmount} ${t.admin.form.rupiahHint}`;
}

/** Adds a funding line to an issue, or edits `line` when given. Amounts in whole Rupiah. */
export function FundingForm({
  issueId,
  line,
  agencies,
}: {
  issueId: number;
  line?: FundingLine;
  agencies: readonly Agency[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const add = useMutation(trpc.issues.addFunding.mutationOptions());
  const update = useMutation(trpc.issues.updateFunding.mutationOptions());
  const form = useAdminForm(() => valuesOf(line));
  const { values, set } = form;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      source: values.source,
      description: values.description,
      fiscalYear: integerOrNull(values.fiscalYear),
      amountPlanned: rupiahOrNull(values.amountPlanned),
      amountRealised: rupiahOrNull(values.amountRealised),
      donorAgencyId: values.donorAgencyId === "" ? null : Number(values.donorAgencyId),
      confirmed: values.confirmed,
      sourceName: values.sourceName,
      sourceUrl: textOrNull(values.sourceUrl),
      reportedOn: dateOrNull(values.reportedOn),
    };
    const checks = unreadableDates({ reportedOn: values.reportedOn });
    const saved = line
      ? await form.submit(FundingUpdateInput, { id: line.id, ...fields }, update.mutateAsync, checks)
      : await form.submit(FundingCreateInput, { issueId, ...fields }, add.mutateAsync, checks);
    if (!saved) return;
    form.succeed(line ? text.updated : text.added, valuesOf(line && saved));
    void refresh("issues");
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <FormField {...form.field("source")} label={text.source} required>
          {(props) => (
            <select
              {...props}
              value={values.source}
              onChange={(e) => set("source", e.target.value as FundingSource)}
            >
              {FUNDING_SOURCES.map((source) => (
                <option key={source} value={source}>
                  {t.fundingSource[source]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField {...form.field("fiscalYear")} label={text.fiscalYear}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={values.fiscalYear}
              onChange={(e) => set("fiscalYear", e.target.value)}
            />
          )}
        </FormField>
        <FormField {...form.field("description")} label={text.description} className="field-wide" required>
          {(props) => (
            <input
              {...props}
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
            />
          )}
        </FormField>
        <FormField
          {...form.field("amountPlanned")}
          label={text.planned}
          hint={rupiahHint(values.amountPlanned)}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={values.amountPlanned}
              onChange={(e) => set("amountPlanned", e.target.value)}
            />
          )}
        </FormField>
        <FormField
          {...form.field("amountRealised")}
          label={text.realised}
          hint={rupiahHint(values.amountRealised)}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={values.amountRealised}
              onChange={(e) => set("amountRealised", e.target.value)}
            />
          )}
        </FormField>
        <FormField {...form.field("donorAgencyId")} label={text.donor}>
          {(props) => (
            <select
              {...props}
              value={values.donorAgencyId}
              onChange={(e) => set("donorAgencyId", e.target.value)}
            >
              <option value="">{t.admin.form.none}</option>
              <AgencyOptions agencies={agencies} valueBy="id" />
            </select>
          )}
        </FormField>
        <DateField
          {...form.field("reportedOn")}
          label={text.reportedOn}
          hint={text.reportedOnHint}
          value={values.reportedOn}
          onChange={(value) => set("reportedOn", value)}
        />
        <CheckboxField
          {...form.field("confirmed")}
          label={text.confirmed}
          checked={values.confirmed}
          onChange={(checked) => set("confirmed", checked)}
        />
        <FormField {...form.field("sourceName")} label={text.sourceName}>
          {(props) => (
            <input {...props} value={values.sourceName} onChange={(e) => set("sourceName", e.target.value)} />
          )}
        </FormField>
        <FormField {...form.field("sourceUrl")} label={text.sourceUrl} hint={text.sourceUrlHint}>
          {(props) => (
            <input
              {...props}
              type="url"
              inputMode="url"
              value={values.sourceUrl}
              onChange={(e) => set("sourceUrl", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormFeedback form={form} submitLabel={line ? t.admin.form.save : text.add} />
    </form>
  );
}
