import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MigrationError } from "../errors";
import type { Db } from "./connection";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

/** One forward-only migration file, `NNNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/**
 * Reads the migration files in version order. Two files with the same number (two branches that
 * each took "the next free one") are refused: their order would depend on their names, and a
 * database migrated by one branch would silently skip the other's file.
 */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort((a, b) => Number(a.slice(0, 4)) - Number(b.slice(0, 4)) || a.localeCompare(b))
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, "utf8");
      return {
        version: Number(file.slice(0, 4)),
        name: file,
        sql,
        // Line endings are normalised so a Windows checkout (autocrlf) does not look like an edited migration.
        checksum: createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex"),
      };
    });
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && previous.version === m.version) {
      throw new MigrationError(`two migrations share number ${m.version}: ${previous.name} and ${m.name}; renumber the newer one`);
    }
  });
  return migrations;
}

const MISMATCH = "database migration history does not match the code";

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations, each in its own transaction. Refuses (MigrationError) a database
 * whose applied history is not a prefix of the files: an edited, renamed or unknown migration
 * means the schema is not what this code expects, and guessing would risk the data.
 */
export function migrate(db: Db, migrations: Migration[] = loadMigrations()): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare("SELECT version, name, checksum FROM schema_migrations ORDER BY version").all() as AppliedRow[];
  applied.forEach((row, i) => {
    const file = migrations[i];
    if (!file) throw new MigrationError(`${MISMATCH}: it has ${row.name} applied, which has no migration file`);
    if (file.name !== row.name || file.version !== row.version) {
      throw new MigrationError(`${MISMATCH}: it has ${row.name} applied where the code has ${file.name}`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`${MISMATCH}: ${row.name} was applied with different content than the file now has`);
    }
  });
  const insert = db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)");
  const done: string[] = [];
  for (const m of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      insert.run(m.version, m.name, m.checksum, new Date().toISOString());
    })();
    done.push(m.name);
  }
  return { applied: done };
}
