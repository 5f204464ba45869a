import { TRPCError } from "@trpc/server";
import type SQLite from "better-sqlite3";
import { type DB, sqliteOf } from "../../db/database";
import type { NewIssueUpdate } from "../../db/schema";
import type { Stage } from "../../shared/domain";
import { stageAfter, type UpdateInput, updateRuleErrors } from "../../shared/schemas/updates";
import { assertMayUpdateIssue } from "../auth/authorize";
import type { SessionUser } from "../auth/sessions";
import { fieldError, fieldErrors } from "../errors";
import { auditRow } from "./audit";

interface CurrentRow {
  stage: string;
  health: string;
  physical_progress: number | null;
  budget_progress: number | null;
  indicator_value: number | null;
  obstacles: string | null;
  next_steps: string | null;
}

/** The statements an update writes with, prepared once per connection. */
function statementsFor(sqlite: SQLite.Database) {
  return {
    issue: sqlite.prepare<[number], { id: number; number: number; version: number; lead_agency_id: number }>(
      "select id, number, version, lead_agency_id from issues where id = ?",
    ),
    supporting: sqlite
      .prepare<[number], number>(
        "select agency_id from issue_agencies where issue_id = ? and role = 'pendukung'",
      )
      .pluck(),
    current: sqlite.prepare<[number], CurrentRow>(
      `select stage, health, physical_progress, budget_progress, indicator_value, obstacles, next_steps
       from issue_updates where issue_id = ? order by created_at desc, id desc limit 1`,
    ),
    owned: sqlite.prepare<[number, number], { id: number }>(
      "select id from attachments where id = ? and uploaded_by = ?",
    ),
    insert: sqlite.prepare<Required<Omit<NewIssueUpdate, "id" | "date_precision">>, { id: number }>(
      `insert into issue_updates (issue_id, author_id, agency_id, created_at, stage, health,
         physical_progress, budget_progress, indicator_value, note, obstacles, next_steps,
         source_name, source_url, stage_reason)
       values (@issue_id, @author_id, @agency_id, @created_at, @stage, @health,
         @physical_progress, @budget_progress, @indicator_value, @note, @obstacles, @next_steps,
         @source_name, @source_url, @stage_reason)
       returning id`,
    ),
    bump: sqlite.prepare<[number], { version: number }>(
      "update issues set version = version + 1 where id = ? returning version",
    ),
    link: sqlite.prepare<[number, number]>(
      "insert into update_attachments (update_id, attachment_id) values (?, ?)",
    ),
    audit: sqlite.prepare<ReturnType<typeof auditRow>>(
      `insert into audit_log (action, actor_id, actor_username, entity_type, entity_id, detail, client_ip)
       values (@action, @actor_id, @actor_username, @entity_type, @entity_id, @detail, @client_ip)`,
    ),
  };
}

const prepared = new WeakMap<SQLite.Database, ReturnType<typeof statementsFor>>();

/**
 * Appends an OPD's update: checks that `user` may update the issue and the version it was based
 * on, carries over what it leaves out, and writes the update, its evidence links and its audit row
 * in one transaction.
 *
 * The transaction is one synchronous run of prepared statements (BEGIN IMMEDIATE ... COMMIT) while
 * Kysely's hold on the connection keeps any other transaction out: nothing else interleaves, and
 * each commit is still synced to disk before it is confirmed.
 */
export async function createUpdate(
  db: DB,
  user: SessionUser,
  input: UpdateInput,
  meta: { now: Date; clientIp: string },
): Promise<{ id: number; version: number }> {
  const sqlite = sqliteOf(db);
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = statementsFor(sqlite);
    prepared.set(sqlite, statements);
  }
  const s = statements;
  const write = sqlite.transaction(() => {
    const issue = s.issue.get(input.issueId);
    if (!issue) throw new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });
    assertMayUpdateIssue(user, [issue.lead_agency_id, ...s.supporting.all(issue.id)]);
    if (issue.version !== input.expectedVersion) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "Isu ini baru saja diperbarui orang lain. Lihat perubahannya, lalu kirim ulang.",
      });
    }

    const current = s.current.get(issue.id);
    const currentStage = (current?.stage as Stage | undefined) ?? null;
    const stage = stageAfter(currentStage, input.stage);
    const stageReason = input.stageReason ?? null;
    const broken = updateRuleErrors(
      { stage: currentStage, physicalProgress: current?.physical_progress ?? null },
      input,
    );
    if (Object.keys(broken).length > 0) throw fieldErrors(Object.entries(broken));

    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (attachmentIds.some((id) => !s.owned.get(id, user.id))) {
      throw fieldError("attachmentIds", "Lampiran tidak ditemukan. Unggah ulang berkasnya.");
    }

    const carry = <T>(value: T | null | undefined, previous: T | null | undefined): T | null =>
      value === undefined ? (previous ?? null) : value;

    const inserted = s.insert.get({
      issue_id: issue.id,
      author_id: user.id,
      agency_id: user.agencyId,
      created_at: meta.now.toISOString(),
      stage,
      health: input.health ?? current?.health ?? "on_track",
      physical_progress: carry(input.physicalProgress, current?.physical_progress),
      budget_progress: carry(input.budgetProgress, current?.budget_progress),
      indicator_value: carry(input.indicatorValue, current?.indicator_value),
      note: input.note,
      obstacles: carry(input.obstacles, current?.obstacles),
      next_steps: carry(input.nextSteps, current?.next_steps),
      source_name: null,
      // A source belongs to the update that cites it; the next one cites its own or none.
      source_url: input.sourceUrl ?? null,
      stage_reason: stageReason,
    });
    const bumped = s.bump.get(issue.id);
    if (!inserted || !bumped) throw new Error("update not written");
    const written = { id: inserted.id, version: bumped.version };
    for (const attachmentId of attachmentIds) s.link.run(written.id, attachmentId);
    s.audit.run(
      auditRow({
        action: "updates.create",
        actor: { id: user.id, username: user.username },
        entityType: "issue",
        entityId: issue.id,
        detail: {
          issueNumber: issue.number,
          updateId: written.id,
          version: written.version,
          stage,
          fields: Object.keys(input).filter((k) => !["issueId", "expectedVersion"].includes(k)),
        },
        clientIp: meta.clientIp,
      }),
    );
    return written;
  });
  return db.connection().execute(async () => write.immediate());
}
