import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { readSessionToken } from "../../server/auth/cookies";
import {
  createSession,
  endUserSessions,
  resolveSession,
  type SessionPolicy,
  type SessionUser,
} from "../../server/auth/sessions";
import { callerAs, createAccount, createTestDb, TEST_NOW, testServices } from "../fixtures/db";
import { getQuery, signIn, startServer, type TestServer } from "../fixtures/http";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const POLICY: SessionPolicy = { idleMs: 8 * HOUR, absoluteMs: 7 * 24 * HOUR };
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);

let db: DB;
let opd: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  db = await createTestDb();
  opd = await createAccount(db, {
    username: "opd-dlh",
    role: "opd",
    agencyCode: "DLH",
    displayName: "Staf DLH",
  });
  other = await createAccount(db, { username: "opd-dishub", role: "opd", agencyCode: "Dishub" });
});

afterAll(async () => {
  await db.destroy();
});

async function sessionRow(token: string) {
  return db
    .selectFrom("sessions")
    .selectAll()
    .where("id", "=", createHash("sha256").update(token).digest("hex"))
    .executeTakeFirst();
}

/** A session token as a sign-in hands it out, read from the Set-Cookie it sends. */
async function loginToken(username: string): Promise<string> {
  const cookies: string[] = [];
  const services = testServices(db);
  await callerAs(db, null, { setCookie: (c) => cookies.push(c) }, services).auth.login({
    username,
    password: "kata-sandi-uji-yang-panjang",
  });
  const token = /^pantau_session=([^;]*)/.exec(cookies[0] ?? "")?.[1];
  if (!token) throw new Error(`no session cookie in ${cookies.join(" | ")}`);
  return token;
}

describe("a session", () => {
  it("resolves to its user, as signed in", async () => {
    const { token, expiresAt } = await createSession(db, opd.id, TEST_NOW, POLICY);
    expect(expiresAt.getTime()).toBe(TEST_NOW.getTime() + POLICY.absoluteMs);
    expect(await resolveSession(db, token, TEST_NOW, POLICY)).toEqual({
      id: opd.id,
      username: "opd-dlh",
      displayName: "Staf DLH",
      role: "opd",
      agencyId: opd.agencyId,
      agencyCode: "DLH",
    });
  });

  it("survives until just before idleMs without use", async () => {
    const { token } = await createSession(db, opd.id, TEST_NOW, POLICY);
    expect(await resolveSession(db, token, at(POLICY.idleMs - 1), POLICY)).not.toBeNull();
  });

  it("ends once idleMs passes without use, and is deleted", async () => {
    const { token } = await createSession(db, opd.id, TEST_NOW, POLICY);
    expect(await resolveSession(db, token, at(POLICY.idleMs), POLICY)).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
    // Gone for good: turning the clock back does not revive it.
    expect(await resolveSession(db, token, TEST_NOW, POLICY)).toBeNull();
  });

  it("counts idleness from the last use: using it moves last_seen_at", async () => {
    const { token } = await createSession(db, opd.id, TEST_NOW, POLICY);
    const used = at(2 * HOUR);
    expect(await resolveSession(db, token, used, POLICY)).not.toBeNull();
    expect((await sessionRow(token))?.last_seen_at).toBe(used.toISOString());
    // 9 h after sign-in but 7 h after its last use: still alive.
    expect(await resolveSession(db, token, at(9 * HOUR), POLICY)).not.toBeNull();
    expect((await sessionRow(token))?.last_seen_at).toBe(at(9 * HOUR).toISOString());
    expect(await resolveSession(db, token, at(9 * HOUR + POLICY.idleMs), POLICY)).toBeNull();
  });

  it("ends at its absolute expiry even when used constantly", async () => {
    const { token } = await createSession(db, opd.id, TEST_NOW, POLICY);
    const step = 30 * MINUTE;
    for (let t = step; t < POLICY.absoluteMs; t += step) {
      expect(await resolveSession(db, token, at(t), POLICY), `after ${t / HOUR} h`).not.toBeNull();
    }
    expect(await resolveSession(db, token, at(POLICY.absoluteMs - 1), POLICY)).not.toBeNull();
    expect(await resolveSession(db, token, at(POLICY.absoluteMs), POLICY)).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  it("is unknown for a token that was never issued", async () => {
    expect(await resolveSession(db, "A".repeat(43), TEST_NOW, POLICY)).toBeNull();
  });
});

describe("session tokens", () => {
  it("are 43 url-safe characters, different at every sign-in", async () => {
    const tokens = [await loginToken("opd-dlh"), await loginToken("opd-dlh"), await loginToken("opd-dishub")];
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(3);
  });

  it("are stored only as their SHA-256: nothing in the database holds the token itself", async () => {
    const token = await loginToken("opd-dlh");
    const row = await sessionRow(token);
    expect(row?.id).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row?.user_id).toBe(opd.id);

    // Search every column of every table for the raw token.
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
      expect(JSON.stringify(rows.rows), name).not.toContain(token);
    }
  });
});

