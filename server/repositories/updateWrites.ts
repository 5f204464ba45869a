import { TRPCError } from "@trpc/server";
import type { DB } from "../../db/database";
import type { Stage } from "../../shared/domain";
import { stageAfter, type UpdateInput, updateRuleErrors } from "../../shared/schemas/updates";
import type { SessionUser } from "../auth/sessions";
import { fieldError, fieldErrors } from "../errors";
import { recordAudit } from "./audit";
import { insertUpdate } from "./updates";

/**
 * Appends an OPD's update: checks the version it was based on, carries over what it leaves out,
 * and writes the update, its evidence links and its audit row in one transaction.
 */
export async function createUpdate(
  db: DB,
  user: SessionUser,
  input: UpdateInput,
  meta: { now: Date; clientIp: string },
): Promise<{ id: number; version: number }> {
  return db.transaction().execute(async (trx) => {
    const issue = await trx
      .selectFrom("issues")
      .select(["id", "number", "version"])
      .where("id", "=", input.issueId)
      .executeTakeFirst();
    if (!issue) throw new TRPCError({ code: "NOT_FOUND", message: "Isu tidak ditemukan." });
    if (issue.version !== input.expectedVersion) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "Isu ini baru saja diperbarui orang lain. Lihat perubahannya, lalu kirim ulang.",
      });
    }

    const current = await trx
      .selectFrom("issue_updates")
      .select([
        "stage",
        "health",
        "physical_progress",
        "budget_progress",
        "indicator_value",
        "obstacles",
        "next_steps",
        "source_url",
      ])
      .where("issue_id", "=", issue.id)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();

    const currentStage = (current?.stage as Stage | undefined) ?? null;
    const stage = stageAfter(currentStage, input.stage);
    const stageReason = input.stageReason ?? null;
    const broken = updateRuleErrors(
      { stage: currentStage, physicalProgress: current?.physical_progress ?? null },
      input,
    );
    if (Object.keys(broken).length > 0) throw fieldErrors(Object.entries(broken));

    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (attachmentIds.length > 0) {
      const owned = await trx
        .selectFrom("attachments")
        .select("id")
        .where("id", "in", attachmentIds)
        .where("uploaded_by", "=", user.id)
        .execute();
      if (owned.length !== attachmentIds.length) {
        throw fieldError("attachmentIds", "Lampiran tidak ditemukan. Unggah ulang berkasnya.");
      }
    }

    const carry = <T>(value: T | null | undefined, previous: T | null | undefined): T | null =>
      value === undefined ? (previous ?? null) : value;

    const written = await insertUpdate(trx, {
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
    if (attachmentIds.length > 0) {
      await trx
        .insertInto("update_attachments")
        .values(attachmentIds.map((attachment_id) => ({ update_id: written.id, attachment_id })))
        .execute();
    }
    await recordAudit(trx, {
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
    });
    return written;
  });
}
