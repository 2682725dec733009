import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/connection";
import { createTestDb } from "../db/test-db";
import { storeThread, withBulkLoad } from "./import-store";
import { makeComment, makeThread } from "./test-fixtures";

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

const indexes = (db: Db) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' ORDER BY name").all();

/** Stores one thread of `n` comments through withBulkLoad with the given thresholds, in a transaction. */
function load(db: Db, title: string, n: number, thresholds: { bulk?: number; indexes?: number }, fail = false) {
  const { comments: _, ...meta } = makeThread({ title, external_id: title });
  const comments = Array.from({ length: n }, (_, i) => ({ comment: makeComment(`${title}-${i}`, { body: `comment number ${i} about ${title}` }), flags: [] }));
  return db.transaction(() => {
    const stored = withBulkLoad(db, n, (noteInsert) => [storeThread(db, meta, comments, { sourceFile: "f", now: "2026-11-25T00:00:00Z", noteInsert })], thresholds);
    if (fail) throw new Error("fail after the load");
    return stored;
  })();
}

describe("a bulk load that at least doubles the comments", () => {
  it("rebuilds the table's indexes as they were, and queries and the search index still work", () => {
    const before = indexes(t.db);
    load(t.db, "first", 40, { bulk: 1, indexes: 10 });
    expect(indexes(t.db)).toEqual(before);
    expect(t.db.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
    const plan = t.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM comments WHERE status = 'pending' ORDER BY sort_at LIMIT 5").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/USING (COVERING )?INDEX/);
    expect(t.db.prepare("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH 'first'").pluck().get()).toBe(40);
  });

  it("leaves the indexes in place when it fails and rolls back", () => {
    const before = indexes(t.db);
    expect(() => load(t.db, "doomed", 40, { bulk: 1, indexes: 10 }, true)).toThrow("fail after the load");
    expect(indexes(t.db)).toEqual(before);
    expect(t.db.prepare("SELECT count(*) FROM comments").pluck().get()).toBe(0);
  });

  it("keeps the indexes (no drop) when the table is already larger than half the load", () => {
    load(t.db, "first", 40, { bulk: 1, indexes: 10 });
    // An index dropped and built again gets new pages: its root page moves.
    const roots = () => t.db.prepare("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' ORDER BY name").all();
    const before = roots();
    load(t.db, "second", 60, { bulk: 1, indexes: 10 });
    expect(roots()).toEqual(before);
    load(t.db, "third", 300, { bulk: 1, indexes: 10 });
    expect(roots()).not.toEqual(before);
    expect(t.db.prepare("SELECT count(*) FROM comments").pluck().get()).toBe(400);
    expect(t.db.prepare("PRAGMA integrity_check").pluck().get()).toBe("ok");
  });
});
