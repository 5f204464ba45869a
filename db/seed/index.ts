import { type DB, migrateToLatest } from "../database";
import { SEED_AGENCIES } from "./agencies";
import { SEED_AWARDS } from "./awards";
import { insertAgencies, insertAward, insertIssue, insertSourceAuthor } from "./builders";
import { SEED_ISSUES } from "./issues";

/** Any row in any of these means someone's data is there: never seed over it. */
const SEEDED_TABLES = [
  "agencies",
  "users",
  "issues",
  "issue_updates",
  "award_events",
  "award_results",
] as const;

/**
 * Fills an empty database with the shipped data, in one transaction. A database that already
 * holds anything is left alone. Returns whether it seeded.
 */
export async function seedIfEmpty(db: DB): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    for (const table of SEEDED_TABLES) {
      const row = await trx.selectFrom(table).select("id").limit(1).executeTakeFirst();
      if (row) return false;
    }

    const agencies = await insertAgencies(trx, SEED_AGENCIES);
    const authorId = await insertSourceAuthor(trx);
    for (const issue of SEED_ISSUES) await insertIssue(trx, issue, agencies, authorId);
    for (const award of SEED_AWARDS) await insertAward(trx, award, agencies);
    return true;
  });
}

/**
 * What every entry point does first (the server and the account command alike): migrate, then
 * seed a database that is still empty. Returns whether it seeded.
 */
export async function prepareDatabase(db: DB): Promise<boolean> {
  await migrateToLatest(db);
  return seedIfEmpty(db);
}
