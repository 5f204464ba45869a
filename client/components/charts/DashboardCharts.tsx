import type { IssueListItem, Summary, TrendPoint } from "../../lib/trpc";
import type { ChartSize } from "./ChartFrame";
import { ProgressChart } from "./ProgressChart";
import { StageChart } from "./StageChart";
import { TrendChart } from "./TrendChart";

/** The dashboard's charts: loaded lazily, since recharts is most of the app's weight. */
export default function DashboardCharts(props: {
  issues: readonly IssueListItem[];
  summary: Summary;
  trend: readonly TrendPoint[] | undefined;
  size?: ChartSize;
}) {
  return (
    <div className="chart-grid">
      <ProgressChart issues={props.issues} size={props.size} />
      <StageChart summary={props.summary} size={props.size} />
      {props.trend ? <TrendChart points={props.trend} size={props.size} /> : null}
    </div>
  );
}
