import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

  // A session is known by the SHA-256 of its cookie's token: the token itself is never stored.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("actor_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_username", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text")
    .addColumn("entity_id", "integer")
    .addColumn("detail", "text")
    .addColumn("client_ip", "text")
    .execute();
  await db.schema.createIndex("audit_log_time").on("audit_log").column("created_at").execute();
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);

  // Evidence files live on disk under the data folder, named by their SHA-256.
  await db.schema
    .createTable("attachments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("update_attachments")
    .addColumn("update_id", "integer", (c) => c.notNull().references("issue_updates.id"))
    .addColumn("attachment_id", "integer", (c) => c.notNull().references("attachments.id"))
    .addPrimaryKeyConstraint("update_attachments_pk", ["update_id", "attachment_id"])
    .execute();
  await db.schema
    .createIndex("update_attachments_attachment")
    .on("update_attachments")
    .column("attachment_id")
    .execute();

  // Why a stage moved backwards, required when it does.
  await db.schema.alterTable("issue_updates").addColumn("stage_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("issue_updates").dropColumn("stage_reason").execute();
  for (const table of ["update_attachments", "attachments", "audit_log", "sessions"]) {
    await db.schema.dropTable(table).execute();
  }
}
