import { z } from "zod";

/** A calendar date, `YYYY-MM-DD`, that really exists. */
export const isoDate = z.iso.date({ error: "Tanggal harus berupa tanggal yang sah (TTTT-BB-HH)." });

export const entityId = z.number({ error: "ID harus berupa angka." }).int().positive();

export const AsOfInput = z.object({ asOf: isoDate.optional() });
export type AsOfInput = z.infer<typeof AsOfInput>;

/** Text a person must fill in, trimmed. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} maksimal ${max} karakter.` });

/** Text that may be left empty: an empty string, like `null`, clears it. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} harus berupa teks.` })
    .trim()
    .max(max, { error: `${label} maksimal ${max} karakter.` })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** A web address a reader can open: http or https only. */
export const httpUrl = (label: string) =>
  z
    .url({ protocol: /^https?$/, error: `${label} harus berupa alamat web (http:// atau https://).` })
    .max(2000, { error: `${label} terlalu panjang.` });

/** An amount of money in whole Rupiah. */
export const rupiah = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .int({ error: `${label} harus dalam Rupiah utuh, tanpa sen.` })
    .min(0, { error: `${label} tidak boleh negatif.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} terlalu besar.` });
