import { z } from "zod";
import { DIRECTION_STATUSES } from "../directions";
import { entityId, isoDate, requiredText } from "./common";

export const DirectionListInput = z
  .object({
    status: z.enum(DIRECTION_STATUSES, { error: "Pilih status arahan yang tersedia." }).optional(),
    agencyId: entityId.optional(),
    issueId: entityId.optional(),
    /** The view date: status and overdue as they stood then; arahan given later are left out. */
    asOf: isoDate.optional(),
  })
  .prefault({});
export type DirectionListInput = z.input<typeof DirectionListInput>;

export const DirectionCreateInput = z.object({
  agencyId: entityId,
  issueId: entityId.nullable().optional(),
  text: requiredText("Isi arahan", 2000),
  /** Any real date: an arahan may be recorded after the fact. */
  dueDate: isoDate,
  /** The date it was given; when left out, the apel's date (if it has passed), else today. */
  givenOn: isoDate.optional(),
  /** The apel it was given at, if any. */
  apelOn: isoDate.nullable().optional(),
});
export type DirectionCreateInput = z.infer<typeof DirectionCreateInput>;

export const DirectionCloseInput = z.object({
  id: entityId,
  note: requiredText("Catatan penyelesaian", 2000),
});
export type DirectionCloseInput = z.infer<typeof DirectionCloseInput>;
