import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { createSession } from "../../server/auth/sessions";
import { recordAudit } from "../../server/repositories/audit";
import { appRouter } from "../../server/routers/_app";
import {
  type AdminWorld,
  adminWorld,
  errorOf,
  expectOneAudit,
  fieldErrorsOf,
  issueIdOf,
  lastAuditId,
} from "../fixtures/admin";
import { TEST_NOW, TEST_PASSWORD, testServices } from "../fixtures/db";

type Caller = AdminWorld["asAdmin"];
type Call = (caller: Caller) => Promise<unknown>;

const PATHS = [
  "users.list",
  "users.create",
  "users.update",
  "users.deactivate",
  "users.activate",
  "users.resetPassword",
  "agencies.create",
  "agencies.update",
  "issues.updateDetails",
  "issues.setChain",
  "issues.addFunding",
  "issues.updateFunding",
  "issues.removeFunding",
  "awards.createEvent",
  "awards.updateEvent",
  "awards.removeEvent",
  "awards.addResult",
  "awards.updateResult",
  "awards.removeResult",
  "audit.list",
] as const;
type Path = (typeof PATHS)[number];
const QUERIES = new Set<Path>(["users.list", "audit.list"]);

const NEW_PASSWORD = "rapat-apel-senin-pagi";

/** One valid call of every procedure of the Sekda office, on the seeded data. */
async function adminCalls(w: AdminWorld): Promise<Record<Path, Call>> {
  const issue = await issueIdOf(w.db, 4);
  const funding = await w.db
    .selectFrom("funding_lines")
    .select("id")
    .where("issue_id", "=", issue)
    .executeTakeFirstOrThrow();
  const result = await w.db.selectFrom("award_results").select(["id", "event_id"]).executeTakeFirstOrThrow();
  const dlh = w.opd.agencyId ?? 0;
  return {
    "users.list": (c) => c.users.list(),
    "users.create": (c) =>
      c.users.create({
        username: "baru",
        displayName: "Akun Baru",
        role: "pimpinan",
        password: NEW_PASSWORD,
      }),
    "users.update": (c) => c.users.update({ id: w.opd.id, displayName: "Staf DLH" }),
    "users.deactivate": (c) => c.users.deactivate({ id: w.opd.id }),
    "users.activate": (c) => c.users.activate({ id: w.opd.id }),
    "users.resetPassword": (c) => c.users.resetPassword({ id: w.opd.id, password: NEW_PASSWORD }),
    "agencies.create": (c) =>
      c.agencies.create({ code: "BPBD", name: "Badan Penanggulangan Bencana", kind: "badan" }),
    "agencies.update": (c) => c.agencies.update({ id: dlh, name: "Dinas Lingkungan Hidup Kota Malang" }),
    "issues.updateDetails": (c) => c.issues.updateDetails({ id: issue, location: "Jl. Soekarno-Hatta" }),
    "issues.setChain": (c) => c.issues.setChain({ issueId: issue, chain: [] }),
    "issues.addFunding": (c) =>
      c.issues.addFunding({
        issueId: issue,
        source: "apbd_kota",
        description: "Normalisasi",
        confirmed: true,
      }),
    "issues.updateFunding": (c) => c.issues.updateFunding({ id: funding.id, amountRealised: 1_000_000 }),
    "issues.removeFunding": (c) => c.issues.removeFunding({ id: funding.id }),
    "awards.createEvent": (c) =>
      c.awards.createEvent({
        name: "Penghargaan Uji",
        organiser: "Kementerian Uji",
        level: "nasional",
        eventDate: "2025-05-01",
        place: "Jakarta",
      }),
    "awards.updateEvent": (c) => c.awards.updateEvent({ id: result.event_id, place: "Surabaya" }),
    "awards.removeEvent": (c) => c.awards.removeEvent({ id: result.event_id }),
    "awards.addResult": (c) =>
      c.awards.addResult({ eventId: result.event_id, category: "Kategori uji", predicate: "Terbaik I" }),
    "awards.updateResult": (c) => c.awards.updateResult({ id: result.id, predicate: "Terbaik II" }),
    "awards.removeResult": (c) => c.awards.removeResult({ id: result.id }),
    "audit.list": (c) => c.audit.list(),
  };
}

/** Everything an admin call could change, to show that a refused one changed nothing. */
async function snapshot(db: DB) {
  const tables = [
    "users",
    "agencies",
    "issues",
    "issue_agencies",
    "funding_lines",
    "issue_updates",
    "award_events",
    "award_results",
    "sessions",
    "audit_log",
  ] as const;
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = await db.selectFrom(table).selectAll().execute();
  return rows;
}

