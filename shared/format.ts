import { TIME_ZONE } from "./asOf";
import type { DatePrecision } from "./domain";

const LOCALE = "id-ID";

const rupiah = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "IDR",
  maximumFractionDigits: 0,
});

const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

/** `Rp 25.300.000.000` */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount);
}

/** `Rp 25,3 miliar`: amounts as officials say them, to two decimals. */
export function formatRupiahShort(amount: number): string {
  const scales: [number, string][] = [
    [1e12, "triliun"],
    [1e9, "miliar"],
    [1e6, "juta"],
  ];
  const sign = amount < 0 ? "-" : "";
  for (const [scale, word] of scales) {
    // Choose the unit after rounding, so 999.999.999 reads "1 miliar", not "1.000 juta".
    const scaled = Math.round((Math.abs(amount) / scale) * 100) / 100;
    if (scaled >= 1) return `${sign}Rp\u00a0${decimal.format(scaled)} ${word}`;
  }
  return formatRupiah(amount);
}

/** `Rp68,3 M`: the short form for charts and one-line summaries (jt, M, T). */
export function formatRupiahCompact(amount: number): string {
  const scales: [number, string][] = [
    [1e12, "T"],
    [1e9, "M"],
    [1e6, "jt"],
  ];
  const sign = amount < 0 ? "-" : "";
  for (const [scale, word] of scales) {
    const scaled = Math.round((Math.abs(amount) / scale) * 10) / 10;
    if (scaled >= 1) return `${sign}Rp${decimal.format(scaled)}\u00a0${word}`;
  }
  return formatRupiah(amount);
}

export function formatNumber(value: number): string {
  return decimal.format(value);
}

export function formatPercent(value: number): string {
  return `${percent.format(value)}%`;
}

/** `+20 poin`, `−2,5 poin`: a change between two percentages, in percentage points. */
export function formatPointChange(delta: number): string {
  const rounded = Math.round(delta * 10) / 10;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "";
  return `${sign}${percent.format(Math.abs(rounded))} poin`;
}

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const monthFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, month: "long", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

function toDate(value: string): Date {
  // A bare calendar date is a WIB date: read it at WIB noon so no time zone moves it.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+07:00` : value);
}

/** `18 November 2024` (WIB), or `Januari 2025` when only the month is known. */
export function formatDate(value: string, precision: DatePrecision | null = "day"): string {
  return (precision === "month" ? monthFormat : dateFormat).format(toDate(value));
}

const shortDateFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** `31 Des 2024` (WIB), or `Desember 2024` when only the month is known. */
export function formatDateShort(value: string, precision: DatePrecision | null = "day"): string {
  return (precision === "month" ? monthFormat : shortDateFormat).format(toDate(value));
}

/** `18 Nov 2024, 12.00 WIB` */
export function formatDateTime(value: string): string {
  return `${dateTimeFormat.format(toDate(value))} WIB`;
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
});

/** `07.45 WIB`: a time of day in WIB. */
export function formatTime(value: string | Date): string {
  return `${timeFormat.format(typeof value === "string" ? new Date(value) : value)} WIB`;
}
