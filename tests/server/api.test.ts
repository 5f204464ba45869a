import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { callerFor, createTestDb } from "../fixtures/db";
import { errorOf, errorShape } from "../fixtures/errors";

let db: DB;
let caller: ReturnType<typeof callerFor>;
/** Issue id by its number: ids are the database's business, numbers are what people say. */
let idOf: (number: number) => number;

beforeAll(async () => {
  // Reads only: one seeded database serves every test in this file.
  db = await createTestDb();
  caller = callerFor(db);
  const issues = await caller.issues.list();
  const ids = new Map(issues.map((i) => [i.number, i.id]));
  idOf = (number) => {
    const id = ids.get(number);
    if (id === undefined) throw new Error(`no issue #${number}`);
    return id;
  };
});

describe("issues.list", () => {
  it("gives every issue with its current state in the contract's shape", async () => {
    const issues = await caller.issues.list();
    expect(issues).toHaveLength(11);
    const flood = issues.find((i) => i.number === 4);
    expect(flood).toEqual(
      expect.objectContaining({
        id: idOf(4),
        number: 4,
        title: "Banjir kawasan Soekarno-Hatta",
        version: 6,
        leadAgency: {
          id: expect.any(Number),
          code: "DPUPRPKP",
          name: "Dinas Pekerjaan Umum, Penataan Ruang, Perumahan dan Kawasan Permukiman",
        },
        // Walked back on 17 Jan 2025: the physical works were still in procurement.
        stage: "pengadaan",
        health: "on_track",
        physicalProgress: null,
        budgetProgress: null,
        lastUpdatedAt: "2025-03-09T05:00:00.000Z",
      }),
    );
  });

  it("shows the state of an earlier date with asOf", async () => {
    const issues = await caller.issues.list({ asOf: "2024-11-18" });
    const flood = issues.find((i) => i.number === 4);
    expect(flood?.stage).toBe("penanganan");
    expect(flood?.lastUpdatedAt).toBe("2024-11-18T05:00:00.000Z");
    const market = issues.find((i) => i.number === 1);
    expect(market?.health).toBe("on_track");
    const marketNow = (await caller.issues.list()).find((i) => i.number === 1);
    expect(marketNow?.health).toBe("at_risk");
  });

  it("counts an update made at noon WIB on the as-of date itself", async () => {
    const issues = await caller.issues.list({ asOf: "2024-08-27" });
    expect(issues.filter((i) => i.stage !== null).map((i) => [i.number, i.stage])).toEqual([
      [1, "perencanaan"],
    ]);
  });

  it("says when the latest event is dated only by its month", async () => {
    const issues = await caller.issues.list();
    // "58% by October 2024": the source gives the month, not the day.
    expect(issues.find((i) => i.number === 9)?.lastUpdatePrecision).toBe("month");
    expect(issues.find((i) => i.number === 4)?.lastUpdatePrecision).toBe("day");
    const january = await caller.issues.list({ asOf: "2025-02-01" });
    expect(january.find((i) => i.number === 1)?.lastUpdatePrecision).toBe("month");
  });

  it("has no state for a date before any history", async () => {
    const issues = await caller.issues.list({ asOf: "2024-08-01" });
    expect(issues).toHaveLength(11);
    for (const issue of issues) {
      expect(issue).toMatchObject({
        stage: null,
        health: null,
        physicalProgress: null,
        budgetProgress: null,
        lastUpdatedAt: null,
        progress: null,
      });
    }
  });
});

