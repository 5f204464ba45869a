import type { DB, Executor } from "../../db/database";

/** Who made a change, and from where: what every audited write is given. */
export interface WriteMeta {
  /** Null for the account command and the demo, run at the server's own terminal. */
  actor: { id: number; username: string } | null;
  clientIp: string;
}

/**
 * The fields that differ between two versions of an object, as the audit detail: their values
 * before and after. Values are compared as JSON, so nested ones (an indicator, a list) count too.
 */
export function changes<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const is: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key];
      is[key] = after[key];
    }
  }
  return { before: was, after: is };
}

export interface AuditEntry {
  action: string;
  actor: { id: number; username: string } | null;
  entityType?: string;
  entityId?: number;
  /** What changed, as JSON. Never a password, a hash or a token. */
  detail?: Record<string, unknown>;
  clientIp?: string;
}

/** The audit_log row of an entry. */
export function auditRow(entry: AuditEntry) {
  return {
    action: entry.action,
    actor_id: entry.actor?.id ?? null,
    actor_username: entry.actor?.username ?? null,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    client_ip: entry.clientIp ?? null,
  };
}

/** Appends to the audit trail; run inside the transaction of the change it records. */
export async function recordAudit(trx: Executor, entry: AuditEntry): Promise<void> {
  await trx.insertInto("audit_log").values(auditRow(entry)).execute();
}

export interface AuditRecord {
  id: number;
  createdAt: string;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: number | null;
  detail: unknown;
  clientIp: string | null;
}

/** The audit trail, newest first, a page at a time. */
export async function listAudit(
  db: DB,
  options: { limit: number; beforeId?: number; action?: string },
): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select([
      "id",
      "created_at",
      "actor_username",
      "action",
      "entity_type",
      "entity_id",
      "detail",
      "client_ip",
    ])
    .$if(options.beforeId !== undefined, (q) => q.where("id", "<", options.beforeId as number))
    .$if(options.action !== undefined, (q) => q.where("action", "=", options.action as string))
    .orderBy("id", "desc")
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    actorUsername: r.actor_username,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: r.detail === null ? null : JSON.parse(r.detail),
    clientIp: r.client_ip,
  }));
}

/** The actor and address of a request, as an audited write records them. */
export function writeMeta(ctx: { user: { id: number; username: string }; clientIp: string }): WriteMeta {
  return { actor: { id: ctx.user.id, username: ctx.user.username }, clientIp: ctx.clientIp };
}
