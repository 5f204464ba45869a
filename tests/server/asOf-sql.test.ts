import { describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { listIssues } from "../../server/repositories/issues";
import { insertUpdate } from "../../server/repositories/updates";
import { asOfCutoff, stateAsOf } from "../../shared/asOf";
import { HEALTHS, type Health, STAGES, type Stage } from "../../shared/domain";
import { callerFor, createTestDb, insertAgencies, insertSourceAuthor } from "../fixtures/db";
import { type Random, randomFrom } from "../fixtures/random";

const HISTORIES = 50;
const NOW = new Date("2024-11-25T02:00:00.000Z");

/**
 * A small pool of instants, so that updates often share one exactly, clustered around the WIB
 * day boundaries (17:00 UTC) where an off-by-one in the "end of day" cutoff would show.
 */
const INSTANTS = [
  "2024-11-16T05:00:00.000Z",
  "2024-11-16T16:59:59.999Z",
  "2024-11-16T17:00:00.000Z",
  "2024-11-17T05:00:00.000Z",
  "2024-11-17T16:59:59.999Z",
  "2024-11-17T17:00:00.000Z",
  "2024-11-18T05:00:00.000Z",
  "2024-11-18T16:59:59.999Z",
  "2024-11-19T00:00:00.000Z",
];
const AS_OF_DATES = ["2024-11-15", "2024-11-16", "2024-11-17", "2024-11-18", "2024-11-19", "2024-11-20"];

interface Recorded {
  id: number;
  issueId: number;
  createdAt: string;
  stage: Stage;
  health: Health;
  physicalProgress: number | null;
  /** Unique per update, so the test knows exactly which update a state came from. */
  indicatorValue: number;
}

interface History {
  db: DB;
  issueIds: number[];
  updates: Recorded[];
}

async function randomHistory(random: Random): Promise<History> {
  const db = await createTestDb({ seed: false });
  const agencies = await insertAgencies(db, [{ code: "DLH", name: "Dinas Lingkungan Hidup", kind: "dinas" }]);
  const authorId = await insertSourceAuthor(db);
  const leadId = agencies.get("DLH") ?? 0;

  const issueCount = random.int(1, 4);
  const issueIds: number[] = [];
  for (let number = 1; number <= issueCount; number++) {
    const { id } = await db
      .insertInto("issues")
      .values({
        number,
        title: `Isu ${number}`,
        description: "Isu acak",
        lead_agency_id: leadId,
        target_date_precision: "day",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    issueIds.push(id);
  }

  // Updates arrive in an order unrelated to their instants, as a back-dated entry would.
  const planned = Array.from({ length: random.int(0, 12) }, (_, k) => ({
    issueId: random.pick(issueIds),
    createdAt: random.pick(INSTANTS),
    stage: random.pick(STAGES),
    health: random.pick(HEALTHS),
    physicalProgress: random.next() < 0.5 ? null : random.int(0, 100),
    indicatorValue: k + 1,
  }));
  for (const update of planned) {
    await insertUpdate(db, {
      issue_id: update.issueId,
      author_id: authorId,
      agency_id: leadId,
      created_at: update.createdAt,
      stage: update.stage,
      health: update.health,
      physical_progress: update.physicalProgress,
      indicator_value: update.indicatorValue,
      note: "acak",
    });
  }

  const rows = await db
    .selectFrom("issue_updates")
    .select(["id", "issue_id", "created_at", "indicator_value"])
    .execute();
  const idOf = new Map(rows.map((r) => [r.indicator_value, r.id]));
  const updates = planned.map((u) => ({ ...u, id: idOf.get(u.indicatorValue) ?? -1 }));
  return { db, issueIds, updates };
}

function expectedState(updates: readonly Recorded[], issueId: number, cutoff: string) {
  const latest = stateAsOf(
    updates.filter((u) => u.issueId === issueId),
    cutoff,
  );
  return latest === null
    ? { stage: null, health: null, physicalProgress: null, indicatorValue: null, lastUpdatedAt: null }
    : {
        stage: latest.stage,
        health: latest.health,
        physicalProgress: latest.physicalProgress,
        indicatorValue: latest.indicatorValue,
        lastUpdatedAt: latest.createdAt,
      };
}

function actualState(issue: {
  stage: Stage | null;
  health: Health | null;
  physicalProgress: number | null;
  indicatorValue: number | null;
  lastUpdatedAt: string | null;
}) {
  const { stage, health, physicalProgress, indicatorValue, lastUpdatedAt } = issue;
  return { stage, health, physicalProgress, indicatorValue, lastUpdatedAt };
}

describe("the SQL 'latest update at or before' agrees with stateAsOf", () => {
  it(`on ${HISTORIES} random histories, at every instant that matters`, async () => {
    const random = randomFrom(20241118);
    let tiesSeen = 0;
    for (let run = 0; run < HISTORIES; run++) {
      const { db, issueIds, updates } = await randomHistory(random);
      const instants = new Set(updates.map((u) => `${u.issueId}@${u.createdAt}`));
      tiesSeen += updates.length - instants.size;

      // Each instant in the pool, a millisecond either side, and before/after everything.
      const cutoffs = [
        "2024-11-01T00:00:00.000Z",
        "2025-01-01T00:00:00.000Z",
        ...INSTANTS.flatMap((instant) => {
          const ms = Date.parse(instant);
          return [instant, new Date(ms - 1).toISOString(), new Date(ms + 1).toISOString()];
        }),
      ];
      for (const cutoff of cutoffs) {
        const listed = await listIssues(db, cutoff);
        expect(listed.map((i) => i.id)).toEqual(issueIds);
        for (const issue of listed) {
          expect(actualState(issue), `run ${run}, issue ${issue.id}, cutoff ${cutoff}`).toEqual(
            expectedState(updates, issue.id, cutoff),
          );
        }
      }
      await db.destroy();
    }
    // The property is only meaningful if equal instants really occurred.
    expect(tiesSeen).toBeGreaterThan(20);
  });

  it(`through issues.list and issues.byId with an as-of date, on ${HISTORIES} random histories`, async () => {
    const random = randomFrom(11);
    for (let run = 0; run < HISTORIES; run++) {
      const { db, issueIds, updates } = await randomHistory(random);
      const caller = callerFor(db, NOW);
      for (const asOf of AS_OF_DATES) {
        const cutoff = asOfCutoff(asOf, NOW);
        const listed = await caller.issues.list({ asOf });
        for (const issue of listed) {
          expect(actualState(issue), `run ${run}, issue ${issue.id}, asOf ${asOf}`).toEqual(
            expectedState(updates, issue.id, cutoff),
          );
        }
        const one = random.pick(issueIds);
        const detail = await caller.issues.byId({ id: one, asOf });
        expect(actualState(detail)).toEqual(expectedState(updates, one, cutoff));
      }
      // Live, the clock (after every instant in the pool) sees each issue's very latest update.
      const live = await caller.issues.list();
      for (const issue of live) {
        expect(actualState(issue)).toEqual(expectedState(updates, issue.id, NOW.toISOString()));
        expect(issue.version).toBe(updates.filter((u) => u.issueId === issue.id).length);
      }
      await db.destroy();
    }
  });
});
