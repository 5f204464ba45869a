import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { STAGES } from "../../../shared/domain";
import { id as t } from "../../../shared/messages/id";
import type { Summary } from "../../lib/trpc";
import { PROJECTOR, useMediaQuery } from "../../lib/useMediaQuery";
import { ChartFrame, type ChartSize, sizeProps } from "./ChartFrame";
import { PRIMARY } from "./colors";

export function StageChart({ summary, size }: { summary: Summary; size?: ChartSize }) {
  const projector = useMediaQuery(PROJECTOR);
  const fontSize = projector ? 16 : 12;
  const data = STAGES.map((stage) => ({ name: t.stageShort[stage], value: summary.byStage[stage] }));
  const text = data.map((d) => `${d.name}: ${d.value}`).join("; ");
  return (
    <ChartFrame title={t.dashboard.chartStages} summary={text}>
      <BarChart data={data} margin={{ top: 16, right: 16 }} {...sizeProps(size, projector ? 300 : 280)}>
        <CartesianGrid vertical={false} />
        <XAxis
          dataKey="name"
          tick={{ fontSize }}
          interval={0}
          angle={-30}
          textAnchor="end"
          height={projector ? 90 : 70}
        />
        <YAxis allowDecimals={false} tick={{ fontSize }} />
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
