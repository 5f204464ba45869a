import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "../../db/schema";
import { listIssues } from "../../server/repositories/issues";
import { firstUpdateAt, statesAt, timeline, updateCountsBetween } from "../../server/repositories/updates";
import { asOfCutoff } from "../../shared/asOf";

export interface Plan {
  query: string;
  sql: string;
  plan: string[];
}

/**
 * Runs each hot repository function once on a logging connection to capture the SQL it really
 * sends, then asks SQLite how it plans each statement.
 */
export async function hotQueryPlans(path: string, now: Date): Promise<Plan[]> {
  const sqlite = new SQLite(path, { readonly: true });
  let captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log(event) {
      if (event.level === "query")
        captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const cutoff = asOfCutoff("2025-06-30", now);
  const since = asOfCutoff("2025-06-23", now);
  const issueId = sqlite.prepare("select id from issues where number = 4").pluck().get() as number;
  const before = sqlite
    .prepare(
      "select id from issue_updates where issue_id = ? order by created_at desc, id desc limit 1 offset 49",
    )
    .pluck()
    .get(issueId) as number;
  const cases: [string, () => Promise<unknown>][] = [
    ["issues.list: each issue's latest update at a date", () => listIssues(db as never, cutoff)],
    [
      "dashboard.summary: updates per issue in a window",
      () => updateCountsBetween(db as never, since, cutoff),
    ],
    ["dashboard.history: first update", () => firstUpdateAt(db as never, cutoff)],
    ["dashboard.history: each issue's state at each date", () => statesAt(db as never, [since, cutoff])],
    [
      "updates.timeline: a page before an update",
      () => timeline(db as never, issueId, { limit: 50, before }),
    ],
  ];
  const plans: Plan[] = [];
  try {
    for (const [query, run] of cases) {
      captured = [];
      await run();
      for (const statement of captured) {
        const steps = sqlite.prepare(`explain query plan ${statement.sql}`).all(...statement.parameters) as {
          id: number;
          parent: number;
          detail: string;
        }[];
        const depth = new Map<number, number>([[0, 0]]);
        const plan = steps.map((step) => {
          const level = (depth.get(step.parent) ?? 0) + 1;
          depth.set(step.id, level);
          return `${"  ".repeat(level - 1)}${step.detail}`;
        });
        plans.push({ query, sql: statement.sql, plan });
      }
    }
  } finally {
    await db.destroy();
  }
  return plans;
}
