import { calendarDaysBetween, wibDate } from "./asOf";
import { type DatePrecision, type Health, isStageBackward, type Stage } from "./domain";
import { staleness } from "./rollup";

/** Why an issue needs attention, each with the figure that says how much. */
export type AttentionReason =
  | { kind: "blocked" }
  | { kind: "at_risk" }
  | { kind: "late"; days: number; targetDate: string; precision: DatePrecision }
  | { kind: "backward"; from: Stage; to: Stage }
  | { kind: "directions_overdue"; count: number }
  | { kind: "stale"; days: number | null };

export type AttentionKind = AttentionReason["kind"];

/** Worst first: what the Wali Kota should hear about before anything else. */
const SEVERITY: Record<AttentionKind, number> = {
  blocked: 6,
  late: 5,
  backward: 4,
  at_risk: 3,
  directions_overdue: 2,
  stale: 1,
};

export interface AttentionInput {
  /** The state at the view's cutoff (null: no update yet). */
  stage: Stage | null;
  health: Health | null;
  lastUpdatedAt: string | null;
  /** The stage at the comparison date, to see a move back. */
  stageBefore: Stage | null;
  targetDate: string | null;
  targetDatePrecision: DatePrecision;
  /** Arahan for the issue past their due date and still open. */
  overdueDirections?: number;
}

/**
 * The one attention rule. An issue needs attention when its latest update reports it at risk or
 * blocked, when its target date has passed and it is not finished (*terlambat*), when it moved
 * back a stage since the comparison date (*mundur*), when an arahan for it is overdue, or when it
 * has had no update for `staleAfterDays` (*belum diperbarui*). A finished issue is neither late
 * nor stale. The reported health stays as reported: these reasons stand beside it.
 */
export function attentionReasons(
  issue: AttentionInput,
  cutoff: string,
  staleAfterDays: number,
): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (issue.health === "blocked") reasons.push({ kind: "blocked" });
  if (issue.health === "at_risk") reasons.push({ kind: "at_risk" });
  const finished = issue.stage === "selesai";
  if (!finished && issue.targetDate !== null) {
    const days = calendarDaysBetween(issue.targetDate, wibDate(cutoff));
    if (days > 0) {
      reasons.push({
        kind: "late",
        days,
        targetDate: issue.targetDate,
        precision: issue.targetDatePrecision,
      });
    }
  }
  if (issue.stage !== null && isStageBackward(issue.stageBefore, issue.stage)) {
    reasons.push({ kind: "backward", from: issue.stageBefore as Stage, to: issue.stage });
  }
  if ((issue.overdueDirections ?? 0) > 0) {
    reasons.push({ kind: "directions_overdue", count: issue.overdueDirections ?? 0 });
  }
  const { stale, daysSinceUpdate } = staleness(issue, cutoff, staleAfterDays);
  if (stale) reasons.push({ kind: "stale", days: daysSinceUpdate });
  return reasons.sort((a, b) => SEVERITY[b.kind] - SEVERITY[a.kind]);
}

function worst(reasons: readonly AttentionReason[]): number {
  return reasons.reduce((max, r) => Math.max(max, SEVERITY[r.kind]), 0);
}

function daysOf(reasons: readonly AttentionReason[], kind: "late" | "stale"): number {
  const reason = reasons.find((r) => r.kind === kind);
  if (reason === undefined) return -1;
  return reason.kind === "late" || reason.kind === "stale" ? (reason.days ?? Number.MAX_SAFE_INTEGER) : -1;
}

/**
 * Orders issues needing attention worst first: by their most severe reason, then by how many
 * reasons, then by days late, then by days without an update, then by issue number.
 */
export function byUrgency(
  a: { number: number; reasons: readonly AttentionReason[] },
  b: { number: number; reasons: readonly AttentionReason[] },
): number {
  return (
    worst(b.reasons) - worst(a.reasons) ||
    b.reasons.length - a.reasons.length ||
    daysOf(b.reasons, "late") - daysOf(a.reasons, "late") ||
    daysOf(b.reasons, "stale") - daysOf(a.reasons, "stale") ||
    a.number - b.number
  );
}

/** The summary's default comparison: one week back, the previous Monday apel. */
export const DEFAULT_SINCE_DAYS = 7;

/**
 * The issues needing attention at `cutoff`, each with its reasons, worst first: what the
 * dashboard's summary and every export show. `stageBefore` gives each issue's stage at the
 * comparison date, to see a move back.
 */
export function issuesNeedingAttention<
  T extends Omit<AttentionInput, "stageBefore"> & { id: number; number: number },
>(
  issues: readonly T[],
  stageBefore: (issue: T) => Stage | null,
  cutoff: string,
  staleAfterDays: number,
): (T & { reasons: AttentionReason[] })[] {
  return issues
    .map((issue) => ({
      ...issue,
      reasons: attentionReasons({ ...issue, stageBefore: stageBefore(issue) }, cutoff, staleAfterDays),
    }))
    .filter((issue) => issue.reasons.length > 0)
    .sort(byUrgency);
}
