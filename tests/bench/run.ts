/**
 * `npm run bench`: times the read API on a history of 10,000 updates (about 25 years of the
 * real rate of updates), on a file-backed database like production's, and shows that "latest
 * update at or before" is answered by the index issue_updates_issue_time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrateToLatest, openDatabase } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedIfEmpty } from "../../db/seed";
import { hashPassword, verifyPassword } from "../../server/auth/password";
import { listIssues } from "../../server/repositories/issues";
import { insertUpdate } from "../../server/repositories/updates";
import { asOfCutoff } from "../../shared/asOf";
import { HEALTHS, STAGES } from "../../shared/domain";
import { callerFor } from "../fixtures/db";
import { randomFrom } from "../fixtures/random";

const TOTAL_UPDATES = 10_000;
const RUNS = 200;
const HISTORY_RUNS = 40;
const PASSWORD_RUNS = 20;
const WARMUP = 20;
const NOW = new Date("2026-11-27T02:00:00.000Z");
const FROM = Date.parse("2024-09-01T00:00:00+07:00");
const TO = Date.parse("2026-11-27T00:00:00+07:00");

const dir = mkdtempSync(join(tmpdir(), "pantau-bench-"));
const path = join(dir, "bench.sqlite");
const db = openDatabase(path);

try {
  const setupStart = performance.now();
  await migrateToLatest(db);
  await seedIfEmpty(db);
  await addSyntheticUpdates();
  const count = await countUpdates();
  const setupMs = performance.now() - setupStart;

  const caller = callerFor(db, NOW);
  const passwordHash = await hashPassword("apel-senin-pagi-balai-kota");
  const flood = (await caller.issues.list()).find((i) => i.number === 4);
  if (!flood) throw new Error("seed lacks issue #4");

  const cases: [string, number, () => Promise<unknown>][] = [
    ["issues.list (live)", RUNS, () => caller.issues.list()],
    ["issues.list asOf 2025-01-15", RUNS, () => caller.issues.list({ asOf: "2025-01-15" })],
    ["dashboard.summary (live)", RUNS, () => caller.dashboard.summary()],
    [
      "dashboard.summary asOf+since",
      RUNS,
      () => caller.dashboard.summary({ asOf: "2025-01-15", since: "2024-11-18" }),
    ],
    ["issues.byId #4", RUNS, () => caller.issues.byId({ id: flood.id })],
    ["issues.byId #4 asOf", RUNS, () => caller.issues.byId({ id: flood.id, asOf: "2024-11-18" })],
    ["dashboard.history (live)", HISTORY_RUNS, () => caller.dashboard.history()],
    ["hashPassword (argon2id)", PASSWORD_RUNS, () => hashPassword("apel-senin-pagi-balai-kota")],
    ["verifyPassword", PASSWORD_RUNS, () => verifyPassword(passwordHash, "apel-senin-pagi-balai-kota")],
  ];

  console.log(`Pantau read API on ${count.toLocaleString("en")} updates across 11 issues (${path})`);
  console.log(`Set-up (migrate, seed, synthetic updates in one transaction): ${setupMs.toFixed(0)} ms\n`);
  const rows: string[][] = [["procedure", "runs", "mean ms", "p95 ms"]];
  for (const [name, runs, call] of cases) {
    const times = await time(call, runs);
    rows.push([name, String(runs), mean(times).toFixed(2), percentile(times, 0.95).toFixed(2)]);
  }
  printTable(rows);

  console.log("\nEXPLAIN QUERY PLAN of issues.list as of 2025-01-15 (the real query, captured from Kysely):");
  for (const line of await explainListQuery(asOfCutoff("2025-01-15", NOW))) console.log(`  ${line}`);
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}

/** Fills the history up to TOTAL_UPDATES with random updates, spread evenly over the issues. */
async function addSyntheticUpdates(): Promise<void> {
  const random = randomFrom(2024_11_18);
  await db.transaction().execute(async (trx) => {
    const issues = await trx
      .selectFrom("issues")
      .select(["id", "lead_agency_id"])
      .orderBy("number")
      .execute();
    const { id: authorId } = await trx
      .selectFrom("users")
      .select("id")
      .where("username", "=", "data-awal")
      .executeTakeFirstOrThrow();
    const { n: existing } = await trx
      .selectFrom("issue_updates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (let k = Number(existing); k < TOTAL_UPDATES; k++) {
      const issue = issues[k % issues.length];
      if (!issue) throw new Error("no issues to update");
      await insertUpdate(trx, {
        issue_id: issue.id,
        author_id: authorId,
        agency_id: issue.lead_agency_id,
        created_at: new Date(FROM + random.next() * (TO - FROM)).toISOString(),
        stage: random.pick(STAGES),
        health: random.pick(HEALTHS),
        physical_progress: random.next() < 0.3 ? null : random.int(0, 100),
        budget_progress: random.next() < 0.3 ? null : random.int(0, 100),
        note: `Pembaruan sintetis ${k}`,
      });
    }
  });
}

async function countUpdates(): Promise<number> {
  const { n } = await db
    .selectFrom("issue_updates")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function time(call: () => Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < Math.min(WARMUP, runs); i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function printTable(rows: readonly string[][]): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  rows.forEach((row, index) => {
    const cells = row.map((cell, c) =>
      c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
    );
    console.log(cells.join("  "));
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

/**
 * Runs listIssues once on a logging connection to capture the SQL it really sends, then asks
 * SQLite how it plans that statement.
 */
async function explainListQuery(cutoff: string): Promise<string[]> {
  const sqlite = new SQLite(path, { readonly: true });
  let captured: { sql: string; parameters: readonly unknown[] } | undefined;
  const logging = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log(event) {
      if (event.level === "query") captured = { sql: event.query.sql, parameters: event.query.parameters };
    },
  });
  try {
    await listIssues(logging, cutoff);
    if (!captured) throw new Error("no query captured");
    const plan = sqlite.prepare(`explain query plan ${captured.sql}`).all(...captured.parameters) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, 0]]);
    return plan.map((step) => {
      const level = (depth.get(step.parent) ?? 0) + 1;
      depth.set(step.id, level);
      return `${"  ".repeat(level - 1)}${step.detail}`;
    });
  } finally {
    await logging.destroy();
  }
}
