import { z } from "zod";

// zod's own messages (a wrong type, a missing field) in Indonesian too, wherever a schema is used.
z.config(z.locales.id());

/** A calendar date, `YYYY-MM-DD`, that really exists, between 2000 and 2100. */
export const isoDate = z.iso
  .date({ error: "Tanggal harus berupa tanggal yang sah (TTTT-BB-HH)." })
  // Only said of a well-formed date; a malformed one already has its message.
  .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= "2000-01-01" && d <= "2100-12-31"), {
    error: "Tanggal harus antara tahun 2000 dan 2100.",
  });

export const entityId = z
  .number({ error: "ID harus berupa angka." })
  .int({ error: "ID harus berupa bilangan bulat." })
  .positive({ error: "ID harus berupa bilangan positif." });

export const AsOfInput = z.object({ asOf: isoDate.optional() });
export type AsOfInput = z.infer<typeof AsOfInput>;

/** Whether text shows anything: zero-width and other invisible characters do not count. */
export const hasVisibleText = (text: string) =>
  // Empty text has its own message already.
  text.length === 0 || text.replace(/[\p{Cf}\p{Cc}\p{Z}\s]/gu, "").length > 0;

/** Text a person must fill in, trimmed. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, { error: `${label} wajib diisi.` })
    .max(max, { error: `${label} maksimal ${max} karakter.` })
    .refine(hasVisibleText, { error: `${label} wajib diisi.` });

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
    .max(2000, { error: `${label} terlalu panjang.` })
    // Stored as the browser will read it, so the text shown is where the link really goes.
    .transform((v) => new URL(v).href);

/** An amount of money in whole Rupiah. */
export const rupiah = (label: string) =>
  z
    .number({ error: `${label} harus berupa angka.` })
    .int({ error: `${label} harus dalam Rupiah utuh, tanpa sen.` })
    .min(0, { error: `${label} tidak boleh negatif.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} terlalu besar.` });
