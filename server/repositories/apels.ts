import type { DB } from "../../db/database";
import { recordAudit, type WriteMeta } from "./audit";

/** The recorded apel dates, oldest first. */
export async function listApels(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("apels").select("held_on").orderBy("held_on").execute();
  return rows.map((r) => r.held_on);
}

/**
 * Records that an apel was held on `date`. Recording a date already recorded changes nothing
 * (and audits nothing): pressing the button twice is harmless.
 */
export async function recordApel(
  db: DB,
  date: string,
  meta: WriteMeta,
): Promise<{ date: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("apels")
      .select("id")
      .where("held_on", "=", date)
      .executeTakeFirst();
    if (existing) return { date, created: false };
    const { id } = await trx
      .insertInto("apels")
      .values({ held_on: date, created_by: meta.actor?.id ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      action: "apels.record",
      actor: meta.actor,
      entityType: "apel",
      entityId: id,
      detail: { before: null, after: { heldOn: date } },
      clientIp: meta.clientIp,
    });
    return { date, created: true };
  });
}
