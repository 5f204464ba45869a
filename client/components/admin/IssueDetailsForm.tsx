import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { DATE_PRECISIONS, type DatePrecision } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import { IssueDetailsInput } from "../../../shared/schemas/issues";
import { dateOrNull, dateText, decimalOrNull, numberText } from "../../lib/formInput";
import { type IssueDetail, useTRPC } from "../../lib/trpc";
import { DateField, unreadableDates } from "../DateField";
import { CheckboxField, FormField } from "../FormField";
import { type Agency, AgencyOptions } from "./AgencyOptions";
import { FormFeedback } from "./FormFeedback";
import { useAdminForm } from "./useAdminForm";
import { useRefresh } from "./useRefresh";

const text = t.admin.issues;
const PRECISION_LABELS: Record<DatePrecision, string> = {
  day: text.precisionDay,
  month: text.precisionMonth,
};

function valuesOf(issue: IssueDetail) {
  return {
    title: issue.title,
    description: issue.description,
    location: issue.location ?? "",
    leadAgencyId: String(issue.leadAgency.id),
    leadNote: issue.leadAgency.note ?? "",
    hasIndicator: issue.indicator !== null,
    indicatorLabel: issue.indicator?.label ?? "",
    indicatorUnit: issue.indicator?.unit ?? "",
    indicatorTarget: numberText(issue.indicator?.target),
    indicatorBaseline: numberText(issue.indicator?.baseline),
    startDate: dateText(issue.startDate),
    targetDate: dateText(issue.targetDate),
    targetDatePrecision: issue.targetDatePrecision,
  };
}

/** What an issue is: title, description, place, lead agency, indicator and dates. */
export function IssueDetailsForm({ issue, agencies }: { issue: IssueDetail; agencies: readonly Agency[] }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const update = useMutation(trpc.issues.updateDetails.mutationOptions());
  const form = useAdminForm(() => valuesOf(issue));
  const { values, set } = form;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      id: issue.id,
      title: values.title,
      description: values.description,
      location: values.location,
      leadAgencyId: Number(values.leadAgencyId),
      leadNote: values.leadNote,
      indicator: values.hasIndicator
        ? {
            label: values.indicatorLabel,
            unit: values.indicatorUnit,
            target: decimalOrNull(values.indicatorTarget),
            baseline: decimalOrNull(values.indicatorBaseline),
          }
        : null,
      startDate: dateOrNull(values.startDate),
      targetDate: dateOrNull(values.targetDate),
      targetDatePrecision: values.targetDatePrecision,
    };
    const checks = unreadableDates({ startDate: values.startDate, targetDate: values.targetDate });
    const saved = await form.submit(IssueDetailsInput, input, update.mutateAsync, checks);
    if (!saved) return;
    form.succeed(text.detailsSaved, valuesOf(saved));
    void refresh("issues", "dashboard");
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <FormField {...form.field("title")} label={text.titleField} hint={text.titleHint} required>
          {(props) => (
            <input {...props} value={values.title} onChange={(e) => set("title", e.target.value)} />
          )}
        </FormField>
        <FormField {...form.field("location")} label={text.location}>
          {(props) => (
            <input {...props} value={values.location} onChange={(e) => set("location", e.target.value)} />
          )}
        </FormField>
        <FormField {...form.field("description")} label={text.description} className="field-wide" required>
          {(props) => (
            <textarea
              {...props}
              rows={4}
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
            />
          )}
        </FormField>
        <FormField {...form.field("leadAgencyId")} label={text.lead} required>
          {(props) => (
            <select
              {...props}
              value={values.leadAgencyId}
              onChange={(e) => set("leadAgencyId", e.target.value)}
            >
              <AgencyOptions agencies={agencies} valueBy="id" opdOnly />
            </select>
          )}
        </FormField>
        <FormField {...form.field("leadNote")} label={text.leadNote}>
          {(props) => (
            <input {...props} value={values.leadNote} onChange={(e) => set("leadNote", e.target.value)} />
          )}
        </FormField>
      </div>

      <fieldset className="admin-fieldset">
        <legend>{text.indicator}</legend>
        <p className="field-hint">{text.indicatorHint}</p>
        <CheckboxField
          {...form.field("indicator")}
          label={text.hasIndicator}
          checked={values.hasIndicator}
          onChange={(checked) => set("hasIndicator", checked)}
        />
        {values.hasIndicator ? (
          <div className="form-grid">
            <FormField {...form.field("indicator.label")} label={text.indicatorLabel} required>
              {(props) => (
                <input
                  {...props}
                  value={values.indicatorLabel}
                  onChange={(e) => set("indicatorLabel", e.target.value)}
                />
              )}
            </FormField>
            <FormField {...form.field("indicator.unit")} label={text.indicatorUnit} required>
              {(props) => (
                <input
                  {...props}
                  value={values.indicatorUnit}
                  onChange={(e) => set("indicatorUnit", e.target.value)}
                />
              )}
            </FormField>
            <FormField
              {...form.field("indicator.target")}
              label={text.indicatorTarget}
              hint={t.admin.form.decimalHint}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={values.indicatorTarget}
                  onChange={(e) => set("indicatorTarget", e.target.value)}
                />
              )}
            </FormField>
            <FormField
              {...form.field("indicator.baseline")}
              label={text.indicatorBaseline}
              hint={t.admin.form.decimalHint}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={values.indicatorBaseline}
                  onChange={(e) => set("indicatorBaseline", e.target.value)}
                />
              )}
            </FormField>
          </div>
        ) : null}
      </fieldset>

      <div className="form-grid form-grid-3">
        <DateField
          {...form.field("startDate")}
          label={text.startDate}
          hint={t.admin.form.dateHint}
          value={values.startDate}
          onChange={(value) => set("startDate", value)}
        />
        <DateField
          {...form.field("targetDate")}
          label={text.targetDate}
          hint={t.admin.form.dateHint}
          value={values.targetDate}
          onChange={(value) => set("targetDate", value)}
        />
        <FormField {...form.field("targetDatePrecision")} label={text.precision}>
          {(props) => (
            <select
              {...props}
              value={values.targetDatePrecision}
              onChange={(e) => set("targetDatePrecision", e.target.value as DatePrecision)}
            >
              {DATE_PRECISIONS.map((precision) => (
                <option key={precision} value={precision}>
                  {PRECISION_LABELS[precision]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormFeedback form={form} submitLabel={text.saveDetails} />
    </form>
  );
}
