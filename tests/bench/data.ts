import SQLite from "better-sqlite3";
import { migrateToLatest, openDatabase } from "../../db/database";
import { seedIfEmpty } from "../../db/seed";
import { hashPassword } from "../../server/auth/password";
import { HEALTHS, STAGES } from "../../shared/domain";
import { randomFrom } from "../fixtures/random";

export const BENCH_PASSWORD = "apel-senin-pagi-balai-kota";
export const BENCH_ADMIN = "bench-admin";
/** One of the OPD accounts: its header has other links than the admin's. */
export const BENCH_OPD = "opd-1";

const FROM = Date.parse("2024-09-01T00:00:00+07:00");
const TO = Date.parse("2026-11-27T00:00:00+07:00");

/**
 * A database file with the shipped data, `users` accounts (one admin who signs in, the rest OPD
 * staff) and synthetic updates up to `total`, spread over the 11 issues and dated in time order,
 * as a real history is written.
 */
export async function buildDatabase(path: string, total: number, users: number): Promise<void> {
  const db = openDatabase(path);
  await migrateToLatest(db);
  await seedIfEmpty(db);
  await db.destroy();

  const hash = await hashPassword(BENCH_PASSWORD);
  const sqlite = new SQLite(path);
  const random = randomFrom(2024_11_18);
  const issues = sqlite.prepare("select id, lead_agency_id from issues order by number").all() as {
    id: number;
    lead_agency_id: number;
  }[];
  const agencies = sqlite.prepare("select id from agencies").pluck().all() as number[];
  const existing = sqlite.prepare("select count(*) from issue_updates").pluck().get() as number;
  const addUser = sqlite.prepare(
    "insert into users (username, display_name, role, agency_id, active, password_hash) values (?, ?, ?, ?, 1, ?)",
  );
  const addUpdate = sqlite.prepare(
    `insert into issue_updates (issue_id, author_id, agency_id, created_at, stage, health,
       physical_progress, budget_progress, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const adminId = Number(addUser.run(BENCH_ADMIN, "Bench Admin", "admin", null, hash).lastInsertRowid);
    for (let k = 1; k < users; k++) {
      addUser.run(`opd-${k}`, `Staf OPD ${k}`, "opd", random.pick(agencies), hash);
    }
    const count = Math.max(0, total - existing);
    const times = Array.from({ length: count }, () => FROM + random.next() * (TO - FROM)).sort(
      (a, b) => a - b,
    );
    times.forEach((time, k) => {
      const issue = issues[k % issues.length];
      if (!issue) throw new Error("no issues");
      const stage = random.pick(STAGES);
      // Obeys the form's rule, as every stored update does: "selesai" is 100% physical or no figure.
      const physical = random.next() < 0.3 ? null : stage === "selesai" ? 100 : random.int(0, 100);
      addUpdate.run(
        issue.id,
        adminId,
        issue.lead_agency_id,
        new Date(time).toISOString(),
        stage,
        random.pick(HEALTHS),
        physical,
        random.next() < 0.3 ? null : random.int(0, 100),
        `Pembaruan sintetis ${k}`,
      );
    });
    sqlite.exec(
      "update issues set version = (select count(*) from issue_updates u where u.issue_id = issues.id)",
    );
  })();
  sqlite.close();
}
