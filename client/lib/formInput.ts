import { format, isValid, parse } from "date-fns";

/**
 * Turning what a person typed into what the shared schemas take. Text that is not a number
 * becomes NaN, so the schema answers with its own message ("… harus berupa angka").
 */

/** Empty text as null; the rest as typed (the schema trims it). */
export function textOrNull(raw: string): string | null {
  return raw.trim() === "" ? null : raw;
}

/** The reference day date-fns needs to parse a full date; any day does. */
const REFERENCE = new Date(2000, 0, 1);

/**
 * A date as typed, the same in every browser language: `18/11/2024` (HH/BB/TTTT; `.` or `-`
 * between the parts also do) or `2024-11-18`; as `YYYY-MM-DD`, or null when it is no real date.
 */
export function parseDateText(raw: string): string | null {
  const text = raw.trim();
  let parsed: Date;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) parsed = parse(text, "yyyy-M-d", REFERENCE);
  else if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text))
    parsed = parse(text.replace(/[.-]/g, "/"), "d/M/yyyy", REFERENCE);
  else return null;
  return isValid(parsed) ? format(parsed, "yyyy-MM-dd") : null;
}

/** A `YYYY-MM-DD` date as a person types it: `18/11/2024`; empty for none. */
export function dateText(iso: string | null | undefined): string {
  if (!iso) return "";
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * A date field's text for a schema: `YYYY-MM-DD`, or null when empty; text that is no date
 * is passed on as typed, for the schema to refuse.
 */
export function dateOrNull(raw: string): string | null {
  if (raw.trim() === "") return null;
  return parseDateText(raw) ?? raw;
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
