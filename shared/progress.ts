import { type Measure, STAGE_NOMINAL_PROGRESS, type Stage } from "./domain";

/** An issue's target indicator: what is counted, towards what, from where. */
export interface IndicatorSpec {
  unit: string;
  target: number | null;
  baseline: number | null;
}

/** What an issue's progress figure is measured by, from its own data. */
export interface MeasureSpec {
  measure: Measure;
  indicator: IndicatorSpec | null;
}

/**
 * Where a progress figure comes from: reported physical progress, the indicator's achievement
 * against its target (*capaian indikator*), or the stage's nominal figure (an estimate).
 */
export type ProgressBasis = "physical" | "indicator" | "stage";

export interface Progress {
  /** 0–100. */
  value: number;
  basis: ProgressBasis;
  /** True when no source gave a figure and the stage's nominal progress stands in. */
  estimated: boolean;
  /** The indicator's own figure behind an indicator-based value, to say it in words. */
  indicator: { unit: string; value: number; target: number; baseline: number } | null;
}

/** How far the indicator has come from its baseline towards its target, 0–100, or null. */
export function indicatorProgress(
  indicator: Omit<IndicatorSpec, "unit">,
  value: number | null,
): number | null {
  if (indicator.target === null || value === null) return null;
  const baseline = indicator.baseline ?? 0;
  const span = indicator.target - baseline;
  if (span === 0) return null;
  return Math.max(0, Math.min(100, ((value - baseline) / span) * 100));
}

/**
 * The one progress rule. An issue measured by its indicator shows the indicator's achievement
 * when there is a realised value and a target; otherwise (and for works) the reported physical
 * progress; otherwise the stage's nominal progress, marked as an estimate.
 */
export function issueProgress(
  spec: MeasureSpec,
  state: { stage: Stage; physicalProgress: number | null; indicatorValue: number | null },
): Progress {
  if (spec.measure === "indikator" && spec.indicator !== null) {
    const value = indicatorProgress(spec.indicator, state.indicatorValue);
    if (value !== null && state.indicatorValue !== null && spec.indicator.target !== null) {
      return {
        value,
        basis: "indicator",
        estimated: false,
        indicator: {
          unit: spec.indicator.unit,
          value: state.indicatorValue,
          target: spec.indicator.target,
          baseline: spec.indicator.baseline ?? 0,
        },
      };
    }
  }
  if (state.physicalProgress !== null) {
    return { value: state.physicalProgress, basis: "physical", estimated: false, indicator: null };
  }
  return { value: STAGE_NOMINAL_PROGRESS[state.stage], basis: "stage", estimated: true, indicator: null };
}

/** Works measured physically unless the data says otherwise. */
export const PHYSICAL: MeasureSpec = { measure: "fisik", indicator: null };
