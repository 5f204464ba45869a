import { TRPCError } from "@trpc/server";
import type { DB, Executor } from "../../db/database";
import { wibDate } from "../../shared/asOf";
import {
  type DirectionStatus,
  directionGivenBy,
  directionStatusAsOf,
  isDirectionOverdue,
} from "../../shared/directions";
import { isOpdKind } from "../../shared/domain";
import { errors } from "../../shared/messages/id-errors";
import type { DirectionCloseInput, DirectionCreateInput } from "../../shared/schemas/directions";
import { fieldError, notFound } from "../errors";
import { findAgency } from "./agencies";
import { changes, recordAudit, type WriteMeta } from "./audit";

/** An arahan as every reader gets it: plain values, its status and overdue flag as of the view date. */
export interface Direction {
  id: number;
  text: string;
  agencyId: number;
  agency: { id: number; code: string; name: string };
  issueId: number | null;
  issue: { id: number; number: number; title: string } | null;
  givenOn: string;
  apelOn: string | null;
  dueDate: string;
  status: DirectionStatus;
  overdue: boolean;
  closingNote: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface DirectionFilter {
  /** The view date (`YYYY-MM-DD`, WIB); today's date when left out. */
  asOf?: string;
  agencyId?: number;
  issueId?: number;
  /** The status as of the view date. */
  status?: DirectionStatus;
  /** The clock that "today" is read from when `asOf` is left out. */
  now?: Date;
}

function directionsQuery(db: Executor) {
  return db
    .selectFrom("directions as d")
    .innerJoin("agencies as a", "a.id", "d.agency_id")
    .leftJoin("issues as i", "i.id", "d.issue_id")
    .leftJoin("users as c", "c.id", "d.closed_by")
    .leftJoin("users as w", "w.id", "d.created_by")
    .select([
      "d.id",
      "d.text",
      "d.agency_id",
      "a.code as agencyCode",
      "a.name as agencyName",
      "d.issue_id",
      "i.number as issueNumber",
      "i.title as issueTitle",
      "d.given_on",
      "d.apel_on",
      "d.due_date",
      "d.status",
      "d.closing_note",
      "d.closed_at",
      "c.display_name as closedByName",
      "w.display_name as createdByName",
      "d.created_at",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof directionsQuery>["executeTakeFirstOrThrow"]>>;

function toDirection(row: Row, viewDate: string): Direction {
  const facts = {
    givenOn: row.given_on,
    dueDate: row.due_date,
    status: row.status as DirectionStatus,
    closedAt: row.closed_at,
  };
  const status = directionStatusAsOf(facts, viewDate);
  // A past view does not know of a closing that came later.
  const closedThen = status === "done";
  return {
    id: row.id,
    text: row.text,
    agencyId: row.agency_id,
    agency: { id: row.agency_id, code: row.agencyCode, name: row.agencyName },
    issueId: row.issue_id,
    issue:
      row.issue_id === null || row.issueNumber === null || row.issueTitle === null
        ? null
        : { id: row.issue_id, number: row.issueNumber, title: row.issueTitle },
    givenOn: row.given_on,
    apelOn: row.apel_on,
    dueDate: row.due_date,
    status,
    overdue: isDirectionOverdue(facts, viewDate),
    closingNote: closedThen ? row.closing_note : null,
    closedAt: closedThen ? row.closed_at : null,
    closedBy: closedThen ? row.closedByName : null,
    createdBy: row.createdByName,
    createdAt: row.created_at,
  };
}

/**
 * The arahan given by the view date, each with its status and overdue flag as they stood then:
 * overdue first, then by due date. What the deck, the dashboard, "Isu saya" and the exports read.
 */
export async function listDirections(db: Executor, filter: DirectionFilter = {}): Promise<Direction[]> {
  const viewDate = filter.asOf ?? wibDate(filter.now ?? new Date());
  const rows = await directionsQuery(db)
    .$if(filter.agencyId !== undefined, (q) => q.where("d.agency_id", "=", filter.agencyId as number))
    .$if(filter.issueId !== undefined, (q) => q.where("d.issue_id", "=", filter.issueId as number))
    .where("d.given_on", "<=", viewDate)
    .orderBy("d.due_date")
    .orderBy("d.id")
    .execute();
  return rows
    .filter((row) => directionGivenBy({ givenOn: row.given_on }, viewDate))
    .map((row) => toDirection(row, viewDate))
    .filter((d) => filter.status === undefined || d.status === filter.status)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

/** How many arahan of each issue are overdue on the view date: an attention reason. */
export async function overdueDirectionsByIssue(db: Executor, viewDate: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const d of await listDirections(db, { asOf: viewDate, status: "open" })) {
    if (d.overdue && d.issueId !== null) counts.set(d.issueId, (counts.get(d.issueId) ?? 0) + 1);
  }
  return counts;
}

async function findDirection(db: Executor, id: number, viewDate: string): Promise<Direction> {
  const row = await directionsQuery(db).where("d.id", "=", id).executeTakeFirst();
  if (!row) throw notFound(errors.directionNotFound);
  return toDirection(row, viewDate);
}

/** What the audit trail records of an arahan. */
function auditView(d: Direction) {
  return {
    text: d.text,
    agencyCode: d.agency.code,
    issueNumber: d.issue?.number ?? null,
    givenOn: d.givenOn,
    apelOn: d.apelOn,
    dueDate: d.dueDate,
    status: d.status,
    closingNote: d.closingNote,
  };
}

export async function createDirection(
  db: DB,
  input: DirectionCreateInput,
  meta: WriteMeta,
  now: Date,
): Promise<Direction> {
  const today = wibDate(now);
  return db.transaction().execute(async (trx) => {
    const agency = await findAgency(trx, input.agencyId);
    if (!agency) throw fieldError("agencyId", errors.agencyNotFound);
    if (!isOpdKind(agency.kind)) throw fieldError("agencyId", errors.directionAgencyNotOpd);
    const issueId = input.issueId ?? null;
    if (issueId !== null) {
      const issue = await trx.selectFrom("issues").select("id").where("id", "=", issueId).executeTakeFirst();
      if (!issue) throw fieldError("issueId", errors.issueNotFound);
    }
    const { id } = await trx
      .insertInto("directions")
      .values({
        // Given at an apel: given that day, so the apel's deck shows it even when recorded later.
        given_on: input.givenOn ?? (input.apelOn && input.apelOn < today ? input.apelOn : today),
        apel_on: input.apelOn ?? null,
        text: input.text,
        agency_id: input.agencyId,
        issue_id: issueId,
        due_date: input.dueDate,
        created_by: meta.actor?.id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const direction = await findDirection(trx, id, today);
    await recordAudit(trx, {
      action: "directions.create",
      actor: meta.actor,
      entityType: "direction",
      entityId: id,
      detail: { before: null, after: auditView(direction) },
      clientIp: meta.clientIp,
    });
    return direction;
  });
}

export async function closeDirection(
  db: DB,
  input: DirectionCloseInput,
  meta: WriteMeta,
  now: Date,
): Promise<Direction> {
  const today = wibDate(now);
  return db.transaction().execute(async (trx) => {
    const before = await findDirection(trx, input.id, today);
    // Checked in the write itself, so two people closing at once cannot both succeed.
    const closed = await trx
      .updateTable("directions")
      .set({
        status: "done",
        closing_note: input.note,
        closed_by: meta.actor?.id ?? null,
        closed_at: now.toISOString(),
      })
      .where("id", "=", input.id)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) {
      throw new TRPCError({ code: "CONFLICT", message: errors.directionAlreadyClosed });
    }
    const after = await findDirection(trx, input.id, today);
    await recordAudit(trx, {
      action: "directions.close",
      actor: meta.actor,
      entityType: "direction",
      entityId: input.id,
      detail: changes(auditView(before), auditView(after)),
      clientIp: meta.clientIp,
    });
    return after;
  });
}
