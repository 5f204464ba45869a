import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { insertUpdate } from "../../server/repositories/updates";
import { callerFor, createTestDb } from "../fixtures/db";
import { errorOf } from "../fixtures/errors";

/** Follows `before` from page to page until a short page; returns the ids in the order seen. */
async function allPages(db: DB, issueId: number, limit: number): Promise<number[]> {
  const caller = callerFor(db);
  const seen: number[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await caller.updates.timeline({ issueId, limit, before });
    expect(page.length).toBeLessThanOrEqual(limit);
    seen.push(...page.map((entry) => entry.id));
    if (page.length < limit) return seen;
    before = page[page.length - 1]?.id;
  }
}

describe("updates.timeline pages", () => {
  let db: DB;
  let issueId: number;
  let newestFirst: number[];

  beforeAll(async () => {
    db = await createTestDb();
    const issue = await db
      .selectFrom("issues")
      .select(["id", "lead_agency_id"])
      .where("number", "=", 4)
      .executeTakeFirstOrThrow();
    issueId = issue.id;
    const { id: authorId } = await db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    // Many updates share a timestamp, and some are dated before older ids: the order is by time, then id.
    await db.transaction().execute(async (trx) => {
      for (let k = 0; k < 130; k++) {
        const day = String(1 + ((k * 7) % 28)).padStart(2, "0");
        await insertUpdate(trx, {
          issue_id: issue.id,
          author_id: authorId,
          agency_id: issue.lead_agency_id,
          created_at: `2025-03-${day}T03:00:00.000Z`,
          stage: "penanganan",
          health: "on_track",
          note: `Pembaruan ${k}`,
        });
      }
    });
    const rows = await db
      .selectFrom("issue_updates")
      .select("id")
      .where("issue_id", "=", issueId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    newestFirst = rows.map((r) => r.id);
  });

  it("gives 50 newest first by default, and never more than asked", async () => {
    const page = await callerFor(db).updates.timeline({ issueId });
    expect(page.map((e) => e.id)).toEqual(newestFirst.slice(0, 50));
  });

  it("join up to the whole history, nothing repeated or lost, whatever the page size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200 }), async (limit) => {
        expect(await allPages(db, issueId, limit)).toEqual(newestFirst);
      }),
      { numRuns: 25, seed: 20_261_130 },
    );
  });

  it("refuses a page larger than 200 in Indonesian", async () => {
    const error = await errorOf(callerFor(db).updates.timeline({ issueId, limit: 201 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("paling banyak 200");
  });
});
