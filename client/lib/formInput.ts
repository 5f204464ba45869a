/**
 * Turning what a person typed into what the shared schemas take. Text that is not a number
 * becomes NaN, so the schema answers with its own message ("… harus berupa angka").
 */

/** Empty text as null; the rest as typed (the schema trims it). */
export function textOrNull(raw: string): string | null {
  return raw.trim() === "" ? null : raw;
}

/** A `<input type="date">` value: `YYYY-MM-DD`, or null when empty. */
export function dateOrNull(raw: string): string | null {
  return raw === "" ? null : raw;
}

/** A decimal as written in Indonesian (`12,5`) or with a point (`12.5`); null when empty. */
export function decimalOrNull(raw: string): number | null {
  const text = raw.trim();
  if (text === "") return null;
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return Number.NaN;
  return Number(text.replace(",", "."));
}

/** A whole number such as a year; null when empty. */
export function integerOrNull(raw: string): number | null {
  const text = raw.trim();
  if (text === "") return null;
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * An amount in Rupiah as officials write it: `25.300.000.000`, `Rp 1.500.000` or `1500000`.
 * Points group thousands; a comma starts cents, which the schema then refuses.
 */
export function rupiahOrNull(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/^rp\.?\s*/i, "")
    .replace(/\s/g, "");
  if (text === "") return null;
  if (!/^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+(,\d+)?$/.test(text)) return Number.NaN;
  return Number(text.replaceAll(".", "").replace(",", "."));
}

/** A number back as text for a form: `12,5`, or empty for none. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}

/** An amount back as text for a form, with thousands grouped: `25.300.000.000`. */
export function rupiahText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : new Intl.NumberFormat("id-ID").format(value);
}
