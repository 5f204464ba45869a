import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.

/** Tables whose rows no read shows: the sign-in bookkeeping, the audit trail, the server's keys. */
const BOOKKEEPING = ["sessions", "audit_log", "server_secrets"];

/** Tables that say who someone is and what they may do: a change there ends cached sign-ins. */
const ACCESS = ["users", "agencies"];

/**
 * Two counters, moved by triggers: `data` on every change to a table that some read shows, and
 * `access` when a session ends or an account or agency changes. A cached answer is kept while
 * `data` stands still, a resolved session while `access` does, so a session's last-seen time, a
 * sign-in or an audit row no longer empties every cache.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table data_changes (
    id integer primary key check (id = 1),
    data integer not null,
    access integer not null
  )`.execute(db);
  await sql`insert into data_changes (id, data, access) values (1, 0, 0)`.execute(db);

  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
      and name <> 'data_changes'`.execute(db);
  for (const { name } of rows) {
    if (BOOKKEEPING.includes(name)) continue;
    const bump = ACCESS.includes(name) ? "data = data + 1, access = access + 1" : "data = data + 1";
    for (const event of ["insert", "update", "delete"]) {
      await sql
        .raw(
          `create trigger ${name}_${event}_changes after ${event} on ${name} begin
             update data_changes set ${bump} where id = 1;
           end`,
        )
        .execute(db);
    }
  }
  await sql`create trigger sessions_delete_changes after delete on sessions begin
    update data_changes set access = access + 1 where id = 1;
  end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'trigger' and substr(name, -8) = '_changes'`.execute(db);
  for (const { name } of rows) await sql.raw(`drop trigger ${name}`).execute(db);
  await sql`drop table data_changes`.execute(db);
}
