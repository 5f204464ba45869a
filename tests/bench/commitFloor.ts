import { closeSync, fsyncSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { openDatabase, sqliteOf } from "../../db/database";
import type { SessionUser } from "../../server/auth/sessions";
import { createUpdate } from "../../server/repositories/updateWrites";
import { BENCH_ADMIN } from "./data";

/** What limits sequential writes before any HTTP: the write itself, and the disk's sync. */
export interface CommitFloor {
  /** `createUpdate` called back to back in this process, each commit synced (synchronous=FULL). */
  inProcessPerSecond: number;
  /** Bytes one update's commit appends to the write-ahead log, as measured. */
  walBytesPerCommit: number;
  /**
   * Milliseconds to append that many bytes to a file and sync it, back to back: the disk alone.
   * The file grows with each append, so its size is synced too: a little more than SQLite's log,
   * which is written over in place once checkpointed, asks of the disk.
   */
  diskSyncMs: number;
  /** The same, with 2 ms of work between syncs, as when each write waits for its request. */
  diskSyncMsSpaced: number;
}

/**
 * The ceiling of sequential durable writes on this machine, measured on the bench's database
 * (after its server has stopped): no HTTP path can commit faster than the disk syncs.
 */
export async function commitFloor(path: string, issueNumber: number, count: number): Promise<CommitFloor> {
  const db = openDatabase(path);
  const sqlite = sqliteOf(db);
  try {
    const admin = sqlite
      .prepare<[string], { id: number; display_name: string }>(
        "select id, display_name from users where username = ?",
      )
      .get(BENCH_ADMIN);
    const issue = sqlite
      .prepare<[number], { id: number; version: number }>("select id, version from issues where number = ?")
      .get(issueNumber);
    if (!admin || !issue) throw new Error("bench database without its admin or issue");
    const user: SessionUser = {
      id: admin.id,
      username: BENCH_ADMIN,
      displayName: admin.display_name,
      role: "admin",
      agencyId: null,
      agencyCode: null,
    };
    let version = issue.version;
    const write = async () => {
      const written = await createUpdate(
        db,
        user,
        {
          issueId: issue.id,
          expectedVersion: version,
          note: "Pembaruan dari uji beban",
          physicalProgress: 50,
        },
        { now: new Date(), clientIp: "127.0.0.1" },
      );
      version = written.version;
    };
    // The log's growth over a few writes, from empty: fewer frames than the automatic checkpoint's 1,000.
    const [checkpoint] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    if (checkpoint?.busy !== 0) throw new Error("the write-ahead log could not be emptied");
    const sample = 40;
    for (let k = 0; k < sample; k++) await write();
    const walBytesPerCommit = Math.round(walSize(path) / sample);
    const started = performance.now();
    for (let k = 0; k < count; k++) await write();
    const seconds = (performance.now() - started) / 1000;
    return {
      inProcessPerSecond: count / seconds,
      walBytesPerCommit,
      diskSyncMs: syncMs(`${path}.floor`, walBytesPerCommit, count, 0),
      diskSyncMsSpaced: syncMs(`${path}.floor`, walBytesPerCommit, count, 2),
    };
  } finally {
    await db.destroy();
  }
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** The mean time to append `bytes` and fsync, over `count` times `gapMs` apart (busy between). */
function syncMs(file: string, bytes: number, count: number, gapMs: number): number {
  const fd = openSync(file, "w");
  const block = Buffer.alloc(Math.max(bytes, 1), 0x5a);
  let spent = 0;
  try {
    for (let k = 0; k < count; k++) {
      // Busy, not asleep, between syncs: as a server is while it handles the next request.
      const until = performance.now() + gapMs;
      while (performance.now() < until);
      const started = performance.now();
      writeSync(fd, block);
      fsyncSync(fd);
      spent += performance.now() - started;
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return spent / count;
}
