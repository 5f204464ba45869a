import type { DB } from "../../db/database";
import { asOfCutoff, datedAsOf, pastViewDate, shiftDate, viewDate } from "../../shared/asOf";
import { type AttentionReason, DEFAULT_SINCE_DAYS, issuesNeedingAttention } from "../../shared/attention";
import { type Rollup, rollup } from "../../shared/rollup";
import type { ExportQuery } from "../../shared/schemas/exports";
import { responsibleAgencies } from "../auth/authorize";
import { type Agency, listAgencies } from "../repositories/agencies";
import { type AwardEvent, listAwards } from "../repositories/awards";
import { type Direction, listDirections, overdueDirectionsByIssue } from "../repositories/directions";
import { findIssue, type IssueSummary, latestNotes, listIssues } from "../repositories/issues";
import { type HistoryRow, streamHistory } from "../repositories/updates";

/** What an export is taken of: a date (none: today) and an agency (none: all), at a moment. */
export interface ExportSource {
  db: DB;
  query: ExportQuery;
  now: Date;
  staleAfterDays: number;
}

export type ExportIssue = IssueSummary & {
  /** Why it needs attention, worst first; empty when it does not. */
  reasons: AttentionReason[];
  /** What its latest update (as of the date) said; null without one. */
  latest: { note: string; obstacles: string | null; nextSteps: string | null } | null;
  /** Funding as of the date, revised lines counted once; null when no line states an amount. */
  funding: { planned: number | null; realised: number | null };
};

export interface ExportModel {
  /** The date the export shows (`YYYY-MM-DD`, WIB): the as-of date, or today. */
  date: string;
  /** The instant the state is read at. */
  cutoff: string;
  generatedAt: string;
  agency: Agency | null;
  issues: ExportIssue[];
  /** The issues needing attention, worst first: the dashboard's list. */
  attention: ExportIssue[];
  totals: Rollup;
  /** The arahan given by the date (with an agency, those for it), each as it stood then. */
  directions: Direction[];
  /** Award events held by the date; with an agency, only the results it earned. */
  awards: AwardEvent[];
  /** The issues' history up to the date, oldest first, read a page at a time. */
  history: () => AsyncGenerator<HistoryRow>;
}

function sum(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/**
 * The as-of state every export shows, loaded once through the same repositories and rules as the
 * dashboard: issue states and progress (`listIssues`), attention (`issuesNeedingAttention`,
 * compared with a week before, as the summary does), funding and awards dated by the view date.
 */
export async function loadExportModel({
  db,
  query,
  now,
  staleAfterDays,
}: ExportSource): Promise<ExportModel> {
  const date = viewDate(query.asOf, now);
  const cutoff = asOfCutoff(query.asOf, now);
  const shownOn = pastViewDate(query.asOf, now);
  const sinceCutoff = asOfCutoff(shiftDate(date, DEFAULT_SINCE_DAYS), now);

  const [all, before, notes, agencies, responsible, awards, overdue] = await Promise.all([
    listIssues(db, cutoff),
    listIssues(db, sinceCutoff),
    latestNotes(db, cutoff),
    listAgencies(db),
    responsibleAgencies(db),
    listAwards(db),
    overdueDirectionsByIssue(db, date),
  ]);
  const agency = query.agency === undefined ? null : (agencies.find((a) => a.code === query.agency) ?? null);
  const shown =
    agency === null ? all : all.filter((issue) => responsible.get(issue.id)?.includes(agency.id) ?? false);

  const details = await Promise.all(shown.map((issue) => findIssue(db, { id: issue.id }, cutoff, shownOn)));
  const beforeById = new Map(before.map((issue) => [issue.id, issue]));
  const attentionById = new Map(
    issuesNeedingAttention(
      shown.map((issue) => ({ ...issue, overdueDirections: overdue.get(issue.id) ?? 0 })),
      (issue) => beforeById.get(issue.id)?.stage ?? null,
      cutoff,
      staleAfterDays,
    ).map((issue, rank) => [issue.id, { reasons: issue.reasons, rank }]),
  );

  const issues: ExportIssue[] = shown.map((issue, i) => {
    const counted = (details[i]?.funding ?? []).filter((line) => !line.superseded);
    return {
      ...issue,
      reasons: attentionById.get(issue.id)?.reasons ?? [],
      latest: notes.get(issue.id) ?? null,
      funding: {
        planned: sum(counted.map((line) => line.amountPlanned)),
        realised: sum(counted.map((line) => line.amountRealised)),
      },
    };
  });
  const attention = issues
    .filter((issue) => attentionById.has(issue.id))
    .sort((a, b) => (attentionById.get(a.id)?.rank ?? 0) - (attentionById.get(b.id)?.rank ?? 0));

  const shownAwards = awards
    .filter((event) => datedAsOf(event.eventDate, shownOn))
    .map((event) =>
      agency === null
        ? event
        : { ...event, results: event.results.filter((r) => r.agency?.id === agency.id) },
    )
    .filter((event) => event.results.length > 0 || agency === null);

  const issueIds = agency === null ? undefined : shown.map((issue) => issue.id);
  return {
    date,
    cutoff,
    generatedAt: now.toISOString(),
    agency,
    issues,
    attention,
    totals: rollup(issues),
    directions: await listDirections(db, { asOf: date, ...(agency === null ? {} : { agencyId: agency.id }) }),
    awards: shownAwards,
    history: () => streamHistory(db, cutoff, issueIds),
  };
}

/** The issue an update belongs to, by id, for the history's number and title columns. */
export function issuesById(model: ExportModel): Map<number, ExportIssue> {
  return new Map(model.issues.map((issue) => [issue.id, issue]));
}
