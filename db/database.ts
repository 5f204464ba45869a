import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
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
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
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
