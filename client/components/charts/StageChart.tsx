import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { STAGES } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import type { Summary } from "../../lib/trpc";
import { ChartFrame, type ChartSize, sizeProps } from "./ChartFrame";
import { PRIMARY } from "./colors";

export function StageChart({ summary, size }: { summary: Summary; size?: ChartSize }) {
  const data = STAGES.map((stage) => ({ name: t.stageShort[stage], value: summary.byStage[stage] }));
  const text = data.map((d) => `${d.name}: ${d.value}`).join("; ");
  return (
    <ChartFrame title={t.dashboard.chartStages} summary={text}>
      <BarChart data={data} margin={{ top: 16, right: 16 }} {...sizeProps(size, 280)}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} angle={-30} textAnchor="end" height={70} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar
          dataKey="value"
          name="Jumlah isu"
          fill={PRIMARY}
          isAnimationActive={false}
          label={{ position: "top" }}
        />
      </BarChart>
    </ChartFrame>
  );
}
