import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Kota Malang keeps Western Indonesian Time (UTC+7, no daylight saving). */
export const TIME_ZONE = "Asia/Jakarta";

/**
 * The instant (ISO-8601, UTC) that a view "as of" a calendar date looks at: the end of that
 * day in WIB. Without a date the view is live, as of `now`.
 */
export function asOfCutoff(asOf: string | undefined, now: Date): string {
  if (asOf === undefined) return now.toISOString();
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  const endOfDay = new TZDate(year, month - 1, day, 23, 59, 59, 999, TIME_ZONE);
  return new Date(endOfDay.getTime()).toISOString();
}

/** The calendar date (`YYYY-MM-DD`) in WIB of an instant. */
export function wibDate(instant: Date | string): string {
  return format(new TZDate(new Date(instant).getTime(), TIME_ZONE), "yyyy-MM-dd");
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
