import { z } from "zod";

/** A calendar date, `YYYY-MM-DD`, that really exists. */
export const isoDate = z.iso.date({ error: "Tanggal harus berupa tanggal yang sah (TTTT-BB-HH)." });

export const entityId = z.number({ error: "ID harus berupa angka." }).int().positive();

export const AsOfInput = z.object({ asOf: isoDate.optional() });
export type AsOfInput = z.infer<typeof AsOfInput>;
