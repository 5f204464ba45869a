import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEtagFetch } from "../../client/lib/etagFetch";
import {
  accessVersion,
  dataVersion,
  migrateToLatest,
  OTHER_WRITES_CHECK_MS,
  openDatabase,
} from "../../db/database";
import { seedIfEmpty } from "../../db/seed";
import { SESSION_RECHECK_MS } from "../../server/auth/sessionCache";
import { createAccount } from "../fixtures/db";
import { getQuery, postJson, signIn, startServer, type TestServer } from "../fixtures/http";

const dir = mkdtempSync(join(tmpdir(), "pantau-cache-"));
const file = join(dir, "pantau.sqlite");
let app: TestServer;
/** Another process's connection to the same file, as the `user` command would open. */
let other: SQLite.Database;
let reader: string;
let opdCookie: string;
let flood: number;

beforeAll(async () => {
  const db = openDatabase(file);
  await migrateToLatest(db);
  await seedIfEmpty(db);
  await createAccount(db, { username: "pimpinan", role: "pimpinan" });
  await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" });
  app = await startServer({ db });
  other = new SQLite(file);
  other.pragma("busy_timeout = 5000");
  reader = (await signIn(app.base, "pimpinan")).cookie;
  opdCookie = (await signIn(app.base, "dlh")).cookie;
  flood = (other.prepare("select id from issues where number = 4").get() as { id: number }).id;
});