describe("issues.byId", () => {
  it("shows the state of the as-of date", async () => {
    const id = idOf(4);
    expect((await caller.issues.byId({ id, asOf: "2024-10-30" })).stage).toBe("penganggaran");
    expect((await caller.issues.byId({ id, asOf: "2024-11-18" })).stage).toBe("penanganan");
    expect((await caller.issues.byId({ id })).stage).toBe("pengadaan");
  });

  it("lists funding lines in whole Rupiah", async () => {
    const parking = await caller.issues.byId({ id: idOf(5) });
    expect(parking.funding).toHaveLength(1);
    expect(parking.funding[0]).toMatchObject({
      source: "apbd_kota",
      fiscalYear: 2025,
      amountRealised: 25_300_000_000,
      sourceUrl: "https://malangkota.go.id/?p=53481",
    });
    const flood = await caller.issues.byId({ id: idOf(4) });
    // The provincial line was revised from Rp22 to Rp32 miliar: both shown, the first marked.
    expect(flood.funding.map((f) => [f.source, f.amountPlanned, f.superseded])).toEqual([
      ["apbd_provinsi", 22_000_000_000, true],
      ["apbd_provinsi", 32_000_000_000, false],
      ["apbd_kota", 1_400_000_000, false],
    ]);
    for (const line of [...parking.funding, ...flood.funding]) {
      for (const amount of [line.amountPlanned, line.amountRealised]) {
        if (amount !== null) expect(Number.isInteger(amount)).toBe(true);
      }
    }
  });

  it("marks an unapproved funding request as unconfirmed", async () => {
    const market = await caller.issues.byId({ id: idOf(1) });
    const apbn = market.funding.find((f) => f.source === "apbn");
    expect(apbn).toMatchObject({
      confirmed: false,
      amountPlanned: 300_000_000_000,
      donor: { code: "KemenPUPR" },
    });
  });

  it("names the delivery chain: the province builds #4", async () => {
    const flood = await caller.issues.byId({ id: idOf(4) });
    expect(flood.leadAgency.code).toBe("DPUPRPKP");
    expect(flood.chain).toEqual([
      expect.objectContaining({
        role: "pelaksana",
        agency: expect.objectContaining({ code: "DPUSDA-Jatim", kind: "provinsi" }),
      }),
    ]);
  });

  it("measures PBB collection (#10) against its target", async () => {
    const pbb = await caller.issues.byId({ id: idOf(10) });
    expect(pbb.indicator).toMatchObject({ unit: "rupiah", target: 73e9, value: 68.3e9 });
    expect(pbb.indicator?.progress).toBeCloseTo(93.6, 1);

    const before = await caller.issues.byId({ id: idOf(10), asOf: "2024-11-11" });
    expect(before.indicator).toMatchObject({ target: 73e9, value: null, progress: null });
  });

  it("has no indicator for a construction issue", async () => {
    expect((await caller.issues.byId({ id: idOf(4) })).indicator).toBeNull();
  });

  it("is NOT_FOUND for an unknown id", async () => {
    const error = await errorOf(caller.issues.byId({ id: 999 }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it.each(["2024-02-30", "18-11-2024"])(
    "rejects the as-of date %s as BAD_REQUEST with a field error",
    async (asOf) => {
      const error = await errorOf(caller.issues.byId({ id: idOf(1), asOf }));
      expect(error.code).toBe("BAD_REQUEST");
      const shape = errorShape(error, "issues.byId");
      expect(shape.data.zodError?.fieldErrors).toEqual({
        asOf: ["Tanggal harus berupa tanggal yang sah (TTTT-BB-HH)."],
      });
    },
  );

  it("rejects a non-integer id", async () => {
    const error = await errorOf(caller.issues.byId({ id: 1.5 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(errorShape(error, "issues.byId").data.zodError?.fieldErrors).toEqual({ id: [expect.any(String)] });
  });
});

describe("updates.timeline", () => {
  it("lists an issue's history newest first, with author, agency and source", async () => {
    const entries = await caller.updates.timeline({ issueId: idOf(4) });
    expect(entries.map((e) => [e.createdAt.slice(0, 10), e.stage])).toEqual([
      ["2025-03-09", "pengadaan"],
      ["2025-01-17", "pengadaan"],
      ["2024-11-18", "penanganan"],
      ["2024-10-29", "penganggaran"],
      ["2024-09-11", "perencanaan"],
      ["2024-09-10", "identifikasi"],
    ]);
    for (const entry of entries) {
      expect(entry.author).toEqual({ username: "data-awal", displayName: "Data awal (sumber publik)" });
      expect(entry.agency?.code).toBe("DPUPRPKP");
    }
    expect(entries.map((e) => e.sourceName)).toContain("jatimtimes.com");
    expect(entries.map((e) => e.sourceName)).toContain("infomalang.com");
  });

  it("keeps a month-precision event marked as such", async () => {
    const entries = await caller.updates.timeline({ issueId: idOf(9) });
    expect(entries[0]).toMatchObject({ datePrecision: "month", budgetProgress: 58 });
  });

  it("is NOT_FOUND for an unknown issue", async () => {
    const error = await errorOf(caller.updates.timeline({ issueId: 999 }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("dashboard.summary", () => {
  it("counts every issue exactly once per stage and per health", async () => {
    const summary = await caller.dashboard.summary();
    expect(summary.total).toBe(11);
    expect(Object.values(summary.byStage).reduce((a, b) => a + b, 0)).toBe(11);
    expect(Object.values(summary.byHealth).reduce((a, b) => a + b, 0)).toBe(11);
    expect(summary.byStage.selesai).toBe(2);
    // Every unfinished issue has gone without an update for months by the test clock.
    expect(summary.attention.map((a) => a.number).sort((a, b) => a - b)).toEqual([
      1, 2, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it("lists what changed in the week before the apel", async () => {
    const summary = await caller.dashboard.summary({ asOf: "2024-11-18", since: "2024-11-11" });
    expect(summary.since).toBe("2024-11-11");
    // #10's figure is dated 12 Nov (reported 19 Nov), so it falls in the window too.
    expect(summary.changes.map((c) => c.number)).toEqual([3, 4, 5, 7, 10]);
    expect(summary.changes.find((c) => c.number === 3)).toMatchObject({
      fromStage: "identifikasi",
      toStage: "penanganan",
      updates: 1,
    });
    expect(summary.changes.find((c) => c.number === 7)).toMatchObject({
      fromStage: "identifikasi",
      toStage: "penanganan",
      updates: 2,
    });
  });

  it("defaults the comparison to one week before the as-of date", async () => {
    const summary = await caller.dashboard.summary({ asOf: "2024-11-18" });
    expect(summary.since).toBe("2024-11-11");
    expect(summary.changes.map((c) => c.number)).toEqual([3, 4, 5, 7, 10]);
  });

  it("rejects a comparison date after the as-of date", async () => {
    const error = await errorOf(caller.dashboard.summary({ asOf: "2024-11-18", since: "2024-11-19" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(errorShape(error, "dashboard.summary").data.zodError?.fieldErrors).toHaveProperty("since");
  });

  it("rejects a comparison date after today when no as-of date is given", async () => {
    const error = await errorOf(caller.dashboard.summary({ since: "2030-01-01" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Tanggal pembanding harus sebelum tanggal tampilan.");
  });

  it("judges staleness against the injected clock", async () => {
    // 20 Nov 2024, 09:00 WIB: #10 was last updated 12 Nov, 7 days and 21 hours earlier.
    const soon = callerFor(db, new Date("2024-11-20T02:00:00.000Z"));
    const stale = (await soon.dashboard.summary()).staleIssues;
    // Longest without an update first: #11 (9 Sep), then those of 10 Sep, then #1 (1 Nov), #10.
    expect(stale.map((s) => s.number)).toEqual([11, 2, 6, 8, 9, 1, 10]);
    expect(stale.find((s) => s.number === 10)).toMatchObject({
      daysSinceUpdate: 7,
      leadAgency: { code: "Bapenda" },
    });

    // A day earlier, #10 is not yet a week old.
    const earlier = callerFor(db, new Date("2024-11-19T02:00:00.000Z"));
    expect((await earlier.dashboard.summary()).staleIssues.map((s) => s.number)).toEqual([11, 2, 6, 8, 9, 1]);

    // With a longer threshold, fewer issues count as stale.
    const lenient = callerFor(db, new Date("2024-11-20T02:00:00.000Z"), 60);
    expect((await lenient.dashboard.summary()).staleIssues.map((s) => s.number)).toEqual([11, 2, 6]);
  });

  it("does not show the live view updates that lie after the clock", async () => {
    const atApel = callerFor(db, new Date("2024-11-18T02:00:00.000Z"));
    const summary = await atApel.dashboard.summary();
    // 09:00 WIB: the apel's own reports (noon) are not in yet, only #7's works from 12 Nov.
    expect(summary.inHandlingOrLater).toBe(1);
    expect(summary.asOf).toBeNull();
  });
});

describe("dashboard.history", () => {
  it("gives a point at the first update, every Monday apel, and the as-of date", async () => {
    const points = await caller.dashboard.history({ asOf: "2024-11-30" });
    // The first event is #1's proposal of 27 Aug 2024; 2 Sep is the next Monday.
    expect(points.slice(0, 2).map((p) => p.date)).toEqual(["2024-08-27", "2024-09-02"]);
    expect(points.at(-1)?.date).toBe("2024-11-30");
    expect(points.find((p) => p.date === "2024-11-18")?.inHandlingOrLater).toBe(3);
    // The Monday before the apel's report: only #7's works of 12 Nov had begun.
    expect(points.find((p) => p.date === "2024-11-11")?.inHandlingOrLater).toBe(0);
    expect(points.every((p) => p.total === 11)).toBe(true);
  });

  it("ends on the as-of date, not at a month end, so a past view has no jump at its edge", async () => {
    const points = await caller.dashboard.history({ asOf: "2024-12-15" });
    expect(points.slice(-3).map((p) => [p.date, p.inHandlingOrLater])).toEqual([
      ["2024-12-02", 3],
      ["2024-12-09", 3],
      // #8's aid reached 300 recipients on 10 Dec.
      ["2024-12-15", 4],
    ]);
    const summary = await caller.dashboard.summary({ asOf: "2024-12-15" });
    expect(points.at(-1)?.meanProgress).toBeCloseTo(summary.meanProgress ?? Number.NaN, 9);
  });

  it("is empty before any history", async () => {
    expect(await caller.dashboard.history({ asOf: "2024-08-01" })).toEqual([]);
  });

  it("ends today when live", async () => {
    const points = await caller.dashboard.history();
    expect(points.at(-1)?.date).toBe("2026-11-27");
    expect(points.at(-1)?.inHandlingOrLater).toBe(5);
  });
});

describe("agencies.list", () => {
  it("gives each agency as {id, code, name, kind}", async () => {
    const agencies = await caller.agencies.list();
    expect(agencies.length).toBeGreaterThanOrEqual(24);
    expect(agencies).toContainEqual({
      id: expect.any(Number),
      code: "DLH",
      name: "Dinas Lingkungan Hidup",
      kind: "dinas",
    });
    expect(agencies.find((a) => a.code === "DPUSDA-Jatim")?.kind).toBe("provinsi");
    for (const agency of agencies) expect(Object.keys(agency).sort()).toEqual(["code", "id", "kind", "name"]);
  });
});

describe("data integrity", () => {
  it("keeps agency codes unique regardless of case", async () => {
    const fresh = await createTestDb();
    await expect(
      fresh.insertInto("agencies").values({ code: "dlh", name: "Duplikat", kind: "dinas" }).execute(),
    ).rejects.toThrow(/UNIQUE/);
    const codes = (await callerFor(fresh).agencies.list()).map((a) => a.code.toLowerCase());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("never lets an update be edited or deleted", async () => {
    const fresh = await createTestDb();
    const first = await fresh
      .selectFrom("issue_updates")
      .select(["id", "note"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await expect(
      fresh.updateTable("issue_updates").set({ note: "diubah" }).where("id", "=", first.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(fresh.deleteFrom("issue_updates").where("id", "=", first.id).execute()).rejects.toThrow(
      /append-only/,
    );
    const after = await fresh
      .selectFrom("issue_updates")
      .select(["id", "note"])
      .where("id", "=", first.id)
      .executeTakeFirst();
    expect(after).toEqual(first);
  });

  it("versions each issue by the number of its updates", async () => {
    const issues = await caller.issues.list();
    for (const issue of issues) {
      const entries = await caller.updates.timeline({ issueId: issue.id });
      expect(issue.version, `#${issue.number}`).toBe(entries.length);
    }
  });
});
