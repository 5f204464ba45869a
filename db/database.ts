import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
} from "kysely";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export type DB = Kysely<Database>;
/** The database or a transaction on it: what repository writes take. */
export type Executor = DB | Transaction<Database>;

/**
 * Opens the SQLite database at `path` (`:memory:` for a private in-memory one).
 *
 * Pragmas:
 * - `journal_mode = WAL`: readers (the dashboard on a projector, many phones) never wait for
 *   the writer, and the writer never waits for them.
 * - `synchronous = FULL`: each commit is synced to disk before it is confirmed, so an update an
 *   OPD was told is saved survives a power cut too. Writes are a few dozen a day; the extra
 *   fsync costs nothing anyone would notice (NORMAL would only risk losing the latest commits).
 * - `foreign_keys = ON`: SQLite leaves them off unless asked, per connection.
 * - `busy_timeout = 5000`: a second process (another server, the `user` command) waits up to
 *   5 s for a lock instead of failing at once.
 *
 * Transactions begin with `BEGIN IMMEDIATE`: one that starts by reading (the update's version
 * check) and then writes would otherwise find, when it tries to write, that another process
 * wrote in between, and fail with SQLITE_BUSY at once, whatever the busy timeout. Taking the
 * write lock first makes a second writer wait its turn, and its reads see the first one's
 * commit. Every transaction in Pantau writes, so nothing is lost by it.
 */
export function openDatabase(path: string): DB {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: preparingOnce(sqlite) }),
  });
  connections.set(db, {
    sqlite,
    changes: sqlite.prepare<[], number>("select total_changes()").pluck(),
    dataVersion: sqlite.prepare<[], number>("pragma data_version").pluck(),
    otherWrites: 0,
    checkedAt: 0,
    seenChanges: -1,
    data: 0,
    access: 0,
  });
  return db;
}

/** Bounds the statements kept: queries with lists of different lengths are different texts. */
const MAX_STATEMENTS = 500;

/**
 * The database as Kysely sees it, with each SQL text prepared once: Kysely asks for a statement on
 * every query, and SQLite's parse and plan were a tenth of a dashboard read. A statement still
 * being iterated is never handed out again; a fresh one is prepared instead.
 */
function preparingOnce(sqlite: SQLite.Database): SqliteDialectConfig["database"] {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined || statement.busy) {
        statement = sqlite.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

interface Connection {
  sqlite: SQLite.Database;
  /** Rows this connection has changed since it was opened (SQLite's count; about 0.3 µs). */
  changes: SQLite.Statement<[], number>;
  /** Changes when another connection or process commits (about 6 µs: asked at most every 250 ms). */
  dataVersion: SQLite.Statement<[], number>;
  /** The counters of `data_changes`, prepared on first use (a migration creates the table). */
  counters?: SQLite.Statement<[], { data: number; access: number }>;
  otherWrites: number;
  checkedAt: number;
  /** `changes` when the counters were last read. */
  seenChanges: number;
  data: number;
  access: number;
}

/** How stale another process's write may look here, at most. */
export const OTHER_WRITES_CHECK_MS = 250;

const connections = new WeakMap<DB, Connection>();

function connectionOf(db: DB): Connection {
  const connection = connections.get(db);
  if (!connection) throw new Error("not a database opened by openDatabase");
  return connection;
}

/**
 * The better-sqlite3 handle under `db`, for the few writes that must be one synchronous
 * transaction of prepared statements.
 */
export function sqliteOf(db: DB): SQLite.Database {
  return connectionOf(db).sqlite;
}

/** Versions handed out while a transaction is open: each is new, so none is ever matched. */
let openVersions = 0;

/**
 * The `data_changes` counters as they stand, read again only when something was written: by this
 * connection (`total_changes()`, at once) or by another connection or process (`PRAGMA
 * data_version`, within OTHER_WRITES_CHECK_MS). Null while a transaction is open on this
 * connection: what it has written may yet be rolled back.
 */
function counters(db: DB): { data: number; access: number } | null {
  const connection = connectionOf(db);
  if (connection.sqlite.inTransaction) return null;
  const now = performance.now();
  let moved = false;
  if (now - connection.checkedAt >= OTHER_WRITES_CHECK_MS) {
    const other = connection.dataVersion.get() ?? 0;
    connection.checkedAt = now;
    if (other !== connection.otherWrites) {
      connection.otherWrites = other;
      moved = true;
    }
  }
  const changes = connection.changes.get() ?? 0;
  if (moved || changes !== connection.seenChanges) {
    connection.counters ??= connection.sqlite.prepare("select data, access from data_changes where id = 1");
    const row = connection.counters.get();
    if (!row) throw new Error("data_changes has no row: the database is not migrated");
    connection.data = row.data;
    connection.access = row.access;
    connection.seenChanges = changes;
  }
  return connection;
}

/**
 * A value that changes whenever data some read shows may have (triggers count every change to
 * such a table): at once on a write through this connection, and within OTHER_WRITES_CHECK_MS
 * of a commit by another process. A session's last-seen time, a sign-in or an audit row leave it
 * as it is. Cheap enough to ask on every request.
 */
export function dataVersion(db: DB): string {
  const now = counters(db);
  return now === null ? `open.${++openVersions}` : String(now.data);
}

/**
 * A value that changes whenever a signed-in user's standing may have: a session ended, an
 * account or an agency changed (here at once, from another process within OTHER_WRITES_CHECK_MS).
 */
export function accessVersion(db: DB): string {
  const now = counters(db);
  return now === null ? `open.${++openVersions}` : String(now.access);
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: DB): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
