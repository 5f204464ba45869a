import { wibDate } from "../../shared/asOf";
import { describeProgress, describeReason } from "../../shared/describe";
import type { DatePrecision } from "../../shared/domain";
import { id as t } from "../../shared/messages/id";
import { issueProgress, type MeasureSpec } from "../../shared/progress";
import type { AwardEvent } from "../repositories/awards";
import type { Direction } from "../repositories/directions";
import type { HistoryRow } from "../repositories/updates";
import type { ExportIssue } from "./model";

const x = t.export;

/**
 * How a column's values are typed, so each format writes them as its readers expect: the
 * spreadsheet as real numbers and dates with a number format, the CSV as plain figures.
 */
export type ColumnKind = "text" | "integer" | "percent" | "rupiah" | "number" | "date" | "datetime";

/** A date cell: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known; a time cell: an ISO instant. */
export type CellValue = string | number | null;

export interface Column<T> {
  header: string;
  kind: ColumnKind;
  /** Width in characters, for the spreadsheet. */
  width: number;
  value: (row: T) => CellValue;
}

/** A calendar date as a cell: the month alone when that is all the source says. */
function dateCell(date: string | null, precision: DatePrecision | null): string | null {
  if (date === null) return null;
  return precision === "month" ? date.slice(0, 7) : date;
}

