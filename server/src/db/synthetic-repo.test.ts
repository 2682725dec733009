import type { Flag } from "@sift/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storePreparedFile } from "../services/import-service";
import { areViewCountsConsistent, countViews, listQueuePage } from "../services/queue-service";
import { isSearchIndexConsistent } from "../services/search-service";
import { makeComment, makeThread } from "../services/test-fixtures";
import { growByCopyingThreads } from "./synthetic-repo";
import { createTestDb } from "./test-db";

const spam: Flag = { category: "spam", rule: "test.spam", evidence: "x", start: null, end: null, explanation: "x", confidence: 1 };

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
  const comments = ["a", "b", "c", "d", "e"].map((id, i) => makeComment(id, { body: `body ${id}`, parent_external_id: i === 2 ? "b" : null, posted_at: `2026-01-0${i + 1}T10:00:00Z` }));
  storePreparedFile(t.db, { file: "f", threads: [{ thread: makeThread({ comments }), flags: [[spam], [], [spam], [], []] }] });
});
afterEach(() => t.cleanup());

describe("growByCopyingThreads (benchmark only)", () => {
  it("copies threads with their comments and flags up to the target, keeping the search index and view counts whole", () => {
    expect(growByCopyingThreads(t.db, 12)).toBe(12);
    expect(countViews(t.db)).toEqual({ review: 5, pending: 12, approved: 0, removed: 0, all: 12 });
    expect(areViewCountsConsistent(t.db)).toBe(true);
    expect(isSearchIndexConsistent(t.db)).toBe(true);
    expect(listQueuePage(t.db, { view: "all", q: "body c", limit: 10 }).comments).toHaveLength(2);
    // The last copy stops after two comments in page order: no reply without its parent.
    const dangling = t.db.prepare("SELECT COUNT(*) AS n FROM comments c WHERE c.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.id = c.parent_id)").get() as { n: number };
    expect(dangling.n).toBe(0);
    // Copies come later in time than the original, so the queue's order is the original's, repeated.
    const all = listQueuePage(t.db, { view: "all", limit: 12 }).comments.map((c) => c.body);
    expect(all).toEqual(["a", "b", "c", "d", "e", "a", "b", "c", "d", "e", "a", "b"].map((id) => `body ${id}`));
    expect(growByCopyingThreads(t.db, 5)).toBe(12);
  });
});
