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

  it("0013 ranks comments a site rule held before it ahead of every category", () => {
    const db = openDatabase(join(tempDir(), "sift.db"));
    const all = loadMigrations();
    migrate(db, all.filter((m) => m.version < 13));
    db.exec(`INSERT INTO threads (id, key, format, title, article_title, article_body, imported_at, updated_at) VALUES ('t', 'k', 'csv', 'T', 'T', '', 'now', 'now');
      INSERT INTO comments (id, thread_id, external_id, position, author, body, severity, sort_at) VALUES ('held', 't', '1', 1, 'a', 'x', 5, ''), ('plain', 't', '2', 2, 'b', 'y', 0, '');
      INSERT INTO flags (comment_id, category, rule, evidence, explanation, confidence, rule_pack_version, action) VALUES
        ('held', 'off_topic', 'site.x', '', '', 1, '2', 'hold'), ('plain', 'threat', 'threat.x', '', '', 1, '2', NULL);`);
    migrate(db, all);
    expect(db.prepare("SELECT id, severity, version FROM comments ORDER BY id").all()).toEqual([
      { id: "held", severity: -1, version: 2 },
      { id: "plain", severity: 0, version: 1 },
    ]);
    db.close();
  });
});
