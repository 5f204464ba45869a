import { describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { seedIfEmpty } from "../../db/seed";
import { callerFor, createTestDb } from "../fixtures/db";

async function counts(db: DB) {
  const count = async (table: "agencies" | "issues" | "issue_updates" | "award_events" | "award_results") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    agencies: await count("agencies"),
    issues: await count("issues"),
    updates: await count("issue_updates"),
    awardEvents: await count("award_events"),
    awardResults: await count("award_results"),
  };
}

describe("the shipped data", () => {
  it("has exactly #3, #4 and #7 at penanganan or later on the apel of 18 Nov 2024", async () => {
    const caller = callerFor(await createTestDb());
    const issues = await caller.issues.list({ asOf: "2024-11-18" });
    const handled = issues.filter((i) => i.stage === "penanganan" || i.stage === "selesai");
    expect(handled.map((i) => i.number)).toEqual([3, 4, 7]);

    const summary = await caller.dashboard.summary({ asOf: "2024-11-18" });
    expect(summary.inHandlingOrLater).toBe(3);
  });

  it("had only #7 in handling the day before the apel", async () => {
    const caller = callerFor(await createTestDb());
    const summary = await caller.dashboard.summary({ asOf: "2024-11-17" });
    // #7's school works began on 12 Nov; #3 and #4 were reported at the apel itself.
    expect(summary.inHandlingOrLater).toBe(1);
  });

  it("shows the TPS issue (#3) finished today", async () => {
    const caller = callerFor(await createTestDb());
    const issues = await caller.issues.list();
    const tps = issues.find((i) => i.number === 3);
    expect(tps?.stage).toBe("selesai");
    expect(tps?.physicalProgress).toBe(100);
  });

  it("holds the 11 priority issues, numbered 1 to 11, each with its lead OPD", async () => {
    const caller = callerFor(await createTestDb());
    const issues = await caller.issues.list();
    expect(issues.map((i) => [i.number, i.leadAgency.code])).toEqual([
      [1, "Diskopindag"],
      [2, "Disporapar"],
      [3, "DLH"],
      [4, "DPUPRPKP"],
      [5, "Dishub"],
      [6, "Diskopindag"],
      [7, "Disdikbud"],
      [8, "Dinsos-P3AP2KB"],
      [9, "BKAD"],
      [10, "Bapenda"],
      [11, "DLH"],
    ]);
    expect(issues.find((i) => i.number === 4)?.title).toBe("Banjir kawasan Soekarno-Hatta");
    expect(issues.find((i) => i.number === 10)?.title).toBe("Optimalisasi PBB");
  });

  it("holds the six award events with their eight results", async () => {
    const caller = callerFor(await createTestDb());
    const awards = await caller.awards.list();
    expect(awards).toHaveLength(6);
    expect(awards.reduce((sum, event) => sum + event.results.length, 0)).toBe(8);

    const jpra = awards.find((a) => a.name.includes("JPRA"));
    expect(jpra?.results.map((r) => r.predicate)).toEqual(["Terbaik I", "Terbaik II", "Terbaik II"]);
    expect(jpra?.level).toBe("provinsi");

    const ombudsman = awards.find((a) => a.organiser.includes("Ombudsman"));
    expect(ombudsman?.results).toHaveLength(1);
    expect(ombudsman?.results[0]?.score).toBe(97.84);
    expect(ombudsman?.level).toBe("nasional");
    expect(ombudsman?.eventDate).toBe("2024-11-14");
  });

  it("names a public source for every update in the history", async () => {
    const db = await createTestDb();
    const updates = await db.selectFrom("issue_updates").select(["id", "source_name"]).execute();
    expect(updates.length).toBeGreaterThan(11);
    const withoutSource = updates.filter((u) => u.source_name === null || u.source_name.trim() === "");
    expect(withoutSource).toEqual([]);
  });

  it("invents no percentages: only #3's handover carries a physical progress figure", async () => {
    const db = await createTestDb();
    const withProgress = await db
      .selectFrom("issue_updates as u")
      .innerJoin("issues as i", "i.id", "u.issue_id")
      .select(["i.number", "u.physical_progress"])
      .where("u.physical_progress", "is not", null)
      .execute();
    expect(withProgress).toEqual([{ number: 3, physical_progress: 100 }]);

    const issues = await callerFor(db).issues.list();
    for (const issue of issues.filter((i) => i.number !== 3)) {
      expect(issue.physicalProgress, `#${issue.number}`).toBeNull();
      // Without a physical figure: the indicator's sourced achievement, or else a marked estimate.
      expect(issue.progress?.basis, `#${issue.number}`).toBe(
        [9, 10].includes(issue.number) ? "indicator" : "stage",
      );
    }
    expect(issues.find((i) => i.number === 3)?.progress).toMatchObject({ value: 100, basis: "physical" });
  });
});

describe("seedIfEmpty", () => {
  it("does nothing on a database it has already seeded", async () => {
    const db = await createTestDb();
    const before = await counts(db);
    expect(before).toMatchObject({ issues: 11, awardEvents: 6, awardResults: 8 });

    expect(await seedIfEmpty(db)).toBe(false);
    expect(await counts(db)).toEqual(before);
  });

  it("seeds an empty database once", async () => {
    const db = await createTestDb({ seed: false });
    expect(await seedIfEmpty(db)).toBe(true);
    expect((await counts(db)).issues).toBe(11);
  });

  it("never seeds a database that already holds an agency", async () => {
    const db = await createTestDb({ seed: false });
    await db
      .insertInto("agencies")
      .values({ code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas" })
      .execute();

    expect(await seedIfEmpty(db)).toBe(false);
    expect(await counts(db)).toEqual({ agencies: 1, issues: 0, updates: 0, awardEvents: 0, awardResults: 0 });
  });

  it("never seeds a database that holds only an award", async () => {
    const db = await createTestDb({ seed: false });
    await db
      .insertInto("award_events")
      .values({
        name: "Penghargaan X",
        organiser: "Y",
        level: "kota",
        event_date: "2025-01-01",
        place: "Malang",
      })
      .execute();

    expect(await seedIfEmpty(db)).toBe(false);
    expect(await counts(db)).toEqual({ agencies: 0, issues: 0, updates: 0, awardEvents: 1, awardResults: 0 });
  });
});
