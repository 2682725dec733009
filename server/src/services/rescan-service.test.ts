import type { Flag } from "@sift/shared";
import type { ThreadInput } from "@sift/shared/rules";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../db/test-db";
import { NotFoundError } from "../errors";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { storePreparedFile } from "./import-service";
import { rescanThreads, rescanThreadsInTurns } from "./rescan-service";
import { makeComment, makeThread } from "./test-fixtures";

// Stand-in rules the test can change between import and rescan: a comment is flagged when it contains `rules.word`.
const rules = vi.hoisted(() => ({ word: "idiot", category: "insult" as const, version: "pack-1", seen: [] as ThreadInput[] }));
vi.mock("@sift/shared/rules", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@sift/shared/rules")>()),
  get RULE_PACK_VERSION() {
    return rules.version;
  },
  evaluateThread: (thread: ThreadInput): Flag[][] => {
    rules.seen.push(thread);
    return thread.comments.map((c) => flagsFor(c.body));
  },
}));

function flagsFor(body: string): Flag[] {
  const start = body.indexOf(rules.word);
  if (start < 0) return [];
  return [{ category: rules.category, rule: `test.${rules.word}`, evidence: rules.word, start, end: start + rules.word.length, explanation: "x", confidence: 1 }];
}

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
  Object.assign(rules, { word: "idiot", category: "insult", version: "pack-1", seen: [] });
});
afterEach(() => t.cleanup());

const dump = () => ({
  threads: t.db.prepare("SELECT * FROM threads ORDER BY id").all(),
  comments: t.db.prepare("SELECT * FROM comments ORDER BY id").all(),
  flags: t.db.prepare("SELECT * FROM flags ORDER BY id").all(),
  decisions: t.db.prepare("SELECT * FROM decisions ORDER BY id").all(),
});
const commentRow = (id: string) =>
  t.db.prepare("SELECT status, decided_at, version, severity FROM comments WHERE id = ?").get(id) as Record<string, unknown>;
const flagRows = (id: string) => t.db.prepare("SELECT rule, evidence, rule_pack_version FROM flags WHERE comment_id = ?").all(id);

/** Imports a thread the way `sift import` stores it, with the stand-in rules as they are now. */
function importThread(title: string, bodies: string[]): string {
  const comments = bodies.map((body, i) => makeComment(`c${i}`, { body, parent_external_id: i === 0 ? null : "c0" }));
  const thread = makeThread({ title, comments });
  const [stored] = storePreparedFile(t.db, { file: "page.txt", threads: [{ thread, flags: comments.map((c) => flagsFor(c.body)) }] });
  return stored!.id;
}

describe("rescanThreads", () => {
  it("replaces flags and severity with the current rules, keeping statuses, decisions and decision times", () => {
    const id = importThread("Lane", ["you idiot", "a spammy link", "fine comment"]);
    const [c0, c1, c2] = ["c0", "c1", "c2"].map((e) => commentIdFor(id, e));
    decideComment(t.db, c0!, { action: "remove", reason: "insult" }, new Date("2025-01-01T00:00:00Z"));
    const decided = commentRow(c0!);
    const decisions = dump().decisions;

    Object.assign(rules, { word: "spammy", category: "spam", version: "pack-2" });
    expect(rescanThreads(t.db)).toEqual([{ id, title: "Lane", comments: 3, flagged: 1, changed: 2 }]);

    expect(flagRows(c0!)).toEqual([]);
    expect(flagRows(c1!)).toEqual([{ rule: "test.spammy", evidence: "spammy", rule_pack_version: "pack-2" }]);
    expect(commentRow(c0!)).toMatchObject({ status: "removed", decided_at: decided.decided_at, severity: null });
    expect(commentRow(c1!)).toMatchObject({ status: "pending", severity: 4 });
    expect(commentRow(c2!)).toMatchObject({ status: "pending", version: 1, severity: null });
    expect(dump().decisions).toEqual(decisions);
  });

  it("writes nothing when the rules say the same as before", () => {
    importThread("Lane", ["you idiot", "fine"]);
    const before = dump();
    expect(rescanThreads(t.db)[0]).toMatchObject({ flagged: 1, changed: 0 });
    expect(dump()).toEqual(before);
  });

  it("restamps flags raised by an older rule pack even when they are unchanged", () => {
    const id = importThread("Lane", ["you idiot"]);
    rules.version = "pack-2";
    expect(rescanThreads(t.db)[0]).toMatchObject({ changed: 1 });
    expect(flagRows(commentIdFor(id, "c0"))).toEqual([{ rule: "test.idiot", evidence: "idiot", rule_pack_version: "pack-2" }]);
  });

  it("gives the rules the article and each reply's parent, in page order", () => {
    importThread("Lane", ["first", "reply"]);
    rescanThreads(t.db);
    const input = rules.seen.at(-1)!;
    expect(input.article.title).toBe(makeThread().article.title);
    expect(input.comments.map((c) => [c.external_id, c.parent_external_id, c.body])).toEqual([
      ["c0", null, "first"],
      ["c1", "c0", "reply"],
    ]);
  });

  it("rescans only the thread asked for, and names an unknown one", () => {
    const lane = importThread("Lane", ["you idiot"]);
    importThread("Depot", ["you idiot too"]);
    rules.word = "too";
    expect(rescanThreads(t.db, { threadId: lane })).toEqual([{ id: lane, title: "Lane", comments: 1, flagged: 0, changed: 1 }]);
    expect(t.db.prepare("SELECT COUNT(*) FROM flags WHERE rule = 'test.idiot'").pluck().get()).toBe(1);
    expect(() => rescanThreads(t.db, { threadId: "t_nope" })).toThrow(NotFoundError);
  });
});

describe("rescanThreadsInTurns", () => {
  it("gives the same result as rescanThreads and lets other work run between threads", async () => {
    importThread("Lane", ["you idiot", "fine"]);
    importThread("Park", ["an idiot again"]);
    rules.word = "fine";
    let otherWorkRan = false;
    const pending = rescanThreadsInTurns(t.db);
    setImmediate(() => {
      otherWorkRan = true;
    });
    const results = await pending;
    expect(otherWorkRan).toBe(true);
    expect(results.map((r) => r.changed).sort()).toEqual([1, 2]);
    expect(rescanThreads(t.db).map((r) => r.changed)).toEqual([0, 0]);
  });
});
