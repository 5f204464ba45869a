import { type ExpressionBuilder, sql } from "kysely";
import type { DB, Executor } from "../../db/database";
import type { Database, NewIssueUpdate } from "../../db/schema";
import type { DatePrecision, Health, Stage } from "../../shared/domain";
import type { StateSnapshot } from "../../shared/issueState";
import { type AgencyRef, agencyRefOrNull } from "./agencies";

/** The state columns of an `issue_updates` row, as the shared domain types them. */
export interface SnapshotColumns {
  created_at: string;
  date_precision: string;
  stage: string;
  health: string;
  physical_progress: number | null;
  budget_progress: number | null;
  indicator_value: number | null;
}

export function toSnapshot(row: SnapshotColumns): StateSnapshot {
  return {
    createdAt: row.created_at,
    datePrecision: row.date_precision as DatePrecision,
    stage: row.stage as Stage,
    health: row.health as Health,
    physicalProgress: row.physical_progress,
    budgetProgress: row.budget_progress,
    indicatorValue: row.indicator_value,
  };
}

export interface AttachmentRef {
  id: number;
  contentType: string;
  size: number;
  name: string;
}

export interface TimelineEntry extends StateSnapshot {
  id: number;
  issueId: number;
  note: string;
  stageReason: string | null;
  attachments: AttachmentRef[];
  obstacles: string | null;
  nextSteps: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  author: { username: string; displayName: string };
  agency: AgencyRef | null;
}

/** Updates with the columns every listing of them shows, and who wrote them from which agency. */
function updatesWithAuthor(db: DB) {
  return db
    .selectFrom("issue_updates as u")
    .innerJoin("users as w", "w.id", "u.author_id")
    .leftJoin("agencies as a", "a.id", "u.agency_id")
    .select([
      "u.id",
      "u.issue_id",
      "u.created_at",
      "u.date_precision",
      "u.stage",
      "u.health",
      "u.physical_progress",
      "u.budget_progress",
      "u.indicator_value",
      "u.note",
      "u.obstacles",
      "u.next_steps",
      "u.source_name",
      "u.source_url",
      "w.display_name",
      "a.code as agencyCode",
    ]);
}

/**
 * Up to `limit` of an issue's updates, newest first, older than the update `before` when given:
 * a seek on issue_updates(issue_id, created_at, id), whatever the length of the history.
 */
export async function timeline(
  db: DB,
  issueId: number,
  page: { limit: number; before?: number | undefined; upTo?: string | undefined },
): Promise<TimelineEntry[]> {
  const rows = await updatesWithAuthor(db)
    .select(["u.stage_reason", "w.username", "a.id as agencyId", "a.name as agencyName"])
    .where("u.issue_id", "=", issueId)
    // A page as it stood at an instant: the as-of rule's cutoff (`asOfCutoff`).
    .$if(page.upTo !== undefined, (q) => q.where("u.created_at", "<=", page.upTo as string))
    .$if(page.before !== undefined, (q) =>
      q.where(
        sql<boolean>`(u.created_at, u.id) < (select b.created_at, b.id from issue_updates as b where b.id = ${page.before})`,
      ),
    )
    .orderBy("u.created_at", "desc")
    .orderBy("u.id", "desc")
    .limit(page.limit)
    .execute();
  const files = new Map<number, AttachmentRef[]>();
  if (rows.length > 0) {
    const found = await db
      .selectFrom("update_attachments as ua")
      .innerJoin("attachments as f", "f.id", "ua.attachment_id")
      .select(["ua.update_id", "f.id", "f.content_type", "f.size", "f.original_name"])
      .where(
        "ua.update_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("f.id")
      .execute();
    for (const f of found) {
      const list = files.get(f.update_id) ?? [];
      list.push({ id: f.id, contentType: f.content_type, size: f.size, name: f.original_name });
      files.set(f.update_id, list);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    issueId: r.issue_id,
    ...toSnapshot(r),
    note: r.note,
    stageReason: r.stage_reason,
    attachments: files.get(r.id) ?? [],
    obstacles: r.obstacles,
    nextSteps: r.next_steps,
    sourceName: r.source_name,
    sourceUrl: r.source_url,
    author: { username: r.username, displayName: r.display_name },
    agency: agencyRefOrNull(r.agencyId, r.agencyCode, r.agencyName),
  }));
}

/**
 * Appends a complete snapshot to an issue's history and bumps the issue's version. Run it
 * inside the caller's transaction, together with whatever must commit with it.
 */
export async function insertUpdate(
  trx: Executor,
  update: NewIssueUpdate,
): Promise<{ id: number; version: number }> {
  const { id } = await trx
    .insertInto("issue_updates")
    .values(update)
    .returning("id")
    .executeTakeFirstOrThrow();
  const { version } = await trx
    .updateTable("issues")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", update.issue_id)
    .returning("version")
    .executeTakeFirstOrThrow();
  return { id, version };
}

