import type { AttentionReason } from "./attention";
import { formatDateShort, formatNumber, formatPercent, formatRupiahCompact } from "./format";
import { id as t } from "./messages/id";
import type { IndicatorSpec, Progress } from "./progress";

/** An indicator amount in its unit: `Rp68,3 M`, `58%`, `300` (the unit word follows separately). */
function amount(unit: string, value: number): string {
  if (unit === "rupiah") return formatRupiahCompact(value);
  if (unit === "persen") return formatPercent(value);
  return formatNumber(value);
}

/** The unit word after a count (`180 usaha`); none for money and percentages. */
function unitWord(unit: string): string {
  return unit === "rupiah" || unit === "persen" ? "" : unit;
}

/**
 * An indicator's figure in words, as officials say it: `Rp68,3 M dari Rp73 M`,
 * `58% dari target 97,5%`, `300 dari 180 usaha`; without a target or a value, says so.
 */
export function describeIndicator(indicator: IndicatorSpec, value: number | null): string {
  const { unit, target } = indicator;
  if (value === null) {
    return target === null
      ? t.state.noData
      : t.progress.noValue(`${amount(unit, target)} ${unitWord(unit)}`.trim());
  }
  if (target === null) return t.progress.noTarget(`${amount(unit, value)} ${unitWord(unit)}`.trim());
  if (unit === "persen") return t.progress.ofPercentTarget(amount(unit, value), amount(unit, target));
  return t.progress.ofTarget(amount(unit, value), amount(unit, target), unitWord(unit));
}

/**
 * A progress figure in words: `59,5% capaian indikator (58% dari target 97,5%)`,
 * `60% (perkiraan)`, `100%`.
 */
export function describeProgress(progress: Progress): string {
  const value = formatPercent(progress.value);
  if (progress.basis === "indicator" && progress.indicator !== null) {
    return `${value} ${t.progress.indicator} (${describeIndicator(progress.indicator, progress.indicator.value)})`;
  }
  if (progress.estimated) return `${value} (${t.progress.estimated})`;
  return value;
}

/** One attention reason in words, with its figure: `Terlambat 23 hari dari target 31 Des 2024`. */
export function describeReason(reason: AttentionReason): string {
  switch (reason.kind) {
    case "blocked":
      return t.attention.blocked;
    case "at_risk":
      return t.attention.at_risk;
    case "late":
      return t.attention.late(reason.days, formatDateShort(reason.targetDate, reason.precision));
    case "backward":
      return t.attention.backward(t.stageShort[reason.from], t.stageShort[reason.to]);
    case "directions_overdue":
      return t.attention.directions_overdue(reason.count);
    case "stale":
      return reason.days === null ? t.attention.neverUpdated : t.attention.stale(reason.days);
  }
}
