import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import {
  FINISHED_NEEDS_FULL_PROGRESS,
  PROGRESS_AGAIN_REQUIRED,
  STAGE_REASON_REQUIRED,
  type UpdateInput,
} from "../../shared/schemas/updates";
import { issueIdOf, issueVersionOf } from "../fixtures/admin";
import { callerAs, callerFor, createAccount, createTestDb, TEST_NOW } from "../fixtures/db";
import { errorOf, fieldErrorsIn } from "../fixtures/errors";
import { rowCounts } from "../fixtures/http";

async function latest(db: DB, issueId: number) {
  const [entry] = await callerFor(db).updates.timeline({ issueId });
  if (!entry) throw new Error("no update");
  return entry;
}

const UNKNOWN_ISSUE = 9_999;

describe("who may post an update on which issue", () => {
  let db: DB;
  /** #3 (TPS): DLH leads; Dinkes is made a supporting OPD; Forum-TSP is its CSR donor. */
  let own: number;
  /** #4 (flooding): DPUPRPKP leads; none of the OPD accounts below is responsible. */
  let others: number;
  const users: Record<string, SessionUser | null> = {};

  beforeAll(async () => {
    db = await createTestDb();
    own = await issueIdOf(db, 3);
    others = await issueIdOf(db, 4);
    const dinkes = await db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "Dinkes")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("issue_agencies")
      .values({ issue_id: own, agency_id: dinkes.id, role: "pendukung" })
      .execute();

    users.admin = await createAccount(db, { username: "sekda", role: "admin" });
    users.pimpinan = await createAccount(db, { username: "walikota", role: "pimpinan" });
    users["opd of the lead agency"] = await createAccount(db, {
      username: "dlh",
      role: "opd",
      agencyCode: "DLH",
    });
    users["opd of a supporting agency"] = await createAccount(db, {
      username: "dinkes",
      role: "opd",
      agencyCode: "Dinkes",
    });
    users["opd of an unrelated agency"] = await createAccount(db, {
      username: "dishub",
      role: "opd",
      agencyCode: "Dishub",
    });
    users["opd of the issue's CSR donor (not supporting)"] = await createAccount(db, {
      username: "forum-tsp",
      role: "opd",
      agencyCode: "Forum-TSP",
    });
    users["opd without an agency"] = await createAccount(db, { username: "tanpa-opd", role: "opd" });
    users["signed out"] = null;
  });

  type Outcome = "ok" | "FORBIDDEN" | "UNAUTHORIZED" | "NOT_FOUND";
  const MATRIX: [string, Outcome, Outcome, Outcome][] = [
    // who                                              own issue      other's issue  unknown id
    ["admin", "ok", "ok", "NOT_FOUND"],
    ["pimpinan", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
    ["opd of the lead agency", "ok", "FORBIDDEN", "NOT_FOUND"],
    ["opd of a supporting agency", "ok", "FORBIDDEN", "NOT_FOUND"],
    ["opd of an unrelated agency", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"],
    ["opd of the issue's CSR donor (not supporting)", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"],
    ["opd without an agency", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"],
    ["signed out", "UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"],
  ];
  const cases = MATRIX.flatMap(([who, onOwn, onOthers, onUnknown]) => [
    { who, issue: "own issue (#3)", expected: onOwn },
    { who, issue: "other's issue (#4)", expected: onOthers },
    { who, issue: "unknown id", expected: onUnknown },
  ]);

  it.each(cases)("$who on $issue: $expected", async ({ who, issue, expected }) => {
    const issueId = issue.startsWith("own") ? own : issue.startsWith("other") ? others : UNKNOWN_ISSUE;
    const user = users[who] ?? null;
    const version = await issueVersionOf(db, issueId);
    const before = await rowCounts(db);
    const call = callerAs(db, user).updates.create({
      issueId,
      expectedVersion: version,
      note: `Pembaruan oleh ${who}`,
      health: "at_risk",
    });

    if (expected !== "ok") {
      expect((await errorOf(call)).code).toBe(expected);
      expect(await rowCounts(db)).toEqual(before);
      expect(await issueVersionOf(db, issueId)).toBe(version);
      return;
    }
    const result = await call;
    expect(result.version).toBe(version + 1);
    expect(await issueVersionOf(db, issueId)).toBe(version + 1);
    const after = await rowCounts(db);
    expect(after).toEqual({
      ...before,
      issue_updates: before.issue_updates + 1,
      audit_log: before.audit_log + 1,
    });
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual(
      expect.objectContaining({
        action: "updates.create",
        actor_id: user?.id,
        actor_username: user?.username,
        entity_type: "issue",
        entity_id: issueId,
      }),
    );
    const entry = await latest(db, issueId);
    expect(entry.id).toBe(result.id);
    expect(entry.note).toBe(`Pembaruan oleh ${who}`);
    expect(entry.author.username).toBe(user?.username);
    expect(entry.agency?.code ?? null).toBe(user?.agencyCode ?? null);
  });
});

describe("updates.create", () => {
  let db: DB;
  let admin: SessionUser;
  let dlh: SessionUser;
  let dlhColleague: SessionUser;
  let tps: number;

  beforeAll(async () => {
    db = await createTestDb();
    admin = await createAccount(db, { username: "sekda", role: "admin" });
    dlh = await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" });
    dlhColleague = await createAccount(db, { username: "dlh-2", role: "opd", agencyCode: "DLH" });
    tps = await issueIdOf(db, 3);
  });

  /** Posts as `user` on the TPS issue at its current version, with `fields`. */
  async function post(user: SessionUser, fields: Partial<UpdateInput> = {}) {
    return callerAs(db, user).updates.create({
      issueId: tps,
      expectedVersion: await issueVersionOf(db, tps),
      note: "Pembaruan rutin",
      ...fields,
    });
  }

  it("refuses a stale expectedVersion with CONFLICT and writes nothing", async () => {
    const version = await issueVersionOf(db, tps);
    const before = await rowCounts(db);
    for (const expectedVersion of [version - 1, version + 1, 0]) {
      const error = await errorOf(
        callerAs(db, dlh).updates.create({ issueId: tps, expectedVersion, note: "Berdasar versi lama" }),
      );
      expect(error.code).toBe("CONFLICT");
    }
    expect(await rowCounts(db)).toEqual(before);
    expect(await issueVersionOf(db, tps)).toBe(version);
  });

  it("carries over the fields left out, and null (or an empty text) clears one; a source link is the update's own", async () => {
    await post(dlh, {
      stage: "selesai",
      health: "at_risk",
      physicalProgress: 100,
      budgetProgress: 64,
      indicatorValue: 12,
      obstacles: "Hujan deras",
      nextSteps: "Serah terima",
      sourceUrl: "https://malangkota.go.id/berita/tps",
    });
    const full = {
      stage: "selesai",
      health: "at_risk",
      physicalProgress: 100,
      budgetProgress: 64,
      indicatorValue: 12,
      obstacles: "Hujan deras",
      nextSteps: "Serah terima",
      sourceUrl: "https://malangkota.go.id/berita/tps",
    };
    expect(await latest(db, tps)).toEqual(expect.objectContaining(full));

    await post(dlh, { note: "Hanya catatan" });
    expect(await latest(db, tps)).toEqual(
      expect.objectContaining({ ...full, note: "Hanya catatan", sourceUrl: null }),
    );

    await post(dlh, { physicalProgress: null, obstacles: null, sourceUrl: null, nextSteps: "   " });
    expect(await latest(db, tps)).toEqual(
      expect.objectContaining({
        ...full,
        physicalProgress: null,
        obstacles: null,
        sourceUrl: null,
        nextSteps: null,
      }),
    );

    // Cleared stays cleared when left out next time.
    await post(dlh, { budgetProgress: 70 });
    expect(await latest(db, tps)).toEqual(
      expect.objectContaining({
        physicalProgress: null,
        obstacles: null,
        budgetProgress: 70,
        health: "at_risk",
      }),
    );
  });

  it("shows the update as the issue's state in issues.list and issues.byId", async () => {
    const result = await post(dlh, {
      stage: "selesai",
      health: "blocked",
      physicalProgress: 100,
      budgetProgress: 98,
    });
    const expected = {
      version: result.version,
      stage: "selesai",
      health: "blocked",
      physicalProgress: 100,
      budgetProgress: 98,
      lastUpdatedAt: TEST_NOW.toISOString(),
    };
    const issues = await callerFor(db).issues.list();
    expect(issues.find((i) => i.id === tps)).toEqual(expect.objectContaining(expected));
    expect(await callerFor(db).issues.byId({ id: tps })).toEqual(expect.objectContaining(expected));
  });

  it("wants a reason for moving the stage backwards", async () => {
    const before = await rowCounts(db);
    for (const stageReason of [undefined, "", "    ", null]) {
      const error = await errorOf(post(dlh, { stage: "pengadaan", physicalProgress: 40, stageReason }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe(STAGE_REASON_REQUIRED);
      // Next to the field in the form: the formatter's zodError names stageReason.
      expect(fieldErrorsIn(error, "updates.create").stageReason).toEqual([STAGE_REASON_REQUIRED]);
    }
    expect(await rowCounts(db)).toEqual(before);

    await post(dlh, {
      stage: "pengadaan",
      physicalProgress: 40,
      stageReason: "Kontrak diputus, lelang ulang",
    });
    expect(await latest(db, tps)).toEqual(
      expect.objectContaining({ stage: "pengadaan", stageReason: "Kontrak diputus, lelang ulang" }),
    );
    // Forwards, or staying put, needs none.
    await post(dlh, { stage: "pengadaan" });
    await post(dlh, { stage: "penanganan" });
    expect((await latest(db, tps)).stage).toBe("penanganan");
  });

  it("writes exactly one update and one audit row, and bumps the version by one, each time", async () => {
    for (let i = 0; i < 3; i++) {
      const version = await issueVersionOf(db, tps);
      const before = await rowCounts(db);
      const result = await post(i % 2 === 0 ? dlh : admin, { note: `Langkah ${i}` });
      expect(result.version).toBe(version + 1);
      expect(await rowCounts(db)).toEqual({
        ...before,
        issue_updates: before.issue_updates + 1,
        audit_log: before.audit_log + 1,
      });
    }
  });

  it("lets exactly one of two racing updates on the same version through; the other gets CONFLICT", async () => {
    for (const racers of [2, 5]) {
      const version = await issueVersionOf(db, tps);
      const before = await rowCounts(db);
      const results = await Promise.allSettled(
        Array.from({ length: racers }, (_, i) =>
          callerAs(db, i % 2 === 0 ? dlh : dlhColleague).updates.create({
            issueId: tps,
            expectedVersion: version,
            note: `Balapan ${i}`,
          }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      for (const r of lost) {
        expect(r.reason).toBeInstanceOf(TRPCError);
        expect((r.reason as TRPCError).code).toBe("CONFLICT");
      }
      expect(await issueVersionOf(db, tps)).toBe(version + 1);
      expect((await rowCounts(db)).issue_updates).toBe(before.issue_updates + 1);
      expect((await rowCounts(db)).audit_log).toBe(before.audit_log + 1);
    }
  });

  describe("attachments", () => {
    async function upload(owner: SessionUser): Promise<number> {
      const row = await db
        .insertInto("attachments")
        .values({
          sha256: "0".repeat(64),
          content_type: "image/png",
          size: 1,
          original_name: "foto.png",
          uploaded_by: owner.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    }

    it("links the uploader's own files to the update", async () => {
      const a = await upload(dlh);
      const b = await upload(dlh);
      const before = await rowCounts(db);
      await post(dlh, { attachmentIds: [a, b, a] });
      expect((await latest(db, tps)).attachments.map((f) => f.id)).toEqual([a, b]);
      expect((await rowCounts(db)).update_attachments).toBe(before.update_attachments + 2);
    });

    it("refuses a file someone else uploaded, or one that does not exist, and writes nothing", async () => {
      const colleagues = await upload(dlhColleague);
      const mine = await upload(dlh);
      const before = await rowCounts(db);
      for (const attachmentIds of [[colleagues], [mine, colleagues], [987_654]]) {
        const error = await errorOf(post(dlh, { attachmentIds }));
        expect(error.code).toBe("BAD_REQUEST");
        expect(fieldErrorsIn(error, "updates.create").attachmentIds).toEqual([error.message]);
      }
      expect(await rowCounts(db)).toEqual(before);
    });
  });

  it("writes the update and its audit row together or not at all", async () => {
    const version = await issueVersionOf(db, tps);
    const before = await rowCounts(db);
    // Make the audit insert fail: the update written just before it must roll back.
    await sql`create trigger audit_fails before insert on audit_log
      when new.action = 'updates.create' begin select raise(abort, 'audit unavailable'); end`.execute(db);
    try {
      const error = await errorOf(post(dlh, { note: "Tidak boleh tersimpan sendirian" }));
      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await sql`drop trigger audit_fails`.execute(db);
    }
    expect(await rowCounts(db)).toEqual(before);
    expect(await issueVersionOf(db, tps)).toBe(version);
  });
});

describe("updates.create keeps stage and physical progress consistent", () => {
  let db: DB;
  let dlh: SessionUser;
  let tps: number;

  beforeAll(async () => {
    db = await createTestDb();
    dlh = await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" });
    tps = await issueIdOf(db, 3);
  });

  async function post(fields: Partial<UpdateInput>) {
    return callerAs(db, dlh).updates.create({
      issueId: tps,
      expectedVersion: await issueVersionOf(db, tps),
      note: "Pembaruan rutin",
      ...fields,
    });
  }

  /** Fails unless `fields` is refused with exactly `expected` as field errors, writing nothing. */
  async function expectRefused(fields: Partial<UpdateInput>, expected: Record<string, string>) {
    const before = await rowCounts(db);
    const version = await issueVersionOf(db, tps);
    const error = await errorOf(post(fields));
    expect(error.code).toBe("BAD_REQUEST");
    const found = fieldErrorsIn(error, "updates.create");
    expect(found).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, [v]])));
    expect(await rowCounts(db)).toEqual(before);
    expect(await issueVersionOf(db, tps)).toBe(version);
  }

  async function state() {
    const issue = await callerFor(db).issues.byId({ id: tps });
    return { stage: issue.stage, physicalProgress: issue.physicalProgress, progress: issue.progress };
  }

  it("moving #3 back from Selesai asks for the progress again instead of keeping 100%", async () => {
    expect(await state()).toEqual(expect.objectContaining({ stage: "selesai", physicalProgress: 100 }));
    const reason = "Atap TPS Lowokwaru roboh, dibangun ulang.";

    await expectRefused(
      { stage: "penanganan", stageReason: reason },
      { physicalProgress: PROGRESS_AGAIN_REQUIRED },
    );
    // Neither the reason nor the figure: both fields are named.
    await expectRefused(
      { stage: "penanganan" },
      { stageReason: STAGE_REASON_REQUIRED, physicalProgress: PROGRESS_AGAIN_REQUIRED },
    );

    // "No figure" is an answer: the issue then shows the stage's estimate, not 100%.
    await post({ stage: "penanganan", stageReason: reason, physicalProgress: null });
    expect(await state()).toEqual({
      stage: "penanganan",
      physicalProgress: null,
      progress: expect.objectContaining({ value: 60, estimated: true }),
    });
  });

  it("a figure stated again when going back is kept as stated", async () => {
    await post({ stage: "selesai", physicalProgress: 100 });
    await post({ stage: "pengadaan", stageReason: "Kontrak diputus", physicalProgress: 85 });
    expect(await state()).toEqual(expect.objectContaining({ stage: "pengadaan", physicalProgress: 85 }));
  });

  it("refuses Selesai with less than 100%, whether the figure is sent or carried over", async () => {
    await post({ stage: "penanganan", physicalProgress: 90 });
    await expectRefused(
      { stage: "selesai", physicalProgress: 97.5 },
      { physicalProgress: FINISHED_NEEDS_FULL_PROGRESS },
    );
    await post({ physicalProgress: 97.5 });
    // 97.5 stays from the previous update: Selesai on top of it is refused too.
    await expectRefused({ stage: "selesai" }, { physicalProgress: FINISHED_NEEDS_FULL_PROGRESS });
    expect(await state()).toEqual(expect.objectContaining({ stage: "penanganan", physicalProgress: 97.5 }));

    await post({ stage: "selesai", physicalProgress: 100 });
    expect(await state()).toEqual(expect.objectContaining({ stage: "selesai", physicalProgress: 100 }));
    // Once finished, the figure cannot slip below 100% either.
    await expectRefused({ physicalProgress: 99 }, { physicalProgress: FINISHED_NEEDS_FULL_PROGRESS });
  });

  it("accepts Selesai with no figure, and staying at Selesai with 100% needs nothing restated", async () => {
    await post({ stage: "selesai", physicalProgress: null });
    expect(await state()).toEqual(
      expect.objectContaining({
        stage: "selesai",
        physicalProgress: null,
        progress: expect.objectContaining({ value: 100, estimated: true }),
      }),
    );
    await post({ physicalProgress: 100 });
    await post({ note: "Pemeliharaan rutin", health: "at_risk" });
    expect(await state()).toEqual(expect.objectContaining({ stage: "selesai", physicalProgress: 100 }));
  });
});
