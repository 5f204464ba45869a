import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatPercent } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import type { TrendPoint } from "../../lib/trpc";
import { PHONE, PROJECTOR, useMediaQuery, WIDE } from "../../lib/useMediaQuery";
import { ChartFrame, ChartLegend, type ChartSize, sizeProps } from "./ChartFrame";
import { MUTED, PRIMARY, SECONDARY } from "./colors";
import { countTicks } from "./StageChart";

const monthLabel = new Intl.DateTimeFormat("id-ID", { month: "short", year: "2-digit", timeZone: "UTC" });

const ESTIMATE_DASH = "10 6";
const COUNT_DASH = "2 4";
/** Every line of the trend: a step at each change (the points are the Mondays and the view date), no dots. */
const STEP_LINE = { type: "stepAfter", dot: false, isAnimationActive: false } as const;

/** Month spans the date axis may step by: labels fall on the same months every year. */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12];

/**
 * The points the date axis labels: the first point of a month, every 1, 2, 3, 4, 6 or 12 months
 * (January, and the months a step after it), the smallest step that gives at most `most` labels.
 * Chosen here rather than by recharts, which measures every label in the page to thin them.
 */
export function monthTicks(points: readonly { date: string }[], most: number): string[] {
  const starts = points.filter((p, i) => i === 0 || p.date.slice(0, 7) !== points[i - 1]?.date.slice(0, 7));
  const month = (date: string) => Number(date.slice(5, 7)) - 1;
  for (const step of MONTH_STEPS) {
    const ticks = starts.filter((p) => month(p.date) % step === 0).map((p) => p.date);
    if (ticks.length <= most) return ticks;
  }
  // Longer than a dozen years: every year's first point, thinned evenly.
  const years = starts.filter((p) => month(p.date) === 0).map((p) => p.date);
  const every = Math.ceil(years.length / Math.max(1, most));
  return years.filter((_, i) => i % every === 0);
}

/** One trend point in words: its date, the mean and how much of it is estimated, the count. */
function describePoint(p: TrendPoint): string {
  const mean = p.meanProgress === null ? t.state.noData : t.dashboard.meanOn(formatPercent(p.meanProgress));
  return `${formatDate(p.date)}: ${mean} (${t.dashboard.estimatedOf(p.estimatedCount, p.total)}), ${t.dashboard.handlingOf(p.inHandlingOrLater, p.total)}`;
}

/**
 * The mean progress and the number of issues in handling, a point each Monday up to the view
 * date, drawn as steps. The mean is a solid line where every figure behind it was reported and
 * a dashed line where some are the stage's estimate; how many is a third, dotted line.
 */
