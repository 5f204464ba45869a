import { z } from "zod";
import { AWARD_LEVELS } from "../domain";
import { errors } from "../messages/id-errors";
import { entityId, httpUrl, isoDate, optionalText, requiredText } from "./common";

const eventFields = {
  name: requiredText("Nama ajang", 300),
  organiser: requiredText("Penyelenggara", 300),
  level: z.enum(AWARD_LEVELS, { error: "Pilih tingkat yang tersedia." }),
  eventDate: isoDate,
  place: requiredText("Tempat", 300),
  handedOverOn: isoDate.nullable().optional(),
  note: optionalText("Catatan", 2000),
  sourceName: optionalText("Nama sumber", 200),
  sourceUrl: httpUrl("Tautan sumber").nullable().optional(),
};

const handedOverAfterEvent = (e: { eventDate?: string; handedOverOn?: string | null }) =>
  !e.eventDate || !e.handedOverOn || e.handedOverOn >= e.eventDate;

export const AwardEventCreateInput = z
  .object(eventFields)
  .refine(handedOverAfterEvent, { error: errors.handedOverBeforeEvent, path: ["handedOverOn"] });
export type AwardEventCreateInput = z.infer<typeof AwardEventCreateInput>;

/** Fields left out stay as they are; `null` clears an optional one. */
export const AwardEventUpdateInput = z
  .object(eventFields)
  .partial()
  .extend({ id: entityId })
  .refine(handedOverAfterEvent, { error: errors.handedOverBeforeEvent, path: ["handedOverOn"] });
export type AwardEventUpdateInput = z.infer<typeof AwardEventUpdateInput>;

export const AwardEventRemoveInput = z.object({ id: entityId });
export type AwardEventRemoveInput = z.infer<typeof AwardEventRemoveInput>;

const resultFields = {
  category: requiredText("Kategori", 300),
  predicate: requiredText("Predikat atau peringkat", 200),
  score: z
    .number({ error: "Nilai harus berupa angka." })
    .min(0, { error: "Nilai tidak boleh negatif." })
    .max(1e9, { error: "Nilai terlalu besar." })
    .nullable()
    .optional(),
  agencyId: entityId.nullable().optional(),
  note: optionalText("Catatan", 2000),
};

export const AwardResultCreateInput = z.object({ eventId: entityId, ...resultFields });
export type AwardResultCreateInput = z.infer<typeof AwardResultCreateInput>;

export const AwardResultUpdateInput = z.object(resultFields).partial().extend({ id: entityId });
export type AwardResultUpdateInput = z.infer<typeof AwardResultUpdateInput>;

export const AwardResultRemoveInput = z.object({ id: entityId });
export type AwardResultRemoveInput = z.infer<typeof AwardResultRemoveInput>;
