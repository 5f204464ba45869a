import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  // How an issue's progress is measured: physical works, or its indicator against a target.
  await db.schema
    .alterTable("issues")
    .addColumn("measure", "text", (c) =>
      c.notNull().defaultTo("fisik").check(sql`measure in ('fisik', 'indikator')`),
    )
    .execute();
  // The shipped issues measured by an indicator (a count or a money target, not works), as the
  // shipped data defines them; databases seeded before this column existed get the same.
  await sql`update issues set measure = 'indikator'
    where indicator_unit is not null and title in (
      'Pengembangan MCC dan usaha mikro', 'Bantuan sosial terpadu', 'Realisasi anggaran', 'Optimalisasi PBB')`.execute(
    db,
  );

  // When a funding line was committed or reported (null: not known), and the later line that
  // replaced it (a revised amount), so a past view shows the line as it stood then.
  await db.schema.alterTable("funding_lines").addColumn("reported_on", "text").execute();
  await db.schema
    .alterTable("funding_lines")
    .addColumn("reported_on_precision", "text", (c) => c.notNull().defaultTo("day"))
    .execute();
  await db.schema
    .alterTable("funding_lines")
    .addColumn("replaced_by_id", "integer", (c) => c.references("funding_lines.id").onDelete("set null"))
    .execute();

  // When a party joined an issue's delivery chain (null: not known).
  await db.schema.alterTable("issue_agencies").addColumn("since", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("issue_agencies").dropColumn("since").execute();
  for (const column of ["replaced_by_id", "reported_on_precision", "reported_on"]) {
    await db.schema.alterTable("funding_lines").dropColumn(column).execute();
  }
  await db.schema.alterTable("issues").dropColumn("measure").execute();
}
