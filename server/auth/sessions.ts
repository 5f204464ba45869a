import { createHash, randomBytes } from "node:crypto";
import type { DB, Executor } from "../../db/database";
import type { Role } from "../../shared/schemas/auth";

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  agencyCode: string | null;
}

export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: number;
}

/** Last-seen times are written at most this often, so reads do not all turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session; returns the token for the cookie (32 random bytes). Only its hash is stored. */
export async function createSession(db: Executor, userId: number, now: Date, policy: SessionPolicy) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user of a token, or null when the session is unknown, ended or expired. */
export async function resolveSession(
  db: DB,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionUser | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("agencies as a", "a.id", "u.agency_id")
    .select([
      "s.last_seen_at",
      "s.expires_at",
      "u.id",
      "u.username",
      "u.display_name",
      "u.role",
      "u.agency_id",
      "u.active",
      "a.code as agency_code",
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;

  const nowMs = now.getTime();
  const idleEnd = Date.parse(row.last_seen_at) + policy.idleMs;
  if (row.active !== 1 || nowMs >= Date.parse(row.expires_at) || nowMs >= idleEnd) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  if (nowMs - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString() }).where("id", "=", id).execute();
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    agencyId: row.agency_id,
    agencyCode: row.agency_code,
  };
}

export async function endSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
}

/** Clears sessions past their absolute expiry, so the table does not grow without end. */
export async function endExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
}

/** Ends every session of a user: on deactivation and on a password reset. */
export async function endUserSessions(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
