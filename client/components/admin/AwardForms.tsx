import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { AWARD_LEVELS, type AwardLevel } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import {
  AwardEventCreateInput,
  AwardEventUpdateInput,
  AwardResultCreateInput,
  AwardResultUpdateInput,
} from "../../../shared/schemas/awards";
import { dateOrNull, dateText, decimalOrNull, numberText, textOrNull } from "../../lib/formInput";
import { type AwardEvent, useTRPC } from "../../lib/trpc";
import { DateField, unreadableDates } from "../DateField";
import { FormField } from "../FormField";
import { type Agency, AgencyOptions } from "./AgencyOptions";
import { FormFeedback } from "./FormFeedback";
import { useAdminForm } from "./useAdminForm";
import { useRefresh } from "./useRefresh";

export type AwardResult = AwardEvent["results"][number];

const text = t.admin.awards;

const eventValues = (event: AwardEvent | undefined) => ({
  name: event?.name ?? "",
  organiser: event?.organiser ?? "",
  level: event?.level ?? ("nasional" as AwardLevel),
  eventDate: dateText(event?.eventDate),
  place: event?.place ?? "",
  handedOverOn: dateText(event?.handedOverOn),
  note: event?.note ?? "",
  sourceName: event?.sourceName ?? "",
  sourceUrl: event?.sourceUrl ?? "",
});

/** Adds an award event, or edits `event` when given. */
export function AwardEventForm({ event }: { event?: AwardEvent }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const create = useMutation(trpc.awards.createEvent.mutationOptions());
  const update = useMutation(trpc.awards.updateEvent.mutationOptions());
  const form = useAdminForm(() => eventValues(event));
  const { values, set } = form;

  async function onSubmit(submitted: FormEvent) {
    submitted.preventDefault();
    const fields = {
      ...values,
      eventDate: dateOrNull(values.eventDate) ?? "",
      handedOverOn: dateOrNull(values.handedOverOn),
      sourceUrl: textOrNull(values.sourceUrl),
    };
    const checks = unreadableDates({ eventDate: values.eventDate, handedOverOn: values.handedOverOn });
    if (values.eventDate.trim() === "") checks.eventDate = t.dateField.required(text.eventDate);
    const saved = event
      ? await form.submit(AwardEventUpdateInput, { id: event.id, ...fields }, update.mutateAsync, checks)
      : await form.submit(AwardEventCreateInput, fields, create.mutateAsync, checks);
    if (!saved) return;
    form.succeed(
      event ? text.eventUpdated(saved.name) : text.created(saved.name),
      eventValues(event && saved),
    );
    void refresh("awards");
  }

  const textField = (
    name: "name" | "organiser" | "place" | "sourceName",
    label: string,
    required = false,
  ) => (
    <FormField {...form.field(name)} label={label} required={required}>
      {(props) => <input {...props} value={values[name]} onChange={(e) => set(name, e.target.value)} />}
    </FormField>
  );
  const dateField = (name: "eventDate" | "handedOverOn", label: string, required = false) => (
    <DateField
      {...form.field(name)}
      label={label}
      required={required}
      hint={required ? t.dateField.hint : t.admin.form.dateHint}
      value={values[name]}
      onChange={(value) => set(name, value)}
    />
  );

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        {textField("name", text.name, true)}
        {textField("organiser", text.organiser, true)}
        <FormField {...form.field("level")} label={text.level} required>
          {(props) => (
            <select
              {...props}
              value={values.level}
              onChange={(e) => set("level", e.target.value as AwardLevel)}
            >
              {AWARD_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t.awardLevel[level]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {textField("place", text.place, true)}
        {dateField("eventDate", text.eventDate, true)}
        {dateField("handedOverOn", text.handedOverOn)}
        <FormField {...form.field("note")} label={text.note} className="field-wide">
          {(props) => (
            <textarea {...props} rows={2} value={values.note} onChange={(e) => set("note", e.target.value)} />
          )}
        </FormField>
        {textField("sourceName", text.sourceName)}
        <FormField {...form.field("sourceUrl")} label={text.sourceUrl} hint={t.admin.funding.sourceUrlHint}>
          {(props) => (
            <input
              {...props}
              type="url"
              value={values.sourceUrl}
              onChange={(e) => set("sourceUrl", e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormFeedback form={form} submitLabel={event ? t.admin.form.save : text.create} />
    </form>
  );
}

const resultValues = (result: AwardResult | undefined) => ({
  category: result?.category ?? "",
  predicate: result?.predicate ?? "",
  score: numberText(result?.score),
  agencyId: result?.agency ? String(result.agency.id) : "",
  note: result?.note ?? "",
});

/** Adds a result to the event `eventId`, or edits `result` when given. */
export function AwardResultForm({
  eventId,
  result,
  agencies,
}: {
  eventId: number;
  result?: AwardResult;
  agencies: readonly Agency[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const add = useMutation(trpc.awards.addResult.mutationOptions());
  const update = useMutation(trpc.awards.updateResult.mutationOptions());
  const form = useAdminForm(() => resultValues(result));
  const { values, set } = form;

  async function onSubmit(submitted: FormEvent) {
    submitted.preventDefault();
    const fields = {
      category: values.category,
      predicate: values.predicate,
      score: decimalOrNull(values.score),
      agencyId: values.agencyId === "" ? null : Number(values.agencyId),
      note: values.note,
    };
    const saved = result
      ? await form.submit(AwardResultUpdateInput, { id: result.id, ...fields }, update.mutateAsync)
      : await form.submit(AwardResultCreateInput, { eventId, ...fields }, add.mutateAsync);
    if (!saved) return;
    form.succeed(
      result ? text.resultUpdated(saved.predicate) : text.resultAdded(saved.predicate),
      resultValues(result && saved),
    );
    void refresh("awards");
  }

  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <FormField {...form.field("category")} label={text.category} required>
          {(props) => (
            <input {...props} value={values.category} onChange={(e) => set("category", e.target.value)} />
          )}
        </FormField>
        <FormField {...form.field("predicate")} label={text.predicate} required>
          {(props) => (
            <input {...props} value={values.predicate} onChange={(e) => set("predicate", e.target.value)} />
          )}
        </FormField>
        <FormField {...form.field("score")} label={text.score} hint={t.admin.form.decimalHint}>
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={values.score}
              onChange={(e) => set("score", e.target.value)}
            />
          )}
        </FormField>
        <FormField {...form.field("agencyId")} label={text.agency}>
          {(props) => (
            <select {...props} value={values.agencyId} onChange={(e) => set("agencyId", e.target.value)}>
              <option value="">{t.admin.form.none}</option>
              <AgencyOptions agencies={agencies} valueBy="id" />
            </select>
          )}
        </FormField>
        <FormField {...form.field("note")} label={text.note} className="field-wide">
          {(props) => <input {...props} value={values.note} onChange={(e) => set("note", e.target.value)} />}
        </FormField>
      </div>
      <FormFeedback form={form} submitLabel={result ? t.admin.form.save : text.saveResult} />
    </form>
  );
}
