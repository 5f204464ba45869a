import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatPercent } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import type { TrendPoint } from "../../lib/trpc";
import { PROJECTOR, useMediaQuery } from "../../lib/useMediaQuery";
import { ChartFrame, type ChartSize, sizeProps } from "./ChartFrame";
import { PRIMARY, SECONDARY } from "./colors";

const monthLabel = new Intl.DateTimeFormat("id-ID", { month: "short", year: "2-digit", timeZone: "UTC" });

export function TrendChart({ points, size }: { points: readonly TrendPoint[]; size?: ChartSize }) {
  const projector = useMediaQuery(PROJECTOR);
  const fontSize = projector ? 16 : 12;
  const data = points.map((p) => ({
    date: p.date,
    mean: p.meanProgress === null ? null : Math.round(p.meanProgress * 10) / 10,
    handling: p.inHandlingOrLater,
  }));
  const last = data.at(-1);
  const first = data[0];
  const summary =
    first && last
      ? `${formatDate(first.date)}: ${first.mean === null ? t.state.noData : formatPercent(first.mean)}, ${first.handling} isu ditangani; ${formatDate(last.date)}: ${last.mean === null ? t.state.noData : formatPercent(last.mean)}, ${last.handling} isu ditangani.`
      : t.state.noData;
  return (
    <ChartFrame title={t.dashboard.chartTrend} summary={summary}>
      <LineChart data={data} margin={{ top: 8, right: 8 }} {...sizeProps(size, 300)}>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={(d: string) => monthLabel.format(new Date(`${d}T00:00:00Z`))}
          minTickGap={16}
        />
        <YAxis yAxisId="mean" domain={[0, 100]} unit="%" width={projector ? 64 : 52} tick={{ fontSize }} />
        <YAxis
          yAxisId="count"
          orientation="right"
          allowDecimals={false}
          domain={[0, "auto"]}
          tick={{ fontSize }}
        />
        <Tooltip labelFormatter={(d) => formatDate(String(d))} />
        <Legend />
        <Line
          yAxisId="mean"
          type="stepAfter"
          dataKey="mean"
          name={t.dashboard.chartTrendMean}
          stroke={PRIMARY}
          strokeWidth={3}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          yAxisId="count"
          type="stepAfter"
          dataKey="handling"
          name={t.dashboard.chartTrendHandling}
          stroke={SECONDARY}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
