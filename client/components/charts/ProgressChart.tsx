import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { describeProgress } from "../../../shared/describe";
import { HEALTHS } from "../../../shared/domain";
import { formatPercent } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import type { IssueListItem } from "../../lib/trpc";
import { PHONE, PROJECTOR, useMediaQuery } from "../../lib/useMediaQuery";
import { ChartFrame, type ChartSize, sizeProps } from "./ChartFrame";
import { HEALTH_COLORS, NO_DATA_COLOR, stripesId } from "./colors";

function barFill(issue: IssueListItem): string {
  if (issue.health === null || issue.progress === null) return NO_DATA_COLOR;
  return issue.progress.estimated ? `url(#${stripesId(issue.health)})` : HEALTH_COLORS[issue.health];
}

/** Physical progress of each issue; estimates from the stage are striped and say so. */
export function ProgressChart({ issues, size }: { issues: readonly IssueListItem[]; size?: ChartSize }) {
  const phone = useMediaQuery(PHONE);
  const projector = useMediaQuery(PROJECTOR);
  const fontSize = projector ? 16 : 12;
  const data = issues.map((issue) => ({
    name: `#${issue.number} ${issue.title}`,
    tick: phone ? `#${issue.number}` : `#${issue.number} ${issue.title}`,
    value: issue.progress?.value ?? 0,
    issue,
  }));
  const summary = data
    .map((d) => `${d.name}: ${d.issue.progress ? describeProgress(d.issue.progress) : t.state.noData}`)
    .join("; ");
  return (
    <ChartFrame title={t.dashboard.chartProgress} summary={summary}>
      <svg width="0" height="0" aria-hidden="true" style={{ position: "absolute" }}>
        <defs>
          {HEALTHS.map((h) => (
            <pattern
              key={h}
              id={stripesId(h)}
              patternUnits="userSpaceOnUse"
              width="8"
              height="8"
              patternTransform="rotate(45)"
            >
              <rect width="8" height="8" fill={HEALTH_COLORS[h]} opacity="0.35" />
              <rect width="4" height="8" fill={HEALTH_COLORS[h]} />
            </pattern>
          ))}
        </defs>
      </svg>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ left: 8, right: 24 }}
        {...sizeProps(size, projector ? 600 : 420)}
      >
        <CartesianGrid horizontal={false} />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize }} />
        <YAxis
          type="category"
          dataKey="tick"
          width={phone ? 40 : projector ? 290 : 210}
          tick={{ fontSize }}
          interval={0}
        />
        <Tooltip
          labelFormatter={(_label, payload) =>
            (payload[0]?.payload as { name?: string } | undefined)?.name ?? ""
          }
          formatter={(value, _name, item) => {
            const issue = (item.payload as { issue: IssueListItem }).issue;
            return [
              issue.progress ? describeProgress(issue.progress) : formatPercent(Number(value)),
              t.issue.progress,
            ];
          }}
        />
        <Bar dataKey="value" name={t.issue.progress} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.issue.id} fill={barFill(d.issue)} />
          ))}
        </Bar>
      </BarChart>
      <p className="chart-note">{t.dashboard.estimateLegend}</p>
    </ChartFrame>
  );
}
