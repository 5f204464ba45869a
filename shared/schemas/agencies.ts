import { z } from "zod";
import { AGENCY_KINDS } from "../domain";
import { entityId, requiredText } from "./common";

/**
 * An agency's code, as written in the domain notes (`DLH`, `Disdikbud`, `Satpol PP`). ASCII only:
 * codes are unique regardless of case, and SQLite's NOCASE folds only ASCII letters.
 */
export const AgencyCode = requiredText("Kode OPD", 32).regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, {
  error: "Kode OPD hanya boleh berisi huruf, angka, spasi, titik, garis bawah dan tanda hubung.",
});

const AgencyName = requiredText("Nama OPD", 200);
const AgencyKind = z.enum(AGENCY_KINDS, { error: "Pilih jenis instansi yang tersedia." });

export const AgencyCreateInput = z.object({ code: AgencyCode, name: AgencyName, kind: AgencyKind });
export type AgencyCreateInput = z.infer<typeof AgencyCreateInput>;

export const AgencyUpdateInput = z.object({
  id: entityId,
  code: AgencyCode.optional(),
  name: AgencyName.optional(),
  kind: AgencyKind.optional(),
});
export type AgencyUpdateInput = z.infer<typeof AgencyUpdateInput>;
