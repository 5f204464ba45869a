import { useSearchParams } from "react-router";
import { wibDate } from "../../shared/asOf";

/** The first day the as-of control offers: the month the priority issues were set. */
export const EARLIEST_DATE = "2024-08-01";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Whether `value` is a date the as-of control accepts. */
export function isSelectableDate(value: string, today = wibDate(new Date())): boolean {
  return isRealDate(value) && value >= EARLIEST_DATE && value <= today;
}

/** A comparison date (`?sejak=`) the view cannot use: not a date it offers, or after the view date. */
export interface SinceRejected {
  value: string;
  afterView: boolean;
}

/**
 * The as-of date kept in the URL (`?per=YYYY-MM-DD`), so a view can be shared. An invalid or
 * future date in a link is reported and ignored rather than sent to the server.
 */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const raw = params.get("per");
  const asOf = raw !== null && isSelectableDate(raw) ? raw : undefined;
  const rawSince = params.get("sejak");
  const since =
    rawSince !== null && isSelectableDate(rawSince) && (!asOf || rawSince <= asOf) ? rawSince : undefined;
  // A comparison date the view cannot use is said, not silently replaced by the default.
  const sinceRejected: SinceRejected | null =
    rawSince === null || since !== undefined
      ? null
      : { value: rawSince, afterView: isSelectableDate(rawSince) && asOf !== undefined && rawSince > asOf };

  function setParam(name: string, value: string | undefined) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  return {
    asOf,
    since,
    invalid: raw !== null && asOf === undefined,
    sinceRejected,
    setAsOf: (value: string | undefined) => setParam("per", value),
    setSince: (value: string | undefined) => setParam("sejak", value),
  };
}

/** A link to `path` that keeps the as-of date of the current view (a valid one only). */
export function useAsOfLink() {
  const { asOf } = useAsOf();
  return (path: string) => (asOf ? `${path}?per=${asOf}` : path);
}