afterAll(async () => {
  other.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(procedure: string, input: unknown, cookie: string, headers: Record<string, string> = {}) {
  const response = await getQuery(app.base, procedure, input, { Cookie: cookie, ...headers });
  const text = response.status === 304 ? "" : await response.text();
  return { status: response.status, etag: response.headers.get("ETag"), text, response };
}

/** Appends an update to issue #4 from another connection, as another process would. */
function writeElsewhere(note: string): void {
  const author = other.prepare("select id from users where username = 'dlh'").get() as { id: number };
  other
    .prepare(
      `insert into issue_updates (issue_id, author_id, created_at, stage, health, note)
       values (?, ?, '2026-11-26T01:00:00.000Z', 'penanganan', 'at_risk', ?)`,
    )
    .run(flood, author.id, note);
  other.prepare("update issues set version = version + 1 where id = ?").run(flood);
}

/** Asks until `check` holds or `ms` has passed; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("Cached reads over HTTP", () => {
  it("answer 304 to a repeat that still holds the same bytes, and the new bytes once they change", async () => {
    const first = await read("dashboard.summary", undefined, reader);
    const again = await read("dashboard.summary", undefined, reader);
    expect(again.text).toBe(first.text);
    expect(again.etag).toMatch(/^"[\w-]+"$/);
    const unchanged = await read("dashboard.summary", undefined, reader, {
      "If-None-Match": again.etag ?? "",
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.response.headers.get("Cache-Control")).toBe("no-store");

    const stranger = await read("dashboard.summary", undefined, reader, { "If-None-Match": '"not-this"' });
    expect(stranger.status).toBe(200);
    expect(stranger.text).toBe(first.text);

    const issue = JSON.parse((await read("issues.byNumber", { number: 3 }, opdCookie)).text) as {
      result: { data: { id: number; version: number } };
    };
    const saved = await postJson(
      app.base,
      "updates.create",
      {
        issueId: issue.result.data.id,
        expectedVersion: issue.result.data.version,
        note: "TPS baru beroperasi",
      },
      { Cookie: opdCookie },
    );
    expect(saved.status).toBe(200);
    const changed = await read("dashboard.summary", undefined, reader, { "If-None-Match": again.etag ?? "" });
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(again.etag);
    expect(changed.text).not.toBe(first.text);
  });

  it("shows a write by another process within a second", async () => {
    await read("updates.timeline", { issueId: flood }, reader);
    const before = await read("updates.timeline", { issueId: flood }, reader);
    expect(before.text).not.toContain("Ditulis proses lain");
    writeElsewhere("Ditulis proses lain");
    const took = await within(1_000, async () =>
      (await read("updates.timeline", { issueId: flood }, reader)).text.includes("Ditulis proses lain"),
    );
    expect(took).toBeLessThanOrEqual(OTHER_WRITES_CHECK_MS + 500);
  });

  it("shows a write through this process's own connection at the next read", async () => {
    await read("issues.list", undefined, reader);
    await app.db
      .updateTable("issues")
      .set({ title: "Banjir Jalan Soekarno-Hatta (diubah)" })
      .where("id", "=", flood)
      .execute();
    expect((await read("issues.list", undefined, reader)).text).toContain("(diubah)");
  });

  it("never gives one user's answer to another who may not see it", async () => {
    const dlh = JSON.parse((await read("issues.byNumber", { number: 3 }, opdCookie)).text);
    const mayor = JSON.parse((await read("issues.byNumber", { number: 3 }, reader)).text);
    expect(dlh.result.data.canUpdate).toBe(true);
    expect(mayor.result.data.canUpdate).toBe(false);
    for (const procedure of ["dashboard.summary", "issues.list", "issues.byNumber"]) {
      const signedOut = await read(
        procedure,
        procedure === "issues.byNumber" ? { number: 3 } : undefined,
        "",
      );
      expect(signedOut.status).toBe(401);
      expect(signedOut.etag).toBeNull();
    }
  });

  it("refuses a user deactivated by another process within the stated time", async () => {
    const { cookie } = await signIn(app.base, "dlh");
    expect((await read("dashboard.summary", undefined, cookie)).status).toBe(200);
    other.prepare("update users set active = 0 where username = 'dlh'").run();
    const took = await within(SESSION_RECHECK_MS, async () => {
      const response = await read("dashboard.summary", undefined, cookie);
      return response.status === 401;
    });
    expect(took).toBeLessThanOrEqual(OTHER_WRITES_CHECK_MS + 500);
    other.prepare("update users set active = 1 where username = 'dlh'").run();
  });

  it("lets the app's fetch turn a 304 into the same answer it had", async () => {
    const statuses: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, {
        ...init,
        headers: { ...Object.fromEntries(new Headers(init?.headers)), Cookie: reader },
      });
      statuses.push(response.status);
      return response;
    };
    const appFetch = createEtagFetch(counting);
    const url = `${app.base}/trpc/issues.list`;
    const first = await (await appFetch(url)).text();
    const second = await appFetch(url);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(first);
    expect(statuses.slice(-1)).toEqual([304]);
  });
});

describe("What empties the caches", () => {
  beforeEach(async () => {
    // Earlier tests wrote from another process: let this one's versions take that in first.
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITES_CHECK_MS + 50));
  });

  it("not a sign-in, a session's last-seen time or its audit row; an update does, at once", async () => {
    const data = dataVersion(app.db);
    const access = accessVersion(app.db);
    const { cookie } = await signIn(app.base, "pimpinan");
    await app.db.updateTable("sessions").set({ last_seen_at: new Date().toISOString() }).execute();
    expect((await read("dashboard.summary", undefined, cookie)).status).toBe(200);
    expect(dataVersion(app.db)).toBe(data);
    expect(accessVersion(app.db)).toBe(access);

    await app.db
      .updateTable("issues")
      .set({ title: "Banjir Soekarno-Hatta" })
      .where("id", "=", flood)
      .execute();
    expect(dataVersion(app.db)).not.toBe(data);
    expect(accessVersion(app.db)).toBe(access);
  });

  it("a sign-out ends cached sign-ins at once, and leaves cached answers alone", async () => {
    const { cookie } = await signIn(app.base, "pimpinan");
    const data = dataVersion(app.db);
    const access = accessVersion(app.db);
    const out = await postJson(app.base, "auth.logout", {}, { Cookie: cookie });
    expect(out.status).toBe(200);
    expect(accessVersion(app.db)).not.toBe(access);
    expect(dataVersion(app.db)).toBe(data);
    expect((await read("dashboard.summary", undefined, cookie)).status).toBe(401);
  });

  it("a write rolled back changes nothing, and no version taken inside it is ever given again", async () => {
    const before = dataVersion(app.db);
    const inside: string[] = [];
    await expect(
      app.db.transaction().execute(async (trx) => {
        await trx.updateTable("issues").set({ title: "Tidak jadi" }).where("id", "=", flood).execute();
        inside.push(dataVersion(app.db), dataVersion(app.db));
        throw new Error("batal");
      }),
    ).rejects.toThrow("batal");
    expect(new Set([...inside, before]).size).toBe(3);
    expect(dataVersion(app.db)).toBe(before);
    expect((await read("issues.list", undefined, reader)).text).not.toContain("Tidak jadi");
  });

  it("counts every change to every table a read may show", () => {
    const bookkeeping = ["sessions", "audit_log", "server_secrets", "data_changes"];
    const tables = (
      other
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => !name.startsWith("kysely_") && !bookkeeping.includes(name));
    expect(tables).toContain("issue_updates");
    const triggers = new Set(
      (
        other.prepare("select name from sqlite_master where type = 'trigger'").all() as { name: string }[]
      ).map((t) => t.name),
    );
    for (const table of tables) {
      for (const event of ["insert", "update", "delete"]) {
        expect(triggers.has(`${table}_${event}_changes`), `${table} ${event}`).toBe(true);
      }
    }
  });
});

describe("Cached reads and the clock", () => {
  it("are computed again on a new day in WIB: the days since an update move on", async () => {
    let clock = new Date("2026-11-27T16:59:00.000Z"); // 23:59 WIB
    const server = await startServer({ services: { now: () => clock } });
    try {
      await createAccount(server.db, { username: "pimpinan", role: "pimpinan" });
      const { cookie } = await signIn(server.base, "pimpinan");
      const staleDays = async () => {
        const response = await getQuery(server.base, "dashboard.summary", undefined, { Cookie: cookie });
        const body = (await response.json()) as {
          result: { data: { staleIssues: { number: number; daysSinceUpdate: number | null }[] } };
        };
        return body.result.data.staleIssues.map((issue) => issue.daysSinceUpdate);
      };
      const evening = await staleDays();
      expect(await staleDays()).toEqual(evening);
      clock = new Date("2026-11-28T17:00:00.000Z"); // the next day but one, 00:00 WIB
      const later = await staleDays();
      expect(later).toEqual(evening.map((days) => (days ?? 0) + 1));
    } finally {
      await server.close();
    }
  });
});