/**
 * How many updates each issue received in the window (after `from`, up to `to`): the rank of its
 * latest update at `to` minus that at `from`, two index seeks per issue.
 */
export async function updateCountsBetween(db: DB, from: string, to: string): Promise<Map<number, number>> {
  const rankAt = (cutoff: string) => (eb: ExpressionBuilder<Database & { i: Database["issues"] }, "i">) =>
    eb
      .selectFrom("issue_update_ranks as r")
      .select("r.rank")
      .whereRef("r.issue_id", "=", "i.id")
      .where("r.created_at", "<=", cutoff)
      .orderBy("r.created_at", "desc")
      .orderBy("r.update_id", "desc")
      .limit(1);
  const rows = await db
    .selectFrom("issues as i")
    .select((eb) => ["i.id", rankAt(to)(eb).as("upTo"), rankAt(from)(eb).as("before")])
    .execute();
  const counts = new Map<number, number>();
  for (const row of rows) {
    const count = (row.upTo ?? 0) - (row.before ?? 0);
    if (count > 0) counts.set(row.id, count);
  }
  return counts;
}

export interface HistoryPoint {
  id: number;
  issueId: number;
  createdAt: string;
  stage: Stage;
  physicalProgress: number | null;
  indicatorValue: number | null;
}

/** When the first update of any issue was dated, at or before `cutoff`; null when none was. */
export async function firstUpdateAt(db: DB, cutoff: string): Promise<string | null> {
  const row = await db
    .selectFrom("issue_updates")
    .select((eb) => eb.fn.min("created_at").as("first"))
    .where("created_at", "<=", cutoff)
    .executeTakeFirst();
  return row?.first ?? null;
}

/**
 * Each issue's latest update at or before each of `cutoffs` (once each, oldest first): all that
 * `trend` needs to give each cutoff's state, found with one index seek per issue and cutoff.
 */
export async function statesAt(db: DB, cutoffs: readonly string[]): Promise<HistoryPoint[]> {
  const { rows } = await sql<{
    id: number;
    issue_id: number;
    created_at: string;
    stage: string;
    physical_progress: number | null;
    indicator_value: number | null;
  }>`select distinct u.id, u.issue_id, u.created_at, u.stage, u.physical_progress, u.indicator_value
    from json_each(${JSON.stringify(cutoffs)}) as c
    cross join issues as i
    join issue_updates as u on u.id = (
      select x.id from issue_updates as x
      where x.issue_id = i.id and x.created_at <= c.value
      order by x.created_at desc, x.id desc limit 1)
    order by u.created_at, u.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    issueId: r.issue_id,
    createdAt: r.created_at,
    stage: r.stage as Stage,
    physicalProgress: r.physical_progress,
    indicatorValue: r.indicator_value,
  }));
}

/** One update in the full history export: the state it reported, what it said, who said it. */
export interface HistoryRow extends StateSnapshot {
  id: number;
  issueId: number;
  note: string;
  obstacles: string | null;
  nextSteps: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  author: string;
  agencyCode: string | null;
}

/** Rows per page of `streamHistory`: each page is one short query, so other requests never wait long. */
const HISTORY_PAGE = 2000;

/**
 * Every update up to `cutoff` (of the issues `issueIds`, when given), oldest first, a page at a
 * time by keyset on (created_at, id): memory stays flat however long the history, and the
 * connection is free between pages (a held SQLite cursor would make every other request wait).
 */
export async function* streamHistory(
  db: DB,
  cutoff: string,
  issueIds?: readonly number[],
): AsyncGenerator<HistoryRow> {
  type Position = { createdAt: string; id: number };
  let after: Position | null = null;
  for (;;) {
    const position: Position | null = after;
    const rows = await updatesWithAuthor(db)
      .where("u.created_at", "<=", cutoff)
      .$if(issueIds !== undefined, (q) => q.where("u.issue_id", "in", issueIds?.length ? issueIds : [-1]))
      .$if(position !== null, (q) =>
        q.where((eb) => {
          const { createdAt, id } = position as Position;
          return eb(eb.refTuple("u.created_at", "u.id"), ">", eb.tuple(createdAt, id));
        }),
      )
      .orderBy("u.created_at")
      .orderBy("u.id")
      .limit(HISTORY_PAGE)
      .execute();
    for (const r of rows) {
      yield {
        id: r.id,
        issueId: r.issue_id,
        ...toSnapshot(r),
        note: r.note,
        obstacles: r.obstacles,
        nextSteps: r.next_steps,
        sourceName: r.source_name,
        sourceUrl: r.source_url,
        author: r.display_name,
        agencyCode: r.agencyCode,
      };
    }
    const last: (typeof rows)[number] | undefined = rows.at(-1);
    if (last === undefined || rows.length < HISTORY_PAGE) return;
    after = { createdAt: last.created_at, id: last.id };
  }
}
