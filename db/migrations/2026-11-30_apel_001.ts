import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

  // The Monday assemblies held, by their date (WIB), so "since the last apel" has a date to mean.
  await db.schema
    .createTable("apels")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("held_on", "text", (c) => c.notNull().unique())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // Arahan: a direction given by the Wali Kota to one agency, optionally about one issue.
  await db.schema
    .createTable("directions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("given_on", "text", (c) => c.notNull())
    .addColumn("apel_on", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("agency_id", "integer", (c) => c.notNull().references("agencies.id"))
    .addColumn("issue_id", "integer", (c) => c.references("issues.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'done')`))
    .addColumn("closing_note", "text")
    .addColumn("closed_by", "integer", (c) => c.references("users.id"))
    .addColumn("closed_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("directions_agency")
    .on("directions")
    .columns(["agency_id", "status"])
    .execute();
  await db.schema.createIndex("directions_issue").on("directions").column("issue_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("directions").execute();
  await db.schema.dropTable("apels").execute();
}
