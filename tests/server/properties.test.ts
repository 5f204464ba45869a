import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import type { AppServices } from "../../server/context";
import { appRouter } from "../../server/routers/_app";
import { HEALTHS, STAGES } from "../../shared/domain";
import { issueVersionOf } from "../fixtures/admin";
import { callerAs, createAccount, createTestDb, TEST_PASSWORD, testServices } from "../fixtures/db";
import { rowCounts } from "../fixtures/http";

/**
 * Whatever arrives, the API answers with a client error or does the thing: never a server error,
 * and a refused call leaves the data as it was. Fixed seed: the same inputs every run.
 */
const SEED = 20_261_127;
const RUNS = 100;
const QUERY_RUNS = 40;

const CLIENT_ERRORS = [
  "BAD_REQUEST",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "TOO_MANY_REQUESTS",
];
/** What the property compares: the tables a write of any procedure touches. */
const WATCHED = ["issue_updates", "audit_log", "users", "agencies", "award_events"] as const;

const PROCEDURES = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));
const MUTATIONS = PROCEDURES.filter((p) => p.type === "mutation").map((p) => p.path);
const QUERIES = PROCEDURES.filter((p) => p.type === "query").map((p) => p.path);

function procedureAt(caller: unknown, path: string): (input?: unknown) => Promise<unknown> {
  let node = caller as Record<string, unknown>;
  for (const part of path.split(".")) node = node[part] as Record<string, unknown>;
  return node as unknown as (input?: unknown) => Promise<unknown>;
}

// --- Inputs -------------------------------------------------------------------------------------

const nastyNumber = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    -0,
    0.5,
    1.5,
    100.0001,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e15 + 1,
  ),
  fc.integer(),
  fc.double(),
);

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "x".repeat(4001),
    "é".repeat(70_000),
    "'; drop table users; --",
    '<script>alert("x")</script>',
    "../../../etc/passwd",
    "javascript:alert(1)",
    "ftp://example.org/",
    "http://",
    "2024-02-30",
    "0000-01-01",
    "9999-12-31",
    "-271821-04-20",
    "1e309",
    "NaN",
  ),
);

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  nastyNumber,
  nastyString,
  fc.constantFrom(null, undefined, true, false, [], {}, [null], { toString: 1 }),
  fc.anything({ maxDepth: 2 }),
);

/** Mostly a value that passes the field's own check, sometimes a nasty one. */
const either = <T>(plausible: fc.Arbitrary<T>, weight = 4) =>
  fc.oneof({ weight, arbitrary: plausible }, { weight: 1, arbitrary: nasty });
/** For inputs of many fields: each field only rarely nasty, so that some whole inputs pass. */
const mostly = <T>(plausible: fc.Arbitrary<T>) => either(plausible, 12);

/** Extra keys of any name, `__proto__` and `constructor` included. */
const extraKeys = fc.dictionary(
  fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "role", "version", "id")),
  nasty,
  { maxKeys: 3 },
);

function withExtras(record: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: record },
    { weight: 2, arbitrary: fc.tuple(record, extraKeys).map(([r, extra]) => ({ ...extra, ...r })) },
    {
      weight: 1,
      arbitrary: fc.tuple(record, fc.nat()).map(([r, n]) => {
        const keys = Object.keys(r);
        const dropped = keys[n % Math.max(keys.length, 1)];
        return Object.fromEntries(Object.entries(r).filter(([k]) => k !== dropped));
      }),
    },
    { weight: 1, arbitrary: nasty },
  );
}

/** Replaced at call time by the issue's current version, so some updates really go through. */
const CURRENT_VERSION = Symbol("current version");

