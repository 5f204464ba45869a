import { wibDate } from "./asOf";

export const DIRECTION_STATUSES = ["open", "done"] as const;
export type DirectionStatus = (typeof DIRECTION_STATUSES)[number];

/** Who records arahan: the Wali Kota and the Sekda office. */
export const DIRECTION_GIVERS = ["pimpinan", "admin"] as const;

/** What the overdue rule needs to know of an arahan. */
export interface DirectionFacts {
  givenOn: string;
  dueDate: string;
  status: DirectionStatus;
  /** The instant (UTC) it was closed; null while open. */
  closedAt: string | null;
}

/** Whether an arahan had been given by a view date: one given later does not exist yet then. */
export function directionGivenBy(direction: Pick<DirectionFacts, "givenOn">, viewDate: string): boolean {
  return direction.givenOn <= viewDate;
}

/**
 * An arahan's status as it stood on a view date (WIB): one closed after that date was still open
 * then, so a past view shows what was outstanding at the time.
 */
export function directionStatusAsOf(
  direction: Pick<DirectionFacts, "status" | "closedAt">,
  viewDate: string,
): DirectionStatus {
  if (direction.status === "done" && direction.closedAt !== null && wibDate(direction.closedAt) <= viewDate) {
    return "done";
  }
  return "open";
}

/**
 * The one overdue rule: an arahan is overdue on a view date when its due date is before that
 * date and it was still open then. Due today is not yet overdue.
 */
export function isDirectionOverdue(direction: DirectionFacts, viewDate: string): boolean {
  return direction.dueDate < viewDate && directionStatusAsOf(direction, viewDate) === "open";
}
