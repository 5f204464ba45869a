import type { CanvasElement, Content, TableCell } from "pdfmake/interfaces";
import { id as t } from "../../shared/messages/id";
import type { ExportIssue } from "./model";
import { shortProgress } from "./whatsapp";

const BAR_WIDTH = 250;
const BAR_HEIGHT = 10;
const TRACK = "#e6e9ef";
const COLOR = { physical: "#1f6fb2", indicator: "#5fa8d3", stage: "#8a94a6" } as const;

/** Diagonal stripes across a bar, clipped to it: the dashboard's mark for an estimate. */
function stripes(width: number): CanvasElement[] {
  const lines: CanvasElement[] = [];
  for (let start = -BAR_HEIGHT; start < width; start += 4) {
    const x1 = Math.max(start, 0);
    const y1 = BAR_HEIGHT - (x1 - start);
    const x2 = Math.min(start + BAR_HEIGHT, width);
    const y2 = BAR_HEIGHT - (x2 - start);
    if (x2 > x1) lines.push({ type: "line", x1, y1, x2, y2, lineWidth: 1.2, lineColor: "#ffffff" });
  }
  return lines;
}

function bar(issue: ExportIssue): Content {
  const track: CanvasElement = { type: "rect", x: 0, y: 0, w: BAR_WIDTH, h: BAR_HEIGHT, color: TRACK };
  if (issue.progress === null) return { canvas: [track] };
  const width = (BAR_WIDTH * Math.max(0, Math.min(100, issue.progress.value))) / 100;
  const fill: CanvasElement = {
    type: "rect",
    x: 0,
    y: 0,
    w: Math.max(width, 0.5),
    h: BAR_HEIGHT,
    color: COLOR[issue.progress.basis],
  };
  return { canvas: [track, fill, ...(issue.progress.estimated ? stripes(width) : [])] };
}

/** Progress per issue as horizontal bars drawn in vectors, each labelled with its figure in words. */
export function progressChart(issues: readonly ExportIssue[]): Content {
  const rows: TableCell[][] = issues.map((issue) => [
    { text: `${issue.number}. ${issue.title}`, noWrap: false },
    bar(issue),
    issue.progress === null ? t.state.noData : shortProgress(issue.progress),
  ]);
  return {
    table: { widths: [150, BAR_WIDTH, "*"], body: rows },
    layout: "noBorders",
    fontSize: 8,
  };
}