/** An instant as a cell: the instant, or its WIB month when that is all the source says. */
function timeCell(instant: string | null, precision: DatePrecision | null): string | null {
  if (instant === null) return null;
  return precision === "month" ? wibDate(instant).slice(0, 7) : instant;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** One row per issue, as of the date: the spreadsheet's "Ringkasan" and issues.csv. */
export const ISSUE_COLUMNS: Column<ExportIssue>[] = [
  { header: x.col.number, kind: "integer", width: 5, value: (i) => i.number },
  { header: x.col.issue, kind: "text", width: 40, value: (i) => i.title },
  { header: x.col.lead, kind: "text", width: 12, value: (i) => i.leadAgency.code },
  {
    header: x.col.stage,
    kind: "text",
    width: 22,
    value: (i) => (i.stage === null ? null : t.stage[i.stage]),
  },
  {
    header: x.col.health,
    kind: "text",
    width: 16,
    value: (i) => (i.health === null ? null : t.health[i.health]),
  },
  { header: x.col.progress, kind: "percent", width: 11, value: (i) => round1(i.progress?.value ?? null) },
  {
    header: x.col.basis,
    kind: "text",
    width: 18,
    value: (i) => (i.progress === null ? null : x.basis[i.progress.basis]),
  },
  {
    header: x.col.progressWords,
    kind: "text",
    width: 44,
    value: (i) => (i.progress === null ? t.state.noData : describeProgress(i.progress)),
  },
  { header: x.col.physical, kind: "percent", width: 12, value: (i) => i.physicalProgress },
  { header: x.col.budget, kind: "percent", width: 12, value: (i) => i.budgetProgress },
  { header: x.col.indicatorLabel, kind: "text", width: 30, value: (i) => i.indicator?.label ?? null },
  { header: x.col.indicatorValue, kind: "number", width: 14, value: (i) => i.indicator?.value ?? null },
  { header: x.col.indicatorTarget, kind: "number", width: 14, value: (i) => i.indicator?.target ?? null },
  { header: x.col.indicatorUnit, kind: "text", width: 12, value: (i) => i.indicator?.unit ?? null },
  { header: x.col.fundingPlanned, kind: "rupiah", width: 20, value: (i) => i.funding.planned },
  { header: x.col.fundingRealised, kind: "rupiah", width: 20, value: (i) => i.funding.realised },
  {
    header: x.col.targetDate,
    kind: "date",
    width: 14,
    value: (i) => dateCell(i.targetDate, i.targetDatePrecision),
  },
  {
    header: x.col.lastUpdate,
    kind: "datetime",
    width: 18,
    value: (i) => timeCell(i.lastUpdatedAt, i.lastUpdatePrecision),
  },
  { header: x.col.attention, kind: "text", width: 10, value: (i) => (i.reasons.length > 0 ? x.yes : x.no) },
  {
    header: x.col.reasons,
    kind: "text",
    width: 50,
    value: (i) => (i.reasons.length === 0 ? null : i.reasons.map(describeReason).join("; ")),
  },
  { header: x.col.obstacles, kind: "text", width: 50, value: (i) => i.latest?.obstacles ?? null },
  { header: x.col.nextSteps, kind: "text", width: 50, value: (i) => i.latest?.nextSteps ?? null },
];

/** An update with the issue it belongs to. */
export interface HistoryEntry {
  update: HistoryRow;
  issue: Pick<ExportIssue, "number" | "title" | "measure" | "indicator">;
}

function measureSpec(issue: HistoryEntry["issue"]): MeasureSpec {
  const { indicator } = issue;
  return {
    measure: issue.measure,
    indicator:
      indicator === null
        ? null
        : { unit: indicator.unit, target: indicator.target, baseline: indicator.baseline },
  };
}

/** One row per update, up to the date: the spreadsheet's "Riwayat" and updates.csv. */
export const HISTORY_COLUMNS: Column<HistoryEntry>[] = [
  {
    header: x.col.time,
    kind: "datetime",
    width: 18,
    value: ({ update }) => timeCell(update.createdAt, update.datePrecision),
  },
  { header: x.col.number, kind: "integer", width: 5, value: ({ issue }) => issue.number },
  { header: x.col.issue, kind: "text", width: 36, value: ({ issue }) => issue.title },
  { header: x.col.stage, kind: "text", width: 22, value: ({ update }) => t.stage[update.stage] },
  { header: x.col.health, kind: "text", width: 16, value: ({ update }) => t.health[update.health] },
  {
    header: x.col.progress,
    kind: "percent",
    width: 11,
    value: ({ update, issue }) => round1(issueProgress(measureSpec(issue), update).value),
  },
  {
    header: x.col.basis,
    kind: "text",
    width: 18,
    value: ({ update, issue }) => x.basis[issueProgress(measureSpec(issue), update).basis],
  },
  { header: x.col.physical, kind: "percent", width: 12, value: ({ update }) => update.physicalProgress },
  { header: x.col.budget, kind: "percent", width: 12, value: ({ update }) => update.budgetProgress },
  { header: x.col.indicatorValue, kind: "number", width: 14, value: ({ update }) => update.indicatorValue },
  { header: x.col.note, kind: "text", width: 60, value: ({ update }) => update.note },
  { header: x.col.obstacles, kind: "text", width: 40, value: ({ update }) => update.obstacles },
  { header: x.col.nextSteps, kind: "text", width: 40, value: ({ update }) => update.nextSteps },
  { header: x.col.author, kind: "text", width: 22, value: ({ update }) => update.author },
  { header: x.col.agency, kind: "text", width: 12, value: ({ update }) => update.agencyCode },
  { header: x.col.source, kind: "text", width: 24, value: ({ update }) => update.sourceName },
  { header: x.col.sourceUrl, kind: "text", width: 30, value: ({ update }) => update.sourceUrl },
];

/** One award result per row. */
export interface AwardEntry {
  event: AwardEvent;
  result: AwardEvent["results"][number];
}

export function awardEntries(events: readonly AwardEvent[]): AwardEntry[] {
  return events.flatMap((event) => event.results.map((result) => ({ event, result })));
}

export const AWARD_COLUMNS: Column<AwardEntry>[] = [
  { header: x.col.date, kind: "date", width: 14, value: ({ event }) => event.eventDate },
  { header: x.col.event, kind: "text", width: 40, value: ({ event }) => event.name },
  { header: x.col.organiser, kind: "text", width: 30, value: ({ event }) => event.organiser },
  { header: x.col.level, kind: "text", width: 12, value: ({ event }) => t.awardLevel[event.level] },
  { header: x.col.place, kind: "text", width: 20, value: ({ event }) => event.place },
  { header: x.col.category, kind: "text", width: 36, value: ({ result }) => result.category },
  { header: x.col.predicate, kind: "text", width: 24, value: ({ result }) => result.predicate },
  { header: x.col.earnedBy, kind: "text", width: 16, value: ({ result }) => result.agency?.code ?? null },
  {
    header: x.col.source,
    kind: "text",
    width: 30,
    value: ({ event }) => event.sourceUrl ?? event.sourceName,
  },
];

/** One arahan per row, as it stood at the export's date. */
export const DIRECTION_COLUMNS: Column<Direction>[] = [
  { header: x.col.givenOn, kind: "date", width: 14, value: (d) => d.givenOn },
  { header: x.col.agency, kind: "text", width: 14, value: (d) => d.agency.code },
  {
    header: x.col.issue,
    kind: "text",
    width: 34,
    value: (d) => (d.issue === null ? null : `#${d.issue.number} ${d.issue.title}`),
  },
  { header: x.col.direction, kind: "text", width: 60, value: (d) => d.text },
  { header: x.col.dueDate, kind: "date", width: 14, value: (d) => d.dueDate },
  {
    header: x.col.status,
    kind: "text",
    width: 12,
    value: (d) => (d.status === "open" ? t.directions.open : t.directions.done),
  },
  { header: x.col.overdue, kind: "text", width: 14, value: (d) => (d.overdue ? t.directions.overdue : null) },
  { header: x.col.closingNote, kind: "text", width: 40, value: (d) => d.closingNote },
  { header: x.col.closedAt, kind: "datetime", width: 18, value: (d) => d.closedAt },
];

/** The history with each update's issue, for the rows above. */
export async function* historyEntries(
  history: AsyncGenerator<HistoryRow>,
  issues: ReadonlyMap<number, HistoryEntry["issue"]>,
): AsyncGenerator<HistoryEntry> {
  for await (const update of history) {
    const issue = issues.get(update.issueId);
    if (issue !== undefined) yield { update, issue };
  }
}
