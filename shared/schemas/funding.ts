import { z } from "zod";
import { FUNDING_SOURCES } from "../domain";
import { entityId, httpUrl, isoDate, optionalText, requiredText, rupiah } from "./common";

const fundingFields = {
  source: z.enum(FUNDING_SOURCES, { error: "Pilih sumber dana yang tersedia." }),
  description: requiredText("Keterangan pendanaan", 1000),
  fiscalYear: z
    .number({ error: "Tahun anggaran harus berupa angka." })
    .int({ error: "Tahun anggaran harus berupa tahun, misalnya 2025." })
    .min(2000, { error: "Tahun anggaran minimal 2000." })
    .max(2100, { error: "Tahun anggaran maksimal 2100." })
    .nullable()
    .optional(),
  amountPlanned: rupiah("Nilai rencana").nullable().optional(),
  amountRealised: rupiah("Nilai realisasi").nullable().optional(),
  donorAgencyId: entityId.nullable().optional(),
  confirmed: z.boolean({ error: "Tandai apakah pendanaan ini sudah terkonfirmasi." }),
  sourceName: optionalText("Nama sumber", 200),
  sourceUrl: httpUrl("Tautan sumber").nullable().optional(),
  /** When the line was committed or reported, so a past view shows it only from then. */
  reportedOn: isoDate.nullable().optional(),
};

/** A funding line of an issue; amounts in whole Rupiah. */
export const FundingCreateInput = z.object({ issueId: entityId, ...fundingFields });
export type FundingCreateInput = z.infer<typeof FundingCreateInput>;

/** Fields left out stay as they are; `null` clears an optional one. */
export const FundingUpdateInput = z.object(fundingFields).partial().extend({ id: entityId });
export type FundingUpdateInput = z.infer<typeof FundingUpdateInput>;

export const FundingRemoveInput = z.object({ id: entityId });
export type FundingRemoveInput = z.infer<typeof FundingRemoveInput>;
