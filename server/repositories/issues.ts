import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../db/database";
import type { Database } from "../../db/schema";
import { datedAsOf, fundingAsOf } from "../../shared/asOf";
import type { AgencyKind, ChainRole, DatePrecision, Measure } from "../../shared/domain";
import { type IssueState, issueState } from "../../shared/issueState";
import { indicatorProgress, type MeasureSpec } from "../../shared/progress";
import type { AgencyRef } from "./agencies";
import { type FundingLine, listFunding } from "./funding";
import { toSnapshot } from "./updates";

export interface IssueIndicator {
  label: string;
  unit: string;
  target: number | null;
  baseline: number | null;
  /** The realised value at the view's date. */
  value: number | null;
  /** Achievement against the target, 0–100, or null without a value or a target. */
  progress: number | null;
}

export type IssueSummary = {
  id: number;
  number: number;
  title: string;
  version: number;
  leadAgency: AgencyRef;
  measure: Measure;
  indicator: IssueIndicator | null;
  /** Today's target date, also in a past view (it is not dated). */
  targetDate: string | null;
  targetDatePrecision: DatePrecision;
} & IssueState;

/**
 * The id of an issue's latest update at or before `cutoff`: the SQL form of `stateAsOf` in
 * shared/asOf.ts (same ordering, same tie-break), answered by one seek on
 * issue_updates(issue_id, created_at, id).
 */
function latestUpdateId(cutoff: string) {
  return (eb: ExpressionBuilder<Database & { i: Database["issues"] }, "i">) =>
    eb
      .selectFrom("issue_updates as x")
      .select("x.id")
      .whereRef("x.issue_id", "=", "i.id")
      .where("x.created_at", "<=", cutoff)
      .orderBy("x.created_at", "desc")
      .orderBy("x.id", "desc")
      .limit(1);
}

function issuesWithState(db: DB, cutoff: string) {
  return db
    .selectFrom("issues as i")
    .innerJoin("agencies as a", "a.id", "i.lead_agency_id")
    .leftJoin("issue_updates as u", (join) =>
      join.onRef("u.issue_id", "=", "i.id").on("u.id", "=", latestUpdateId(cutoff)),
    )
    .select([
      "i.id",
      "i.number",
      "i.title",
      "i.version",
      "a.id as leadAgencyId",
      "a.code as leadAgencyCode",
      "a.name as leadAgencyName",
      "u.created_at",
      "u.date_precision",
      "u.stage",
      "u.health",
      "u.physical_progress",
      "u.budget_progress",
      "u.indicator_value",
      "i.measure",
      "i.indicator_label",
      "i.indicator_unit",
      "i.indicator_target",
      "i.indicator_baseline",
      "i.target_date",
      "i.target_date_precision",
    ]);
}

type StateRow = Awaited<ReturnType<ReturnType<typeof issuesWithState>["executeTakeFirstOrThrow"]>>;

type MeasureColumns = Pick<
  StateRow,
  "measure" | "indicator_label" | "indicator_unit" | "indicator_target" | "indicator_baseline"
>;

/** What an issue's progress is measured by, from its own columns. */
export function measureOf(row: MeasureColumns): MeasureSpec {
  return {
    measure: row.measure as Measure,
    indicator:
      row.indicator_unit === null
        ? null
        : { unit: row.indicator_unit, target: row.indicator_target, baseline: row.indicator_baseline },
  };
}

function toSummary(row: StateRow): IssueSummary {
  // A left join: the update's columns are all null when the issue had none by then.
  const { created_at, date_precision, stage, health } = row;
  const measure = measureOf(row);
  const state = issueState(
    created_at === null || date_precision === null || stage === null || health === null
      ? null
      : toSnapshot({ ...row, created_at, date_precision, stage, health }),
    measure,
  );
  const indicatorBase = { target: row.indicator_target, baseline: row.indicator_baseline };
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    version: row.version,
    leadAgency: { id: row.leadAgencyId, code: row.leadAgencyCode, name: row.leadAgencyName },
    measure: measure.measure,
    indicator:
      row.indicator_label === null || row.indicator_unit === null
        ? null
        : {
            label: row.indicator_label,
            unit: row.indicator_unit,
            ...indicatorBase,
            value: state.indicatorValue,
            progress: indicatorProgress(indicatorBase, state.indicatorValue),
          },
    targetDate: row.target_date,
    targetDatePrecision: row.target_date_precision as DatePrecision,
    ...state,
  };
}

