import type { DB, Executor } from "../../db/database";
import { isOpdKind } from "../../shared/domain";
import { errors } from "../../shared/messages/id-errors";
import type { IssueChainInput, IssueDetailsInput } from "../../shared/schemas/issues";
import { fieldError, notFound } from "../errors";
import { changes, recordAudit, type WriteMeta } from "./audit";

/**
 * The Sekda office's edits of what an issue is: its description, lead agency, indicator, dates
 * and delivery chain. Its state is not among them: that only ever changes by a new update.
 */

async function issueDescription(db: Executor, id: number) {
  const row = await db
    .selectFrom("issues")
    .select([
      "id",
      "title",
      "description",
      "location",
      "lead_agency_id",
      "lead_note",
      "indicator_label",
      "indicator_unit",
      "indicator_target",
      "indicator_baseline",
      "start_date",
      "target_date",
      "target_date_precision",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound(errors.issueNotFound);
  return {
    title: row.title,
    description: row.description,
    location: row.location,
    leadAgencyId: row.lead_agency_id,
    leadNote: row.lead_note,
    indicator:
      row.indicator_label === null || row.indicator_unit === null
        ? null
        : {
            label: row.indicator_label,
            unit: row.indicator_unit,
            target: row.indicator_target,
            baseline: row.indicator_baseline,
          },
    startDate: row.start_date,
    targetDate: row.target_date,
    targetDatePrecision: row.target_date_precision,
  };
}

type IssueDescription = Awaited<ReturnType<typeof issueDescription>>;

/** A new lead must be one of the city's OPD, and not already elsewhere in the issue's chain. */
async function assertMayLead(db: Executor, issueId: number, agencyId: number): Promise<void> {
  const agency = await db.selectFrom("agencies").select("kind").where("id", "=", agencyId).executeTakeFirst();
  if (!agency) throw fieldError("leadAgencyId", errors.agencyNotFound);
  if (!isOpdKind(agency.kind)) throw fieldError("leadAgencyId", errors.leadNotOpd);
  const inChain = await db
    .selectFrom("issue_agencies")
    .select("agency_id")
    .where("issue_id", "=", issueId)
    .where("agency_id", "=", agencyId)
    .executeTakeFirst();
  if (inChain) throw fieldError("leadAgencyId", errors.leadInChain);
}

export async function updateIssueDetails(db: DB, input: IssueDetailsInput, meta: WriteMeta): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await issueDescription(trx, input.id);
    if (input.leadAgencyId !== undefined && input.leadAgencyId !== before.leadAgencyId) {
      await assertMayLead(trx, input.id, input.leadAgencyId);
    }
    const keep = <T>(value: T | undefined, previous: T): T => (value === undefined ? previous : value);
    const after: IssueDescription = {
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      location: keep(input.location, before.location),
      leadAgencyId: input.leadAgencyId ?? before.leadAgencyId,
      leadNote: keep(input.leadNote, before.leadNote),
      indicator:
        input.indicator === undefined
          ? before.indicator
          : input.indicator && {
              label: input.indicator.label,
              unit: input.indicator.unit,
              target: input.indicator.target ?? null,
              baseline: input.indicator.baseline ?? null,
            },
      startDate: keep(input.startDate, before.startDate),
      targetDate: keep(input.targetDate, before.targetDate),
      targetDatePrecision: input.targetDatePrecision ?? before.targetDatePrecision,
    };
    if (after.startDate && after.targetDate && after.targetDate < after.startDate) {
      throw fieldError(input.targetDate === undefined ? "startDate" : "targetDate", errors.targetBeforeStart);
    }
    await trx
      .updateTable("issues")
      .set({
        title: after.title,
        description: after.description,
        location: after.location,
        lead_agency_id: after.leadAgencyId,
        lead_note: after.leadNote,
        indicator_label: after.indicator?.label ?? null,
        indicator_unit: after.indicator?.unit ?? null,
        indicator_target: after.indicator?.target ?? null,
        indicator_baseline: after.indicator?.baseline ?? null,
        start_date: after.startDate,
        target_date: after.targetDate,
        target_date_precision: after.targetDatePrecision,
      })
      .where("id", "=", input.id)
      .execute();
    await recordAudit(trx, {
      action: "issues.updateDetails",
      actor: meta.actor,
      entityType: "issue",
      entityId: input.id,
      detail: changes(before, after),
      clientIp: meta.clientIp,
    });
  });
}

async function chainOf(db: Executor, issueId: number) {
  return db
    .selectFrom("issue_agencies as ia")
    .innerJoin("agencies as a", "a.id", "ia.agency_id")
    .select(["a.id as agencyId", "a.code as agencyCode", "ia.role", "ia.note", "ia.since"])
    .where("ia.issue_id", "=", issueId)
    .orderBy("a.code")
    .execute();
}

/** Replaces the issue's delivery chain; supporting OPD ("pendukung") may then post its updates. */
export async function setIssueChain(db: DB, input: IssueChainInput, meta: WriteMeta): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const issue = await trx
      .selectFrom("issues")
      .select(["id", "lead_agency_id"])
      .where("id", "=", input.issueId)
      .executeTakeFirst();
    if (!issue) throw notFound(errors.issueNotFound);

    const ids = input.chain.map((c) => c.agencyId);
    const known =
      ids.length === 0
        ? new Set<number>()
        : new Set(
            (await trx.selectFrom("agencies").select("id").where("id", "in", ids).execute()).map((a) => a.id),
          );
    input.chain.forEach((entry, index) => {
      if (!known.has(entry.agencyId)) throw fieldError(["chain", index, "agencyId"], errors.agencyNotFound);
      if (entry.agencyId === issue.lead_agency_id) {
        throw fieldError(["chain", index, "agencyId"], errors.chainHasLead);
      }
    });

    const before = await chainOf(trx, issue.id);
    const sinceBefore = new Map(before.map((c) => [c.agencyId, c.since]));
    await trx.deleteFrom("issue_agencies").where("issue_id", "=", issue.id).execute();
    if (input.chain.length > 0) {
      await trx
        .insertInto("issue_agencies")
        .values(
          input.chain.map((c) => ({
            issue_id: issue.id,
            agency_id: c.agencyId,
            role: c.role,
            note: c.note ?? null,
            since: c.since === undefined ? (sinceBefore.get(c.agencyId) ?? null) : c.since,
          })),
        )
        .execute();
    }
    const after = await chainOf(trx, issue.id);
    await recordAudit(trx, {
      action: "issues.setChain",
      actor: meta.actor,
      entityType: "issue",
      entityId: issue.id,
      detail: { before, after },
      clientIp: meta.clientIp,
    });
  });
}
