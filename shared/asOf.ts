import { TZDate } from "@date-fns/tz";

/** Kota Malang keeps Western Indonesian Time (UTC+7, no daylight saving). */
export const TIME_ZONE = "Asia/Jakarta";

/** The end of each date asked for so far (a trend asks for every Monday on every read). */
const cutoffs = new Map<string, string>();

/**
 * The instant (ISO-8601, UTC) that a view "as of" a calendar date looks at: the end of that
 * day in WIB. Without a date the view is live, as of `now`.
 */
export function asOfCutoff(asOf: string | undefined, now: Date): string {
  if (asOf === undefined) return now.toISOString();
  let cutoff = cutoffs.get(asOf);
  if (cutoff === undefined) {
    const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
    const endOfDay = new TZDate(year, month - 1, day, 23, 59, 59, 999, TIME_ZONE);
    cutoff = new Date(endOfDay.getTime()).toISOString();
    if (cutoffs.size >= 10_000) cutoffs.clear();
    cutoffs.set(asOf, cutoff);
  }
  return cutoff;
}

/** One formatter, made once: the zone's rules come from the runtime's time-zone data. */
const wibParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The date and time (`YYYY-MM-DD HH:mm`) in WIB of an instant. */
export function wibDateTime(instant: Date | string | number): string {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of wibParts.formatToParts(new Date(instant))) part[type] = value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The calendar date (`YYYY-MM-DD`) in WIB of an instant. */
export function wibDate(instant: Date | string): string {
  return wibDateTime(instant).slice(0, 10);
}

/** The date a view shows: the as-of date, but never past today (the future looks like today). */
export function viewDate(asOf: string | undefined, now: Date): string {
  const today = wibDate(now);
  return asOf === undefined || asOf > today ? today : asOf;
}

/** A past view's date, or null for today's view (no date, today, or later). */
export function pastViewDate(asOf: string | undefined, now: Date): string | null {
  return asOf !== undefined && asOf < wibDate(now) ? asOf : null;
}

/** The calendar date `days` before (negative: after) a `YYYY-MM-DD` date. */
export function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day - days));
  return shifted.toISOString().slice(0, 10);
}

/** Whole days from instant `from` to instant `to`, rounded down. */
export function daysBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Whole calendar days from date `from` to date `to` (`YYYY-MM-DD`); negative when `to` is earlier. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The one rule for "as of" on facts dated by a calendar date (an award, a funding line, a party
 * joining the delivery chain): a past view shows what was dated on or before its date; a fact
 * whose date is not known is shown only in today's view, since no past view can claim it.
 * `viewDate` is null for today's view.
 */
export function datedAsOf(date: string | null, viewDate: string | null): boolean {
  if (viewDate === null) return true;
  return date !== null && date <= viewDate;
}

/**
 * Funding lines as they stood at a view date: those dated by then (`datedAsOf`), each marked
 * `superseded` when its revision (`replacedById`) is shown too, so a revised amount is still
 * seen but never counted twice.
 */
export function fundingAsOf<T extends { id: number; reportedOn: string | null; replacedById: number | null }>(
  lines: readonly T[],
  viewDate: string | null,
): (T & { superseded: boolean })[] {
  const shown = lines.filter((l) => datedAsOf(l.reportedOn, viewDate));
  const shownIds = new Set(shown.map((l) => l.id));
  return shown.map((l) => ({ ...l, superseded: l.replacedById !== null && shownIds.has(l.replacedById) }));
}

export interface Dated {
  id: number;
  createdAt: string;
}

/**
 * The one rule for "as of": an issue's state at an instant is its latest update at or before
 * that instant (ties broken by the later id). Updates are complete snapshots, so no folding is
 * needed. Returns null when the issue had no update yet.
 */
export function stateAsOf<T extends Dated>(updates: readonly T[], cutoff: string): T | null {
  let latest: T | null = null;
  for (const update of updates) {
    if (update.createdAt > cutoff) continue;
    if (
      latest === null ||
      update.createdAt > latest.createdAt ||
      (update.createdAt === latest.createdAt && update.id > latest.id)
    ) {
      latest = update;
    }
  }
  return latest;
}