function updateInput(issueIds: number[], attachmentIds: number[]) {
  return withExtras(
    fc.record(
      {
        issueId: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...issueIds) },
          { weight: 1, arbitrary: fc.constant(9_999) },
          { weight: 1, arbitrary: nastyNumber },
          { weight: 1, arbitrary: nasty },
        ),
        expectedVersion: fc.oneof(
          { weight: 6, arbitrary: fc.constant(CURRENT_VERSION) },
          { weight: 1, arbitrary: nastyNumber },
          { weight: 1, arbitrary: nasty },
        ),
        note: mostly(fc.string({ minLength: 1, maxLength: 200 })),
        stage: mostly(fc.constantFrom(...STAGES)),
        health: mostly(fc.constantFrom(...HEALTHS)),
        physicalProgress: mostly(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(null))),
        budgetProgress: mostly(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null))),
        indicatorValue: mostly(fc.oneof(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.constant(null))),
        obstacles: mostly(fc.oneof(fc.string({ maxLength: 100 }), fc.constant(null))),
        nextSteps: mostly(fc.oneof(fc.string({ maxLength: 100 }), fc.constant(null))),
        sourceUrl: mostly(fc.oneof(fc.webUrl(), fc.constant(null))),
        stageReason: mostly(fc.oneof(fc.string({ maxLength: 100 }), fc.constant(null))),
        attachmentIds: mostly(
          fc.array(fc.oneof(fc.constantFrom(...attachmentIds), fc.integer({ min: 1, max: 50 })), {
            maxLength: 3,
          }),
        ),
      },
      { requiredKeys: ["issueId", "expectedVersion", "note"] },
    ),
  );
}

function loginInput() {
  return withExtras(
    fc.record(
      {
        username: fc.oneof(fc.constantFrom("sekda", "SEKDA", " sekda ", "tidak-ada", "data-awal"), nasty),
        password: fc.oneof(fc.constant(TEST_PASSWORD), fc.string({ minLength: 1, maxLength: 300 }), nasty),
      },
      { requiredKeys: [] },
    ),
  );
}

/** For procedures added by others: the field names their inputs are likely to use. */
const GENERIC_KEYS = [
  "id",
  "issueId",
  "agencyId",
  "userId",
  "eventId",
  "number",
  "username",
  "displayName",
  "password",
  "role",
  "agencyCode",
  "code",
  "name",
  "kind",
  "active",
  "title",
  "text",
  "note",
  "dueDate",
  "status",
  "level",
  "organiser",
  "place",
  "eventDate",
  "results",
  "asOf",
  "since",
  "limit",
  "beforeId",
  "action",
] as const;

function genericInput() {
  const plausible = fc.oneof(
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom(
      "DLH",
      "dlh",
      "admin",
      "opd",
      "pimpinan",
      "dinas",
      "open",
      "done",
      "2026-11-27",
      "nasional",
    ),
    fc.string({ maxLength: 30 }),
    fc.boolean(),
  );
  const record = fc.dictionary(fc.constantFrom(...GENERIC_KEYS), either(plausible), { maxKeys: 8 });
  return withExtras(record as fc.Arbitrary<Record<string, unknown>>);
}

function queryInput() {
  const date = fc.oneof(
    fc.constantFrom("2024-11-18", "2026-11-27", "1970-01-01", "2100-01-01", "0001-01-01", "9999-12-31"),
    nastyString,
  );
  return fc.oneof(
    fc.constant(undefined),
    withExtras(
      fc.record(
        {
          asOf: either(date),
          since: either(date),
          id: either(fc.integer({ min: 1, max: 12 })),
          issueId: either(fc.integer({ min: 1, max: 12 })),
          number: either(fc.integer({ min: 1, max: 12 })),
        },
        { requiredKeys: [] },
      ),
    ),
    genericInput(),
  );
}

// --- The property -------------------------------------------------------------------------------

interface World {
  db: DB;
  services: AppServices;
  admin: SessionUser;
  issueIds: number[];
  attachmentIds: number[];
}

