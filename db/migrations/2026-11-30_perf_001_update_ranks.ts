import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.

/**
 * Each update's place in its issue's history (1 for the first, in time order, ties by id), kept
 * up to date by a trigger. How many updates an issue received in a window is then the rank of
 * its latest update at the window's end minus that at its start: two index seeks, whatever the
 * length of the history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("issue_update_ranks")
    .addColumn("update_id", "integer", (c) => c.primaryKey().references("issue_updates.id"))
    .addColumn("issue_id", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .execute();
  // Covering: the seek for "latest at or before" reads the rank from the index itself.
  await db.schema
    .createIndex("issue_update_ranks_issue_time")
    .on("issue_update_ranks")
    .columns(["issue_id", "created_at", "update_id", "rank"])
    .execute();

  await sql`insert into issue_update_ranks (update_id, issue_id, created_at, rank)
    select id, issue_id, created_at,
      row_number() over (partition by issue_id order by created_at, id)
    from issue_updates`.execute(db);

  // An update is nearly always the newest, so the shift below touches no row; one dated
  // into the past (the shipped history, imports) moves the later ones up by one.
  await sql`create trigger issue_updates_rank after insert on issue_updates begin
    update issue_update_ranks set rank = rank + 1
      where issue_id = new.issue_id and (created_at, update_id) > (new.created_at, new.id);
    insert into issue_update_ranks (update_id, issue_id, created_at, rank)
      values (new.id, new.issue_id, new.created_at, 1 + coalesce((
        select rank from issue_update_ranks
        where issue_id = new.issue_id and (created_at, update_id) < (new.created_at, new.id)
        order by created_at desc, update_id desc limit 1), 0));
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger issue_updates_rank`.execute(db);
  await db.schema.dropTable("issue_update_ranks").execute();
}
