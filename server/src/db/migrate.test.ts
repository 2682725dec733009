import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MigrationError } from "../errors";
import { openDatabase } from "./connection";
import { loadMigrations, migrate } from "./migrate";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sift-migrate-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("migrate", () => {
  it("creates the schema on a fresh database and records it", () => {
    const db = openDatabase(join(tempDir(), "nested", "sift.db"));
    expect(migrate(db).applied).toEqual(loadMigrations().map((m) => m.name));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["comments", "decisions", "flags", "schema_migrations", "threads"]));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });

  it("is a no-op the second time", () => {
    const db = openDatabase(join(tempDir(), "sift.db"));
    migrate(db);
    expect(migrate(db).applied).toEqual([]);
    db.close();
  });

  it("applies only the new files", () => {
    const dir = tempDir();
    const migrations = join(dir, "migrations");
    mkdirSync(migrations);
    writeFileSync(join(migrations, "0001_a.sql"), "CREATE TABLE a (x INTEGER);");
    const db = openDatabase(join(dir, "sift.db"));
    expect(migrate(db, loadMigrations(migrations)).applied).toEqual(["0001_a.sql"]);
    writeFileSync(join(migrations, "0002_b.sql"), "CREATE TABLE b (x INTEGER);");
    expect(migrate(db, loadMigrations(migrations)).applied).toEqual(["0002_b.sql"]);
    db.close();
  });

  it("refuses a database whose applied migration was edited since", () => {
    const dir = tempDir();
    const migrations = join(dir, "migrations");
    mkdirSync(migrations);
    writeFileSync(join(migrations, "0001_a.sql"), "CREATE TABLE a (x INTEGER);");
    const db = openDatabase(join(dir, "sift.db"));
    migrate(db, loadMigrations(migrations));
    writeFileSync(join(migrations, "0001_a.sql"), "CREATE TABLE a (x INTEGER, y TEXT);");
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(MigrationError);
    db.close();
  });

  it("refuses a database with a migration this code does not know", () => {
    const db = openDatabase(join(tempDir(), "sift.db"));
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 'x', 'now')").run();
    expect(() => migrate(db)).toThrow(/9999_future\.sql applied, which has no migration file/);
    db.close();
  });

  it("refuses two migration files with the same number", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "0001_a.sql"), "CREATE TABLE a (x INTEGER);");
    writeFileSync(join(dir, "0001_b.sql"), "CREATE TABLE b (x INTEGER);");
    expect(() => loadMigrations(dir)).toThrow(/0001_a\.sql and 0001_b\.sql/);
  });

  it("orders the files by number", () => {
    expect(loadMigrations().map((m) => m.version)).toEqual([...loadMigrations().map((m) => m.version)].sort((a, b) => a - b));
  });

  it("rolls back a failing migration and records nothing", () => {
    const dir = tempDir();
    const migrations = join(dir, "migrations");
    mkdirSync(migrations);
    writeFileSync(join(migrations, "0001_bad.sql"), "CREATE TABLE ok (x INTEGER); CREATE TABLE ok (x INTEGER);");
    const db = openDatabase(join(dir, "sift.db"));
    expect(() => migrate(db, loadMigrations(migrations))).toThrow();
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM schema_migrations").pluck().get()).toBe(0);
    db.close();
  });
});