async function createWorld(): Promise<World> {
  const db = await createTestDb();
  const services = testServices(db);
  const admin = await createAccount(db, { username: "sekda", role: "admin" });
  const issueIds = (await db.selectFrom("issues").select("id").execute()).map((r) => r.id);
  const attachmentIds: number[] = [];
  for (const owner of [admin, await createAccount(db, { username: "dlh", role: "opd", agencyCode: "DLH" })]) {
    const row = await db
      .insertInto("attachments")
      .values({
        sha256: "0".repeat(64),
        content_type: "image/png",
        size: 1,
        original_name: "x.png",
        uploaded_by: owner.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    attachmentIds.push(row.id);
  }
  return { db, services, admin, issueIds, attachmentIds };
}

type Watched = Record<(typeof WATCHED)[number], number>;

async function watched(db: DB): Promise<Watched> {
  const counts = await rowCounts(db);
  return Object.fromEntries(WATCHED.map((t) => [t, counts[t]])) as Watched;
}

async function resolveVersion(db: DB, input: unknown): Promise<unknown> {
  if (typeof input !== "object" || input === null || !("expectedVersion" in input)) return input;
  const record = input as Record<string, unknown>;
  if (record.expectedVersion !== CURRENT_VERSION) return input;
  const issueId =
    typeof record.issueId === "number" && Number.isSafeInteger(record.issueId) ? record.issueId : 0;
  return { ...record, expectedVersion: await issueVersionOf(db, issueId) };
}

function describeInput(input: unknown): string {
  try {
    return fc.stringify(input).slice(0, 500);
  } catch {
    return String(input);
  }
}

/**
 * Calls `path` as admin with `input`; asserts it succeeds, or fails with a client error and
 * writes nothing (a failed sign-in may write its one audit row, as it must).
 */
async function checkCall(world: World, path: string, rawInput: unknown, run: number): Promise<string> {
  const input = await resolveVersion(world.db, rawInput);
  const before = await watched(world.db);
  // A different address each run, so one address's throttle does not mask everything after it.
  const caller = callerAs(
    world.db,
    world.admin,
    { clientIp: `10.${run >> 8}.${run & 255}.1` },
    world.services,
  );
  try {
    await procedureAt(caller, path)(input);
    return "ok";
  } catch (error) {
    const what = `${path}(${describeInput(input)})`;
    expect(error, what).toBeInstanceOf(TRPCError);
    const code = (error as TRPCError).code;
    if (!CLIENT_ERRORS.includes(code)) {
      throw new Error(
        `${what} → ${code}: ${(error as TRPCError).message}\n${String((error as TRPCError).cause)}`,
      );
    }
    const after = await watched(world.db);
    if (path === "auth.login" && code === "UNAUTHORIZED") {
      expect(after, what).toEqual({ ...before, audit_log: before.audit_log + 1 });
      const last = await world.db
        .selectFrom("audit_log")
        .select("action")
        .orderBy("id", "desc")
        .executeTakeFirst();
      expect(last?.action, what).toBe("auth.login_failed");
    } else {
      expect(after, what).toEqual(before);
    }
    return code;
  }
}

/** Runs the property for `path`; logs how the calls came out, so a reader sees what was covered. */
async function runProperty(world: World, path: string, arbitrary: fc.Arbitrary<unknown>, numRuns: number) {
  const outcomes = new Map<string, number>();
  let run = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const outcome = await checkCall(world, path, input, run++);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }),
    { seed: SEED, numRuns, endOnFailure: true },
  );
  const summary = [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(", ");
  console.log(`${path}: ${summary}`);
  return outcomes;
}

const KNOWN_INPUTS: Record<string, (world: World) => fc.Arbitrary<unknown>> = {
  "updates.create": (w) => updateInput(w.issueIds, w.attachmentIds),
  "auth.login": () => loginInput(),
  "auth.logout": () => nasty,
};

describe("every mutation, as admin, with random and malformed input", () => {
  it("finds the mutations of the contract", () => {
    expect(MUTATIONS).toEqual(expect.arrayContaining(["auth.login", "auth.logout", "updates.create"]));
    const generic = MUTATIONS.filter((p) => !(p in KNOWN_INPUTS));
    if (generic.length > 0) console.log(`properties: generic inputs for ${generic.join(", ")}`);
  });

  it.each(MUTATIONS)(
    "%s answers a client error or succeeds, and a refusal writes nothing",
    async (path) => {
      const world = await createWorld();
      await runProperty(world, path, KNOWN_INPUTS[path]?.(world) ?? genericInput(), RUNS);
    },
    30_000,
  );

  it("lets some random updates through, each with exactly one audit row", async () => {
    const world = await createWorld();
    const before = await watched(world.db);
    const outcomes = await runProperty(
      world,
      "updates.create",
      updateInput(world.issueIds, world.attachmentIds),
      RUNS,
    );
    const after = await watched(world.db);
    const succeeded = outcomes.get("ok") ?? 0;
    expect(succeeded).toBeGreaterThan(0);
    expect(after.issue_updates - before.issue_updates).toBe(succeeded);
    expect(after.audit_log - before.audit_log).toBe(succeeded);
  }, 30_000);
});

describe("every query, as admin, with random and malformed input", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it.each(QUERIES)(
    "%s answers a client error or succeeds, and writes nothing",
    async (path) => {
      const before = await watched(world.db);
      await runProperty(world, path, queryInput(), QUERY_RUNS);
      expect(await watched(world.db)).toEqual(before);
    },
    30_000,
  );
});
