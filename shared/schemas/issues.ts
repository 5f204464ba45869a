import { z } from "zod";
import { CHAIN_ROLES, DATE_PRECISIONS } from "../domain";
import { errors } from "../messages/id-errors";
import { entityId, isoDate, optionalText, requiredText } from "./common";

export { AsOfInput as IssueListInput } from "./common";

export const IssueByIdInput = z.object({ id: entityId, asOf: isoDate.optional() });
export type IssueByIdInput = z.infer<typeof IssueByIdInput>;

export const IssueByNumberInput = z.object({
  number: z.number().int().min(1).max(99),
  asOf: isoDate.optional(),
});
export type IssueByNumberInput = z.infer<typeof IssueByNumberInput>;

const indicatorFigure = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .min(0, { error: `${label} tidak boleh negatif.` })
    .max(1e15, { error: `${label} terlalu besar.` })
    .nullable()
    .optional();

export const IndicatorInput = z.object({
  label: requiredText("Nama indikator", 200),
  unit: requiredText("Satuan indikator", 50),
  target: indicatorFigure("Target indikator"),
  baseline: indicatorFigure("Nilai awal indikator"),
});

/**
 * The Sekda office's edit of an issue's description. Fields left out stay as they are; `null`
 * clears an optional one (`indicator: null` removes the indicator). The issue's state is not
 * here: it only ever changes by a new update.
 */
export const IssueDetailsInput = z
  .object({
    id: entityId,
    title: requiredText("Judul isu", 200).optional(),
    description: requiredText("Uraian isu", 4000).optional(),
    location: optionalText("Lokasi", 500),
    leadAgencyId: entityId.optional(),
    leadNote: optionalText("Catatan OPD pengampu", 1000),
    indicator: IndicatorInput.nullable().optional(),
    startDate: isoDate.nullable().optional(),
    targetDate: isoDate.nullable().optional(),
    targetDatePrecision: z
      .enum(DATE_PRECISIONS, { error: "Pilih ketelitian tanggal yang tersedia." })
      .optional(),
  })
  .refine((i) => !i.startDate || !i.targetDate || i.startDate <= i.targetDate, {
    error: errors.targetBeforeStart,
    path: ["targetDate"],
  });
export type IssueDetailsInput = z.infer<typeof IssueDetailsInput>;

export const CHAIN_MAX = 30;
export const CHAIN_DUPLICATE = "Pihak ini sudah ada di rantai pelaksana.";

export const ChainEntryInput = z.object({
  agencyId: entityId,
  role: z.enum(CHAIN_ROLES, { error: "Pilih peran yang tersedia." }),
  note: optionalText("Keterangan", 500),
  /** When the party joined; left out keeps the date already recorded for it, `null` clears it. */
  since: isoDate.nullable().optional(),
});

/** The whole delivery chain of an issue (everyone but the lead agency), replacing the old one. */
export const IssueChainInput = z.object({
  issueId: entityId,
  chain: z
    .array(ChainEntryInput, { error: "Rantai pelaksana harus berupa daftar." })
    .max(CHAIN_MAX, { error: `Rantai pelaksana paling banyak ${CHAIN_MAX} pihak.` })
    .superRefine((chain, ctx) => {
      const seen = new Set<number>();
      chain.forEach((entry, index) => {
        if (seen.has(entry.agencyId)) {
          ctx.addIssue({ code: "custom", message: CHAIN_DUPLICATE, path: [index, "agencyId"] });
        }
        seen.add(entry.agencyId);
      });
    }),
});
export type IssueChainInput = z.infer<typeof IssueChainInput>;
