import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "./connection";
import { migrate } from "./migrate";

/** A fresh, migrated SQLite file in its own temp dir, for one test. */
export function createTestDb(): { db: Db; path: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "sift-test-"));
  const path = join(dir, "sift.db");
  const db = openDatabase(path);
  migrate(db);
  return {
    db,
    path,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
