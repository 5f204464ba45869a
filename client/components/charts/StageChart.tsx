import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { STAGES } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import type { Summary } from "../../lib/trpc";
import { PROJECTOR, useMediaQuery } from "../../lib/useMediaQuery";
import { ChartFrame, type ChartSize, sizeProps } from "./ChartFrame";
import { MUTED, PRIMARY } from "./colors";

/** The integer ticks of a count axis from 0 to `total`: every one when few, else a handful. */
export function countTicks(total: number): number[] {
  const step = total <= 12 ? 1 : Math.ceil(total / 6);
  const ticks: number[] = [];
  for (let n = 0; n < total; n += step) ticks.push(n);
  ticks.push(total);
  return ticks;
}

/** How many issues are at each stage, on a scale of all the issues. */
export function StageChart({ summary, size }: { summary: Summary; size?: ChartSize }) {
  const projector = useMediaQuery(PROJECTOR);
  const fontSize = projector ? 18 : 13;
  const data = STAGES.map((stage) => ({ name: t.stageShort[stage], value: summary.byStage[stage] }));
  const text = data.map((d) => `${d.name}: ${d.value}`).join("; ");
  const counted = data.reduce((n, d) => n + d.value, 0);
  return (
    <ChartFrame title={t.dashboard.chartStages} summary={text} empty={counted === 0}>
      <BarChart
        data={data}
        margin={{ top: 24, right: 16, left: 8, bottom: 8 }}
        {...sizeProps(size, projector ? 400 : 320)}
      >
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="name"
          tick={{ fontSize }}
          interval={0}
          angle={-30}
          textAnchor="end"
          height={projector ? 120 : 92}
          label={{
            value: t.dashboard.axisStage,
            position: "insideBottom",
            fontSize,
            fill: MUTED,
            className: "axis-title",
          }}
        />
        <YAxis
          allowDecimals={false}
          domain={[0, summary.total]}
          ticks={countTicks(summary.total)}
          interval={0}
          tick={{ fontSize }}
          width={projector ? 72 : 56}
          label={{
            value: t.dashboard.axisCount(summary.total),
            angle: -90,
            position: "insideLeft",
            fontSize,
            fill: MUTED,
            className: "axis-title",
            style: { textAnchor: "middle" },
          }}
        />
        <Tooltip />
        <Bar
          dataKey="value"
          name={t.dashboard.axisCount(summary.total)}
          fill={PRIMARY}
          isAnimationActive={false}
          label={{ position: "top", fontSize, fontWeight: 600 }}
        />
      </BarChart>
    </ChartFrame>
  );
}
