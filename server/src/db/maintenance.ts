import type { Db } from "./connection";

/**
 * Copies the database with SQLite's online backup API: a consistent snapshot even while the server
 * writes, page by page, without blocking writers for the whole copy.
 */
export async function backupDatabase(db: Db, destination: string): Promise<{ totalPages: number }> {
  const result = await db.backup(destination);
  return { totalPages: result.totalPages };
}

/** `PRAGMA integrity_check` plus foreign keys: an empty list means the file is sound. */
export function checkDatabaseIntegrity(db: Db): string[] {
  const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== "ok");
  const foreignKeys = (db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]).map(
    (r) => `${r.table} row ${r.rowid} points to a missing ${r.parent} row`,
  );
  return [...integrity, ...foreignKeys];
}
