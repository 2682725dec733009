import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** The database handle services pass around; only `db/` knows it is better-sqlite3. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) a SQLite database with the settings every Sift process relies on:
 * WAL so the server can read while the CLI imports, enforced foreign keys, and a busy timeout
 * instead of failing at once when another process holds the write lock.
 */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  return db;
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepares a statement once per connection; repos call this instead of `db.prepare` on hot paths. */
export function prepare<P extends unknown[] | {} = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt as unknown as Database.Statement<P, R>;
}

/**
 * A read-only snapshot of the database on a connection of its own, for work that reads a lot and
 * yields between reads (a streamed export): the shared connection stays free for other requests,
 * and every read sees the database as it was when the snapshot began, however long the stream runs.
 * An in-memory database has no second connection; it reads on the shared one.
 */
export function openSnapshot(db: Db): { db: Db; close: () => void } {
  if (db.memory) return { db, close: () => {} };
  const snapshot = new Database(db.name, { readonly: true, fileMustExist: true });
  snapshot.pragma("busy_timeout = 5000");
  snapshot.exec("BEGIN");
  // In WAL mode a read transaction pins its snapshot at its first read, not at BEGIN.
  snapshot.prepare("SELECT COUNT(*) FROM schema_migrations").pluck().get();
  return {
    db: snapshot,
    close: () => {
      if (!snapshot.open) return;
      if (snapshot.inTransaction) snapshot.exec("COMMIT");
      snapshot.close();
    },
  };
}
