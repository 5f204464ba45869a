import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

  await db.schema
    .createTable("agencies")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("code", "text", (c) => c.notNull().unique().modifyEnd(sql`collate nocase`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('dinas','badan','bagian','satuan','kecamatan','provinsi','pusat','csr','lainnya')`,
        ),
    )
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("username", "text", (c) => c.notNull().unique().modifyEnd(sql`collate nocase`))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin','pimpinan','opd')`))
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("password_hash", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("issues")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("number", "integer", (c) => c.notNull().unique().check(sql`number >= 1`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("location", "text")
    .addColumn("lead_agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("lead_note", "text")
    .addColumn("indicator_label", "text")
    .addColumn("indicator_unit", "text")
    .addColumn("indicator_target", "real")
    .addColumn("indicator_baseline", "real")
    .addColumn("start_date", "text")
    .addColumn("target_date", "text")
    .addColumn("target_date_precision", "text", (c) => c.notNull().defaultTo("day"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("issue_agencies")
    .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id").onDelete("cascade"))
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('pendukung','pelaksana','donor','mitra')`),
    )
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("issue_agencies_pk", ["issue_id", "agency_id"])
    .execute();
  await db.schema.createIndex("issue_agencies_agency").on("issue_agencies").column("agency_id").execute();

  await db.schema
    .createTable("funding_lines")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id").onDelete("cascade"))
    .addColumn("source", "text", (c) =>
      c.notNull().check(sql`source in ('apbd_kota','apbd_provinsi','apbn','csr','pad','lainnya')`),
    )
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "integer")
    .addColumn("amount_planned", "integer", (c) => c.check(sql`amount_planned >= 0`))
    .addColumn("amount_realised", "integer", (c) => c.check(sql`amount_realised >= 0`))
    .addColumn("donor_agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("confirmed", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("source_name", "text")
    .addColumn("source_url", "text")
    .execute();
  await db.schema.createIndex("funding_lines_issue").on("funding_lines").column("issue_id").execute();

  await db.schema
    .createTable("issue_updates")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("issue_id", "integer", (c) => c.notNull().references("issues.id"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("date_precision", "text", (c) =>
      c.notNull().defaultTo("day").check(sql`date_precision in ('day','month')`),
    )
    .addColumn("stage", "text", (c) =>
      c
        .notNull()
        .check(
          sql`stage in ('identifikasi','perencanaan','penganggaran','pengadaan','penanganan','selesai')`,
        ),
    )
    .addColumn("health", "text", (c) => c.notNull().check(sql`health in ('on_track','at_risk','blocked')`))
    .addColumn("physical_progress", "real", (c) => c.check(sql`physical_progress between 0 and 100`))
    .addColumn("budget_progress", "real", (c) => c.check(sql`budget_progress between 0 and 100`))
    .addColumn("indicator_value", "real")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("obstacles", "text")
    .addColumn("next_steps", "text")
    .addColumn("source_name", "text")
    .addColumn("source_url", "text")
    .execute();
  // Serves "latest update of an issue at or before an instant": one index seek per issue.
  await db.schema
    .createIndex("issue_updates_issue_time")
    .on("issue_updates")
    .columns(["issue_id", "created_at", "id"])
    .execute();
  await db.schema.createIndex("issue_updates_time").on("issue_updates").column("created_at").execute();
  // Updates are an append-only record.
  await sql`create trigger issue_updates_no_update before update on issue_updates
    begin select raise(abort, 'issue_updates is append-only'); end`.execute(db);
  await sql`create trigger issue_updates_no_delete before delete on issue_updates
    begin select raise(abort, 'issue_updates is append-only'); end`.execute(db);

  await db.schema
    .createTable("award_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('nasional','provinsi','kota')`))
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("handed_over_on", "text")
    .addColumn("note", "text")
    .addColumn("source_name", "text")
    .addColumn("source_url", "text")
    .execute();

  await db.schema
    .createTable("award_results")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_id", "integer", (c) => c.notNull().references("award_events.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("predicate", "text", (c) => c.notNull())
    .addColumn("score", "real")
    .addColumn("agency_id", "integer", (c) => c.references("agencies.id"))
    .addColumn("note", "text")
    .execute();
  await db.schema.createIndex("award_results_event").on("award_results").column("event_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "award_results",
    "award_events",
    "issue_updates",
    "funding_lines",
    "issue_agencies",
    "issues",
    "users",
    "agencies",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
