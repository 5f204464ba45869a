import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { describeIndicator, describeProgress } from "../../../shared/describe";
import { HEALTHS } from "../../../shared/domain";
import { formatPercent } from "../../../shared/format";
import { id as t } from "../../../shared/messages/id";
import type { Progress } from "../../../shared/progress";
import type { IssueListItem } from "../../lib/trpc";
import { PHONE, PROJECTOR, useMediaQuery } from "../../lib/useMediaQuery";
import { ChartFrame, ChartLegend, type ChartSize, sizeProps } from "./ChartFrame";
import { dotsId, HEALTH_COLORS, MUTED, NO_DATA_COLOR, PRIMARY, stripesId } from "./colors";

function barFill(issue: IssueListItem): string {
  if (issue.health === null || issue.progress === null) return NO_DATA_COLOR;
  if (issue.progress.basis === "indicator") return `url(#${dotsId(issue.health)})`;
  if (issue.progress.estimated) return `url(#${stripesId(issue.health)})`;
  return HEALTH_COLORS[issue.health];
}

/** The figure written at a bar's end: `100%`, `25% (perkiraan)`, `93,6% · Rp68,3 M dari Rp73 M`. */
export function barValue(progress: Progress | null): string {
  if (progress === null) return t.state.noData;
  if (progress.basis === "indicator" && progress.indicator !== null) {
    return `${formatPercent(progress.value)} · ${describeIndicator(progress.indicator, progress.indicator.value)}`;
  }
  return describeProgress(progress);
}

/** Splits a title into lines of about `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/** An issue's name on the axis, wrapped onto lines that fit the axis. */
function IssueTick({ x, y, payload, fontSize, width }: TickProps & { fontSize: number; width: number }) {
  const lines = wrap(String(payload?.value ?? ""), Math.max(8, Math.floor(width / (fontSize * 0.58))));
  const lineHeight = fontSize * 1.15;
  const top = Number(y) - ((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x)} y={top} textAnchor="end" fontSize={fontSize} fill="#0f172a" dominantBaseline="middle">
      {lines.map((line, i) => (
        <tspan key={line} x={Number(x)} dy={i === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  parentViewBox?: { x: number; width: number };
}

/**
 * The figure at the end of a bar: beside it where there is room, else inside its end on a
 * white halo, so a long indicator figure on a nearly full bar stays on the chart.
 */
function BarEndLabel({
  x,
  y,
  width,
  height,
  value,
  parentViewBox,
  fontSize,
}: LabelProps & { fontSize: number }) {
  const text = String(value ?? "");
  const left = Number(x);
  const end = left + Number(width);
  const plotEnd = parentViewBox ? parentViewBox.x + parentViewBox.width : end + 1000;
  const textWidth = text.length * fontSize * 0.55;
  const outside = end + 6 + textWidth <= plotEnd;
  return (
    <text
      x={outside ? end + 6 : Math.max(left + textWidth + 4, end - 6)}
      y={Number(y) + Number(height) / 2}
      textAnchor={outside ? "start" : "end"}
      dominantBaseline="middle"
      fontSize={fontSize}
      fontWeight={600}
      fill="#0f172a"
      stroke="#ffffff"
      strokeWidth={4}
      strokeLinejoin="round"
      paintOrder="stroke"
      className="bar-value"
    >
      {text}
    </text>
  );
}

/**
 * Progress of each issue by the one progress rule: reported physical progress (solid), an
 * indicator's achievement (dotted, "capaian indikator"), or the stage's estimate (striped,
 * "perkiraan"); each bar carries its figure.
 */
export function ProgressChart({ issues, size }: { issues: readonly IssueListItem[]; size?: ChartSize }) {
  const phone = useMediaQuery(PHONE);
  const projector = useMediaQuery(PROJECTOR);
  const fontSize = projector ? 18 : phone ? 11 : 13;
  const axisWidth = phone ? 128 : projector ? 320 : 220;
  const data = issues.map((issue) => ({
    name: `#${issue.number} ${issue.title}`,
    value: issue.progress?.value ?? 0,
    label: barValue(issue.progress),
    issue,
  }));
  const summary = data
    .map((d) => `${d.name}: ${d.issue.progress ? describeProgress(d.issue.progress) : t.state.noData}`)
    .join("; ");
  const rowHeight = phone ? 52 : projector ? 56 : 40;
  const legendItems = [
    {
      key: "physical",
      mark: <rect width="28" height="14" fill={PRIMARY} />,
      text: t.dashboard.legendPhysical,
    },
    {
      key: "indicator",
      mark: <rect width="28" height="14" fill={`url(#${dotsId("on_track")})`} stroke={PRIMARY} />,
      text: t.dashboard.legendIndicator,
    },
    {
      key: "stage",
      mark: <rect width="28" height="14" fill={`url(#${stripesId("on_track")})`} stroke={PRIMARY} />,
      text: t.dashboard.estimateLegend,
    },
    {
      key: "health",
      mark: (
        <>
          <rect width="7" height="14" fill={HEALTH_COLORS.on_track} />
          <rect x="7" width="7" height="14" fill={HEALTH_COLORS.at_risk} />
          <rect x="14" width="7" height="14" fill={HEALTH_COLORS.blocked} />
          <rect x="21" width="7" height="14" fill={NO_DATA_COLOR} />
        </>
      ),
      text: t.dashboard.legendHealth,
    },
  ];
  return (
    <ChartFrame
      title={t.dashboard.chartProgress}
      summary={summary}
      empty={issues.every((issue) => issue.progress === null)}
      legend={<ChartLegend items={legendItems} />}
    >
      <svg width="0" height="0" aria-hidden="true" style={{ position: "absolute" }}>
        <defs>
          {HEALTHS.map((h) => (
            <pattern
              key={`s-${h}`}
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
          {HEALTHS.map((h) => (
            <pattern key={`d-${h}`} id={dotsId(h)} patternUnits="userSpaceOnUse" width="6" height="6">
              <rect width="6" height="6" fill={HEALTH_COLORS[h]} />
              <circle cx="3" cy="3" r="1.4" fill="#ffffff" />
            </pattern>
          ))}
        </defs>
      </svg>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ left: 4, right: phone ? 8 : 24, bottom: 8 }}
        barCategoryGap="20%"
        {...sizeProps(size, data.length * rowHeight + (projector ? 90 : 70))}
      >
        <CartesianGrid horizontal={false} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          unit="%"
          tick={{ fontSize }}
          height={projector ? 64 : 48}
          label={{
            value: t.dashboard.axisProgress,
            position: "insideBottom",
            fontSize,
            fill: MUTED,
            className: "axis-title",
          }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={axisWidth}
          tick={(props: TickProps) => (
            <IssueTick {...props} fontSize={fontSize} width={axisWidth - (phone ? 10 : 2 * fontSize + 12)} />
          )}
          interval={0}
          label={
            phone
              ? undefined
              : {
                  value: t.dashboard.axisIssue,
                  angle: -90,
                  position: "insideLeft",
                  fontSize,
                  fill: MUTED,
                  className: "axis-title",
                }
          }
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
          <LabelList
            dataKey="label"
            content={(props) => <BarEndLabel {...(props as LabelProps)} fontSize={fontSize} />}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