describe("deactivation", () => {
  it("ends every session of a user whose active flag is cleared, and no one else's", async () => {
    const user = await createAccount(db, { username: "akan-pergi", role: "opd", agencyCode: "DLH" });
    const mine = [
      await createSession(db, user.id, TEST_NOW, POLICY),
      await createSession(db, user.id, TEST_NOW, POLICY),
    ];
    const theirs = await createSession(db, other.id, TEST_NOW, POLICY);
    for (const s of mine) expect(await resolveSession(db, s.token, at(MINUTE), POLICY)).not.toBeNull();

    await db.updateTable("users").set({ active: 0 }).where("id", "=", user.id).execute();
    for (const s of mine) {
      expect(await resolveSession(db, s.token, at(2 * MINUTE), POLICY)).toBeNull();
      expect(await sessionRow(s.token)).toBeUndefined();
    }
    // Reactivating does not bring the ended sessions back.
    await db.updateTable("users").set({ active: 1 }).where("id", "=", user.id).execute();
    for (const s of mine) expect(await resolveSession(db, s.token, at(3 * MINUTE), POLICY)).toBeNull();
    expect(await resolveSession(db, theirs.token, at(2 * MINUTE), POLICY)).not.toBeNull();
  });

  it("endUserSessions ends all of a user's sessions at once, and no one else's", async () => {
    const user = await createAccount(db, { username: "direset", role: "opd", agencyCode: "DLH" });
    const mine = await Promise.all([1, 2, 3].map(() => createSession(db, user.id, TEST_NOW, POLICY)));
    const theirs = await createSession(db, other.id, TEST_NOW, POLICY);
    expect(await endUserSessions(db, user.id)).toBe(3);
    for (const s of mine) expect(await resolveSession(db, s.token, TEST_NOW, POLICY)).toBeNull();
    expect(await resolveSession(db, theirs.token, TEST_NOW, POLICY)).not.toBeNull();
    expect(await endUserSessions(db, user.id)).toBe(0);
  });
});

describe("the session cookie as read from a request", () => {
  const request = (cookie: string | undefined) => ({ headers: { cookie } }) as unknown as IncomingMessage;
  const good = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9";

  it("is the pantau_session value when it has the token's shape", () => {
    expect(good).toHaveLength(43);
    expect(readSessionToken(request(`pantau_session=${good}`))).toBe(good);
    expect(readSessionToken(request(`tema=gelap; pantau_session=${good}; lain=1`))).toBe(good);
  });

  it("is ignored when malformed", () => {
    for (const cookie of [
      undefined,
      "",
      "pantau_session=",
      "pantau_session=pendek",
      `pantau_session=${good}x`,
      `pantau_session=${good.slice(0, 42)}.`,
      `pantau_session=${good.slice(0, 42)}%00`,
      "pantau_session=../../../../etc/passwd",
      `pantau_session="${good}`,
      "%%%;;==;pantau_session",
      `PANTAU_SESSION=${good}`,
      `session=${good}`,
    ]) {
      expect(readSessionToken(request(cookie)), String(cookie)).toBeNull();
    }
  });
});

describe("sessions over HTTP", () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startServer();
    await createAccount(app.db, { username: "dlh", role: "opd", agencyCode: "DLH" });
  });
  afterAll(async () => {
    await app.close();
  });

  it("treats a malformed or unknown cookie as signed out, not as an error", async () => {
    for (const cookie of [
      "pantau_session=%zz%",
      "pantau_session=' or 1=1 --",
      `pantau_session=${"A".repeat(43)}`,
      `pantau_session=${"A".repeat(5000)}`,
      "pantau_session",
      ";;;=",
    ]) {
      const me = await getQuery(app.base, "auth.me", undefined, { Cookie: cookie });
      expect(me.status, cookie).toBe(200);
      expect(((await me.json()) as { result: { data: unknown } }).result.data, cookie).toBeNull();
      const list = await getQuery(app.base, "issues.list", undefined, { Cookie: cookie });
      expect(list.status, cookie).toBe(401);
      await list.body?.cancel();
    }
  });

  it("ends every signed-in browser of a deactivated user at once", async () => {
    const phone = await signIn(app.base, "dlh");
    const laptop = await signIn(app.base, "dlh");
    for (const { cookie } of [phone, laptop]) {
      const res = await getQuery(app.base, "issues.list", undefined, { Cookie: cookie });
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
    await app.db.updateTable("users").set({ active: 0 }).where("username", "=", "dlh").execute();
    for (const { cookie } of [phone, laptop]) {
      const res = await getQuery(app.base, "issues.list", undefined, { Cookie: cookie });
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
  });
});
