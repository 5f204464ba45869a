import { asOfCutoff, daysBetween, shiftDate, stateAsOf } from "./asOf";
import { HEALTHS, type Health, isAtLeast, STAGES, type Stage } from "./domain";
import { issueProgress, type MeasureSpec, PHYSICAL, type Progress } from "./progress";

export interface StatefulIssue {
  stage: Stage | null;
  health: Health | null;
  progress: Pick<Progress, "value" | "estimated" | "basis"> | null;
}

export interface Rollup {
  total: number;
  withoutData: number;
  byStage: Record<Stage, number>;
  byHealth: Record<Health, number>;
  /** Issues at `penanganan` or further: the figure the Wali Kota reports at the apel. */
  inHandlingOrLater: number;
  meanProgress: number | null;
  /** Issues whose figure is the stage's nominal progress. */
  estimatedCount: number;
  /** Issues whose figure is their indicator's achievement. */
  indicatorCount: number;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Headline figures over a set of issues' states. */
export function rollup(issues: readonly StatefulIssue[]): Rollup {
  const byStage = zeroes(STAGES);
  const byHealth = zeroes(HEALTHS);
  let progressSum = 0;
  let withProgress = 0;
  let estimatedCount = 0;
  let indicatorCount = 0;
  let inHandlingOrLater = 0;
  for (const issue of issues) {
    if (issue.stage !== null) {
      byStage[issue.stage] += 1;
      if (isAtLeast(issue.stage, "penanganan")) inHandlingOrLater += 1;
    }
    if (issue.health !== null) byHealth[issue.health] += 1;
    if (issue.progress !== null) {
      progressSum += issue.progress.value;
      withProgress += 1;
      if (issue.progress.estimated) estimatedCount += 1;
      if (issue.progress.basis === "indicator") indicatorCount += 1;
    }
  }
  return {
    total: issues.length,
    withoutData: issues.filter((i) => i.stage === null).length,
    byStage,
    byHealth,
    inHandlingOrLater,
    meanProgress: withProgress === 0 ? null : progressSum / withProgress,
    estimatedCount,
    indicatorCount,
  };
}

export interface TrendInputUpdate {
  id: number;
  issueId: number;
  createdAt: string;
  stage: Stage;
  physicalProgress: number | null;
  indicatorValue: number | null;
}

export interface TrendPoint {
  date: string;
  meanProgress: number | null;
  inHandlingOrLater: number;
  /** Issues counted at their stage's nominal progress at this date (a part of the mean that is an estimate). */
  estimatedCount: number;
  /** Issues counted in the mean at this date (every issue, those with no update yet at 0%). */
  total: number;
}

/**
 * The trend's dates: the first day, every Monday (the apel) after it, and the view date itself,
 * so a past view ends exactly at its date and the number of points grows with time, not with
 * the history.
 */
export function trendDates(from: string, to: string): string[] {
  if (from >= to) return [to];
  const dates = [from];
  const weekday = new Date(`${from}T00:00:00Z`).getUTCDay();
  let monday = shiftDate(from, -((8 - weekday) % 7 || 7));
  while (monday < to) {
    dates.push(monday);
    monday = shiftDate(monday, -7);
  }
  dates.push(to);
  return dates;
}

/**
 * Mean progress and handling count at each date, each taken "as of" that date by the same rules
 * as the dashboard (the as-of rule, the progress rule), over every issue in `measures`: one with
 * no update yet counts as not started (0%, an estimate), so the line moves only when an issue
 * does, not when one is first recorded.
 */
export function trend(
  history: readonly TrendInputUpdate[],
  measures: ReadonlyMap<number, MeasureSpec>,
  dates: readonly string[],
): TrendPoint[] {
  const byIssue = new Map<number, TrendInputUpdate[]>([...measures.keys()].map((id) => [id, []]));
  for (const update of history) byIssue.get(update.issueId)?.push(update);
  const now = new Date();
  return dates.map((date) => {
    const cutoff = asOfCutoff(date, now);
    const states: StatefulIssue[] = [];
    for (const [issueId, updates] of byIssue) {
      const latest = stateAsOf(updates, cutoff);
      states.push(
        latest === null
          ? { stage: null, health: null, progress: { value: 0, estimated: true, basis: "stage" } }
          : {
              stage: latest.stage,
              health: null,
              progress: issueProgress(measures.get(issueId) ?? PHYSICAL, latest),
            },
      );
    }
    const r = rollup(states);
    return {
      date,
      meanProgress: r.meanProgress,
      inHandlingOrLater: r.inHandlingOrLater,
      estimatedCount: r.estimatedCount,
      total: r.total,
    };
  });
}

export interface Staleness {
  /** Whole days since the last update, at the cutoff; null when there was none. */
  daysSinceUpdate: number | null;
  /**
   * Not finished, and no update for `staleAfterDays` or more, or none at all: someone should be
   * asked. A finished issue (selesai) owes no more updates, however long ago its last one was.
   */
  stale: boolean;
}

export function staleness(
  issue: { stage: Stage | null; lastUpdatedAt: string | null },
  cutoff: string,
  staleAfterDays: number,
): Staleness {
  const daysSinceUpdate = issue.lastUpdatedAt === null ? null : daysBetween(issue.lastUpdatedAt, cutoff);
  const overdue = daysSinceUpdate === null || daysSinceUpdate >= staleAfterDays;
  return { daysSinceUpdate, stale: issue.stage !== "selesai" && overdue };
}
