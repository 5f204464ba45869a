import { asOfCutoff, daysBetween, stateAsOf } from "./asOf";
import type { EffectiveProgress } from "./domain";
import { effectiveProgress, HEALTHS, type Health, isAtLeast, STAGES, type Stage } from "./domain";

export interface StatefulIssue {
  stage: Stage | null;
  health: Health | null;
  progress: EffectiveProgress | null;
}

export interface Rollup {
  total: number;
  withoutData: number;
  byStage: Record<Stage, number>;
  byHealth: Record<Health, number>;
  /** Issues at `penanganan` or further: the figure the Wali Kota reports at the apel. */
  inHandlingOrLater: number;
  attention: number;
  meanProgress: number | null;
  estimatedCount: number;
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
    }
  }
  return {
    total: issues.length,
    withoutData: issues.filter((i) => i.stage === null).length,
    byStage,
    byHealth,
    inHandlingOrLater,
    attention: byHealth.at_risk + byHealth.blocked,
    meanProgress: withProgress === 0 ? null : progressSum / withProgress,
    estimatedCount,
  };
}

export interface TrendInputUpdate {
  id: number;
  issueId: number;
  createdAt: string;
  stage: Stage;
  physicalProgress: number | null;
}

export interface TrendPoint {
  date: string;
  meanProgress: number | null;
  inHandlingOrLater: number;
  estimatedCount: number;
}

/** The last day of each month from `from`'s month up to `to`, then `to` itself. */
export function monthEnds(from: string, to: string): string[] {
  const dates: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (end >= to) break;
    dates.push(end);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  dates.push(to);
  return dates;
}

/**
 * Mean progress and handling count at each date, each taken "as of" that date, over every issue
 * in `issueIds`: one with no update yet counts as not started (0%, an estimate), so the line
 * moves only when an issue does, not when one is first recorded.
 */
export function trend(
  history: readonly TrendInputUpdate[],
  issueIds: readonly number[],
  dates: readonly string[],
): TrendPoint[] {
  const byIssue = new Map<number, TrendInputUpdate[]>(issueIds.map((id) => [id, []]));
  for (const update of history) byIssue.get(update.issueId)?.push(update);
  const now = new Date();
  return dates.map((date) => {
    const cutoff = asOfCutoff(date, now);
    const states: StatefulIssue[] = [];
    for (const updates of byIssue.values()) {
      const latest = stateAsOf(updates, cutoff);
      states.push(
        latest === null
          ? { stage: null, health: null, progress: { value: 0, estimated: true } }
          : {
              stage: latest.stage,
              health: null,
              progress: effectiveProgress(latest.stage, latest.physicalProgress),
            },
      );
    }
    const r = rollup(states);
    return {
      date,
      meanProgress: r.meanProgress,
      inHandlingOrLater: r.inHandlingOrLater,
      estimatedCount: r.estimatedCount,
    };
  });
}

export interface Staleness {
  /** Whole days since the last update, at the cutoff; null when there was none. */
  daysSinceUpdate: number | null;
  /** No update for `staleAfterDays` or more, or none at all: someone should be asked. */
  stale: boolean;
}

export function staleness(lastUpdatedAt: string | null, cutoff: string, staleAfterDays: number): Staleness {
  const daysSinceUpdate = lastUpdatedAt === null ? null : daysBetween(lastUpdatedAt, cutoff);
  return { daysSinceUpdate, stale: daysSinceUpdate === null || daysSinceUpdate >= staleAfterDays };
}
