import { shiftDate } from "./asOf";

/** The apel pagi is held on Mondays. */
const MONDAY = 1;

/** The Monday on or before a `YYYY-MM-DD` date: the apel of that week. */
export function mondayOnOrBefore(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return shiftDate(date, (weekday - MONDAY + 7) % 7);
}

export interface ApelDates {
  /** The apel the deck is about. */
  date: string;
  /** The apel before it: what "since the last apel" compares with. */
  previous: string;
  /** Whether `previous` is a recorded apel (false: one week earlier, by default). */
  previousRecorded: boolean;
}

/**
 * Which apel a deck shows and which it compares with. A replay (`per`) shows the apel of that
 * date; otherwise the latest apel: this week's Monday, or a later recorded apel (one moved by a
 * holiday). The previous apel is the latest recorded one before it, else one week earlier.
 */
export function apelDates(recorded: readonly string[], today: string, per?: string): ApelDates {
  const latestBefore = (date: string, inclusive: boolean) =>
    recorded
      .filter((d) => (inclusive ? d <= date : d < date))
      .reduce<string | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
  let date = per ?? mondayOnOrBefore(today);
  if (per === undefined) {
    const lastRecorded = latestBefore(today, true);
    if (lastRecorded !== null && lastRecorded > date) date = lastRecorded;
  }
  const previous = latestBefore(date, false);
  return previous === null
    ? { date, previous: shiftDate(date, 7), previousRecorded: false }
    : { date, previous, previousRecorded: true };
}

/** Whether a dated fact falls after the previous apel and by this one: "since the last apel". */
export function sinceLastApel(date: string | null, dates: Pick<ApelDates, "date" | "previous">): boolean {
  return date !== null && date > dates.previous && date <= dates.date;
}