/** Every issue's measure, by id: what the trend needs to apply the progress rule. */
export async function listMeasures(db: DB): Promise<Map<number, MeasureSpec>> {
  const rows = await db
    .selectFrom("issues")
    .select(["id", "measure", "indicator_label", "indicator_unit", "indicator_target", "indicator_baseline"])
    .orderBy("number")
    .execute();
  return new Map(rows.map((r) => [r.id, measureOf(r)]));
}

export async function issueExists(db: DB, id: number): Promise<boolean> {
  return (await db.selectFrom("issues").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** Every issue with its state at `cutoff`, in issue-number order. */
export async function listIssues(db: DB, cutoff: string): Promise<IssueSummary[]> {
  const rows = await issuesWithState(db, cutoff).orderBy("i.number").execute();
  return rows.map(toSummary);
}

export interface IssueDetail extends Omit<IssueSummary, "leadAgency"> {
  description: string;
  location: string | null;
  leadAgency: AgencyRef & { note: string | null };
  chain: {
    agency: AgencyRef & { kind: AgencyKind };
    role: ChainRole;
    note: string | null;
    since: string | null;
  }[];
  /** Each marked `superseded` when a later revision of it is shown too. */
  funding: (FundingLine & { superseded: boolean })[];
  /** Chain entries and funding lines with no known date, left out of a past view. */
  undatedHidden: { chain: number; funding: number };
  startDate: string | null;
}

/**
 * One issue with its delivery chain, funding and indicator, as at `cutoff`; null if none.
 * `viewDate` is the past view's date (null: today), for the chain and funding dated by then.
 */
export async function findIssue(
  db: DB,
  where: { id: number } | { number: number },
  cutoff: string,
  viewDate: string | null = null,
): Promise<IssueDetail | null> {
  const row = await issuesWithState(db, cutoff)
    .select(["i.description", "i.location", "i.lead_note", "i.start_date"])
    .$if("id" in where, (q) => q.where("i.id", "=", (where as { id: number }).id))
    .$if("number" in where, (q) => q.where("i.number", "=", (where as { number: number }).number))
    .executeTakeFirst();
  if (!row) return null;

  const [chain, funding] = await Promise.all([
    db
      .selectFrom("issue_agencies as ia")
      .innerJoin("agencies as a", "a.id", "ia.agency_id")
      .select(["a.id", "a.code", "a.name", "a.kind", "ia.role", "ia.note", "ia.since"])
      .where("ia.issue_id", "=", row.id)
      .orderBy("ia.role")
      .orderBy("a.name")
      .execute(),
    listFunding(db, row.id),
  ]);

  const summary = toSummary(row);
  const chainShown = chain.filter((c) => datedAsOf(c.since, viewDate));
  const fundingShown = fundingAsOf(funding, viewDate);
  return {
    ...summary,
    description: row.description,
    location: row.location,
    leadAgency: { ...summary.leadAgency, note: row.lead_note },
    chain: chainShown.map((c) => ({
      agency: { id: c.id, code: c.code, name: c.name, kind: c.kind as AgencyKind },
      role: c.role as ChainRole,
      note: c.note,
      since: c.since,
    })),
    funding: fundingShown,
    undatedHidden: {
      chain: chain.filter((c) => c.since === null && !chainShown.includes(c)).length,
      funding: funding.filter((f) => f.reportedOn === null && !fundingShown.some((s) => s.id === f.id))
        .length,
    },
    startDate: row.start_date,
  };
}

/** What each issue's latest update at or before `cutoff` said, by issue id. */
export async function latestNotes(
  db: DB,
  cutoff: string,
): Promise<Map<number, { note: string; obstacles: string | null; nextSteps: string | null }>> {
  const rows = await db
    .selectFrom("issues as i")
    .innerJoin("issue_updates as u", (join) =>
      join.onRef("u.issue_id", "=", "i.id").on("u.id", "=", latestUpdateId(cutoff)),
    )
    .select(["i.id", "u.note", "u.obstacles", "u.next_steps"])
    .execute();
  return new Map(rows.map((r) => [r.id, { note: r.note, obstacles: r.obstacles, nextSteps: r.next_steps }]));
}