export function TrendChart({ points, size }: { points: readonly TrendPoint[]; size?: ChartSize }) {
  const projector = useMediaQuery(PROJECTOR);
  const phone = useMediaQuery(PHONE);
  const wide = useMediaQuery(WIDE);
  const fontSize = projector ? 18 : 13;
  const total = points.at(-1)?.total ?? 0;
  const data = points.map((p, i) => {
    const mean = p.meanProgress === null ? null : Math.round(p.meanProgress * 10) / 10;
    const prev = points[i - 1];
    const estimated = p.estimatedCount > 0;
    // A step is drawn from a point to the next one: each series keeps the point that ends its step.
    const prevEstimated = prev !== undefined && prev.meanProgress !== null && prev.estimatedCount > 0;
    const prevMeasured = prev !== undefined && prev.meanProgress !== null && prev.estimatedCount === 0;
    return {
      point: p,
      date: p.date,
      measured: mean !== null && (!estimated || prevMeasured) ? mean : null,
      withEstimate: mean !== null && (estimated || prevEstimated) ? mean : null,
      handling: p.inHandlingOrLater,
      estimatedCount: p.estimatedCount,
    };
  });
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last
      ? [first, last]
          .filter((p, i) => i === 0 || p !== first)
          .map(describePoint)
          .join("; ")
      : "";
  const legend = (
    <>
      <ChartLegend
        items={[
          {
            key: "measured",
            mark: <line x1="0" y1="7" x2="28" y2="7" stroke={PRIMARY} strokeWidth="3" />,
            text: t.dashboard.legendMeanMeasured,
          },
          {
            key: "estimated",
            mark: (
              <line x1="0" y1="7" x2="28" y2="7" stroke={PRIMARY} strokeWidth="3" strokeDasharray="7 4" />
            ),
            text: t.dashboard.legendMeanEstimated,
          },
          {
            key: "handling",
            mark: <line x1="0" y1="7" x2="28" y2="7" stroke={SECONDARY} strokeWidth="2" />,
            text: t.dashboard.chartTrendHandling,
          },
          {
            key: "count",
            mark: (
              <line
                x1="0"
                y1="7"
                x2="28"
                y2="7"
                stroke={MUTED}
                strokeWidth="2"
                strokeDasharray={COUNT_DASH}
              />
            ),
            text: t.dashboard.legendEstimatedCount,
          },
        ]}
      />
      <p className="chart-note">{t.dashboard.trendNote}</p>
    </>
  );
  return (
    <ChartFrame
      title={t.dashboard.chartTrend}
      summary={summary}
      empty={points.every((p) => p.meanProgress === null)}
      legend={legend}
    >
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} {...sizeProps(size, 340)}>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="date"
          ticks={monthTicks(points, phone ? 3 : wide ? 6 : 4)}
          interval={0}
          tickFormatter={(d: string) => monthLabel.format(new Date(`${d}T00:00:00Z`))}
          tick={{ fontSize }}
          height={projector ? 64 : 48}
          label={{
            value: t.dashboard.axisWeek,
            position: "insideBottom",
            fontSize,
            fill: MUTED,
            className: "axis-title",
          }}
        />
        <YAxis
          yAxisId="mean"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          interval={0}
          unit="%"
          width={projector ? 84 : 64}
          tick={{ fontSize }}
          label={{
            value: t.dashboard.chartTrendMean,
            angle: -90,
            position: "insideLeft",
            fontSize,
            fill: MUTED,
            className: "axis-title",
            style: { textAnchor: "middle" },
          }}
        />
        <YAxis
          yAxisId="count"
          orientation="right"
          allowDecimals={false}
          domain={[0, total]}
          ticks={countTicks(total)}
          interval={0}
          width={projector ? 72 : 56}
          tick={{ fontSize }}
          label={{
            value: t.dashboard.axisCount(total),
            angle: 90,
            position: "insideRight",
            fontSize,
            fill: MUTED,
            className: "axis-title",
            style: { textAnchor: "middle" },
          }}
        />
        <Tooltip
          content={({ active, payload }) => {
            const point = (payload?.[0]?.payload as { point?: TrendPoint } | undefined)?.point;
            if (!active || !point) return null;
            return (
              <div className="chart-tooltip">
                <p>
                  <strong>{formatDate(point.date)}</strong>
                </p>
                <p>
                  {point.meanProgress === null
                    ? t.state.noData
                    : t.dashboard.meanOn(formatPercent(point.meanProgress))}
                </p>
                <p>{t.dashboard.estimatedOf(point.estimatedCount, point.total)}</p>
                <p>{t.dashboard.handlingOf(point.inHandlingOrLater, point.total)}</p>
              </div>
            );
          }}
        />
        <Line
          {...STEP_LINE}
          yAxisId="mean"
          dataKey="withEstimate"
          name={t.dashboard.legendMeanEstimated}
          stroke={PRIMARY}
          strokeWidth={3}
          strokeDasharray={ESTIMATE_DASH}
        />
        <Line
          {...STEP_LINE}
          yAxisId="mean"
          dataKey="measured"
          name={t.dashboard.legendMeanMeasured}
          stroke={PRIMARY}
          strokeWidth={3}
        />
        <Line
          {...STEP_LINE}
          yAxisId="count"
          dataKey="handling"
          name={t.dashboard.chartTrendHandling}
          stroke={SECONDARY}
          strokeWidth={2}
        />
        <Line
          {...STEP_LINE}
          yAxisId="count"
          dataKey="estimatedCount"
          name={t.dashboard.legendEstimatedCount}
          stroke={MUTED}
          strokeWidth={2}
          strokeDasharray={COUNT_DASH}
        />
      </LineChart>
    </ChartFrame>
  );
}
