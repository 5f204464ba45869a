import { readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { DB } from "../db/database";
import { attachmentPath, notInAnyUpdate, temporaryDir } from "./attachments";

const DAY_MS = 24 * 3_600_000;

export interface SweepResult {
  /** Uploads no update used within a day, removed with their files. */
  unattached: number;
  /** Stored files no row names. */
  orphans: number;
  /** Temporary files of uploads that never finished. */
  temporaries: number;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function referenced(db: DB, sha256: string): Promise<boolean> {
  const row = await db.selectFrom("attachments").select("id").where("sha256", "=", sha256).executeTakeFirst();
  return row !== undefined;
}

async function removeIfUnreferenced(db: DB, dir: string, sha256: string): Promise<boolean> {
  if (await referenced(db, sha256)) return false;
  return unlink(attachmentPath(dir, sha256)).then(
    () => true,
    () => false,
  );
}

async function entries(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

/**
 * Keeps the evidence folder to what the database names:
 *
 * - an upload that no update used within a day is removed (row and, unless another row shares
 *   its content, file): the uploader gave up on it;
 * - a temporary file whose process is gone (killed mid-upload) is removed, and with it the stored
 *   file it had just added when no row came to name it;
 * - a stored file no row names, older than a day, is removed (older than a day, so that an
 *   upload another process is finishing right now is never touched).
 *
 * Runs at start and then every hour; safe with several processes on one folder.
 */
export async function sweepAttachments(db: DB, dir: string, now: Date): Promise<SweepResult> {
  const result: SweepResult = { unattached: 0, orphans: 0, temporaries: 0 };
  const cutoff = new Date(now.getTime() - DAY_MS).toISOString();

  const stale = await db
    .selectFrom("attachments as f")
    .select(["f.id", "f.sha256"])
    .where("f.created_at", "<", cutoff)
    .where(notInAnyUpdate)
    .execute();
  for (const row of stale) {
    // Unless an update took it up in the meantime.
    const removed = await db
      .deleteFrom("attachments")
      .where("id", "=", row.id)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("update_attachments").select("update_id").where("attachment_id", "=", row.id),
          ),
        ),
      )
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) continue;
    result.unattached++;
    await removeIfUnreferenced(db, dir, row.sha256);
  }

  const tmp = temporaryDir(dir);
  for (const name of await entries(tmp)) {
    const match = /^(\d+)-(.*)\.part$/.exec(name);
    const path = join(tmp, name);
    const old = await stat(path).then(
      (s) => now.getTime() - s.mtimeMs > DAY_MS,
      () => false,
    );
    if (match && isRunning(Number(match[1])) && !old) continue;
    const sha256 = match?.[2] ?? "";
    if (/^[0-9a-f]{64}$/.test(sha256) && (await removeIfUnreferenced(db, dir, sha256))) result.orphans++;
    await unlink(path).catch(() => {});
    result.temporaries++;
  }

  for (const prefix of await entries(dir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of await entries(join(dir, prefix))) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue;
      const path = join(dir, prefix, name);
      const info = await stat(path).catch(() => null);
      if (!info || now.getTime() - info.mtimeMs <= DAY_MS) continue;
      if (await removeIfUnreferenced(db, dir, name)) result.orphans++;
    }
  }
  return result;
}
