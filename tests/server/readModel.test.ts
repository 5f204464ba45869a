import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import { listMeasures } from "../../server/repositories/issues";
import { insertUpdate } from "../../server/repositories/updates";
import { asOfCutoff, shiftDate, wibDate } from "../../shared/asOf";
import { HEALTHS, STAGES } from "../../shared/domain";
import { trend, trendDates } from "../../shared/rollup";
import { callerFor, createAccount, createTestDb, TEST_NOW } from "../fixtures/db";
import { getQuery, signIn, startServer, type TestServer } from "../fixtures/http";

/**
 * The read model (window counts from maintained ranks, the trend from per-date seeks, answers
 * cached per data version) gives exactly what the plain rules give over the whole history.
 */
let app: TestServer;
let cookie: string;
let issueIds: number[];
let authorId: number;
let db: DB;

beforeAll(async () => {
  db = await createTestDb({ seed: true });
  const author = await createAccount(db, { username: "pimpinan", role: "pimpinan" });
  authorId = author.id;
  app = await startServer({ db });
  cookie = (await signIn(app.base, "pimpinan")).cookie;
  issueIds = (await db.selectFrom("issues").select("id").orderBy("number").execute()).map((r) => r.id);
});

afterAll(() => app.close());

const day = fc
  .integer({ min: Date.parse("2024-08-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const update = fc.record({
  issue: fc.nat({ max: 10 }),
  // Minutes on a coarse grid: many updates share an instant.
  at: fc.integer({ min: 0, max: 24 * 60 }).map((m) => Date.parse("2024-09-01T00:00:00Z") + m * 43_200_000),
  stage: fc.constantFrom(...STAGES),
  health: fc.constantFrom(...HEALTHS),
  physical: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});

async function viaHttp(procedure: string, input: unknown): Promise<unknown> {
  const response = await getQuery(app.base, procedure, input, { Cookie: cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

describe("The read model", () => {
  it("answers from the cache exactly what the router computes, and the plain rules give", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(update, { maxLength: 25 }),
        day,
        fc.integer({ min: 0, max: 120 }),
        async (updates, asOf, back) => {
          await app.db.transaction().execute(async (trx) => {
            for (const u of updates) {
              await insertUpdate(trx, {
                issue_id: issueIds[u.issue] ?? 0,
                author_id: authorId,
                created_at: new Date(u.at).toISOString(),
                stage: u.stage,
                health: u.health,
                physical_progress: u.physical,
                note: "acak",
              });
            }
          });
          const since = shiftDate(asOf, back);
          const caller = callerFor(app.db);
          const inputs: [string, unknown, () => Promise<unknown>][] = [
            ["dashboard.summary", { asOf, since }, () => caller.dashboard.summary({ asOf, since })],
            ["dashboard.summary", undefined, () => caller.dashboard.summary()],
            ["dashboard.history", { asOf }, () => caller.dashboard.history({ asOf })],
            ["issues.list", { asOf }, () => caller.issues.list({ asOf })],
          ];
          for (const [procedure, input, direct] of inputs) {
            const first = await viaHttp(procedure, input);
            const cached = await viaHttp(procedure, input);
            const uncached = await direct();
            expect(cached).toEqual(first);
            expect(cached).toEqual(JSON.parse(JSON.stringify(uncached)));
          }

          const all = await app.db
            .selectFrom("issue_updates")
            .select(["id", "issue_id", "created_at", "stage", "physical_progress", "indicator_value"])
            .execute();
          const view = [asOf, wibDate(TEST_NOW)].sort()[0] ?? asOf;
          const [to, from] = [asOfCutoff(asOf, TEST_NOW), asOfCutoff(since, TEST_NOW)];
          const summary = await caller.dashboard.summary({ asOf, since });
          const counted = new Map<number, number>();
          for (const u of all) {
            if (u.created_at > from && u.created_at <= to)
              counted.set(u.issue_id, (counted.get(u.issue_id) ?? 0) + 1);
          }
          expect(new Map(summary.changes.map((c) => [c.id, c.updates]))).toEqual(counted);
          const points = all
            .filter((u) => u.created_at <= to)
            .map((u) => ({
              id: u.id,
              issueId: u.issue_id,
              createdAt: u.created_at,
              stage: u.stage as (typeof STAGES)[number],
              physicalProgress: u.physical_progress,
              indicatorValue: u.indicator_value,
            }));
          const first = points.map((p) => p.createdAt).sort()[0];
          const measures = await listMeasures(db);
          const expected = first ? trend(points, measures, trendDates(wibDate(first), view)) : [];
          expect(await caller.dashboard.history({ asOf })).toEqual(expected);
        },
      ),
      { numRuns: 15, seed: 20_261_130 },
    );
  });
});