let w: AdminWorld;
let calls: Record<Path, Call>;

beforeEach(async () => {
  w = await adminWorld();
  calls = await adminCalls(w);
});

describe("the Sekda office's procedures", () => {
  it("are every procedure of users and audit, and every write of agencies, issues and awards", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const managed = Object.entries(procedures)
      .filter(
        ([path, p]) =>
          /^(users|audit)\./.test(path) ||
          (/^(agencies|issues|awards)\./.test(path) && p._def.type === "mutation"),
      )
      .map(([path]) => path)
      .sort();
    expect(managed).toEqual([...PATHS].sort());
  });

  it.each(PATHS)("%s answers the admin, and a write leaves exactly one audit row of it", async (path) => {
    const call = calls[path];
    const before = await lastAuditId(w.db);
    await expect(call(w.asAdmin)).resolves.toBeDefined();
    if (QUERIES.has(path)) {
      expect(await lastAuditId(w.db)).toBe(before);
    } else {
      await expectOneAudit(w.db, before, {
        action: path,
        actorId: w.admin.id,
        secrets: [NEW_PASSWORD],
      });
    }
  });

  it.each(PATHS)(
    "%s is FORBIDDEN to the mayor and to an OPD, UNAUTHORIZED to nobody, and changes nothing",
    async (path) => {
      const call = calls[path];
      const before = await snapshot(w.db);
      expect((await errorOf(call(w.asPimpinan))).code).toBe("FORBIDDEN");
      expect((await errorOf(call(w.asOpd))).code).toBe("FORBIDDEN");
      const nobody = await errorOf(call(w.asNobody));
      expect(nobody.code).toBe("UNAUTHORIZED");
      expect(nobody.message).toBe("Silakan masuk terlebih dahulu.");
      expect(await snapshot(w.db)).toEqual(before);
    },
  );

  it.each(PATHS.filter((p) => !QUERIES.has(p)))(
    "%s is not made when its audit row cannot be written",
    async (path) => {
      await createSession(w.db, w.opd.id, TEST_NOW, testServices(w.db).sessionPolicy);
      await sql`create trigger audit_down before insert on audit_log
        begin select raise(abort, 'audit trail unavailable'); end`.execute(w.db);
      const before = await snapshot(w.db);
      const error = await errorOf(calls[path](w.asAdmin));
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(await snapshot(w.db)).toEqual(before);
    },
  );
});

describe("audit.list", () => {
  it("gives the trail newest first, a page at a time, filtered by action", async () => {
    const actor = { id: w.admin.id, username: w.admin.username };
    for (let i = 1; i <= 60; i++) {
      await recordAudit(w.db, { action: i % 2 ? "uji.ganjil" : "uji.genap", actor, detail: { i } });
    }
    const page = await w.asAdmin.audit.list();
    expect(page).toHaveLength(50);
    expect(page[0]).toMatchObject({ action: "uji.genap", actorUsername: "sekda", detail: { i: 60 } });
    expect(page.map((r) => r.id)).toEqual([...page.map((r) => r.id)].sort((a, b) => b - a));

    const next = await w.asAdmin.audit.list({ limit: 20, beforeId: page[49]?.id });
    expect(next.map((r) => (r.detail as { i: number }).i)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

    const odd = await w.asAdmin.audit.list({ action: "uji.ganjil", limit: 3 });
    expect(odd.map((r) => (r.detail as { i: number }).i)).toEqual([59, 57, 55]);
  });

  it("records account changes without any password", async () => {
    await w.asAdmin.users.create({
      username: "staf-baru",
      displayName: "Staf Baru",
      role: "opd",
      agencyCode: "Dishub",
      password: NEW_PASSWORD,
    });
    const [created] = await w.asAdmin.audit.list({ action: "users.create" });
    expect(created).toMatchObject({
      actorUsername: "sekda",
      entityType: "user",
      detail: { before: null, after: { username: "staf-baru", role: "opd", agencyCode: "Dishub" } },
    });
    const text = JSON.stringify(await w.asAdmin.audit.list());
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain("argon2");
  });

  it("refuses a page size outside 1..200 in Indonesian", async () => {
    expect((await fieldErrorsOf(w.asAdmin.audit.list({ limit: 0 }))).limit).toEqual([
      "Jumlah baris minimal 1.",
    ]);
    expect((await fieldErrorsOf(w.asAdmin.audit.list({ limit: 201 }))).limit).toEqual([
      "Jumlah baris maksimal 200.",
    ]);
  });
});
