import type { DatePrecision, Health, Stage } from "./domain";
import { issueProgress, type MeasureSpec, type Progress } from "./progress";

/** The fields of an update that make up an issue's state. */
export interface StateSnapshot {
  createdAt: string;
  datePrecision: DatePrecision;
  stage: Stage;
  health: Health;
  physicalProgress: number | null;
  budgetProgress: number | null;
  indicatorValue: number | null;
}

export type IssueState =
  | {
      stage: Stage;
      health: Health;
      physicalProgress: number | null;
      budgetProgress: number | null;
      indicatorValue: number | null;
      lastUpdatedAt: string;
      /** "month" when the source dates the latest event only by its month. */
      lastUpdatePrecision: DatePrecision;
      progress: Progress;
    }
  | {
      stage: null;
      health: null;
      physicalProgress: null;
      budgetProgress: null;
      indicatorValue: null;
      lastUpdatedAt: null;
      lastUpdatePrecision: null;
      progress: null;
    };

/** An issue's state from its latest update (null: it had none yet at that time). */
export function issueState(latest: StateSnapshot | null, measure: MeasureSpec): IssueState {
  if (latest === null) {
    return {
      stage: null,
      health: null,
      physicalProgress: null,
      budgetProgress: null,
      indicatorValue: null,
      lastUpdatedAt: null,
      lastUpdatePrecision: null,
      progress: null,
    };
  }
  return {
    stage: latest.stage,
    health: latest.health,
    physicalProgress: latest.physicalProgress,
    budgetProgress: latest.budgetProgress,
    indicatorValue: latest.indicatorValue,
    lastUpdatedAt: latest.createdAt,
    lastUpdatePrecision: latest.datePrecision,
    progress: issueProgress(measure, latest),
  };
}
