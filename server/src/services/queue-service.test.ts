import type { Category, Flag } from "@sift/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { AppError } from "../errors";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { recountQueueViews } from "../db/queue-repo";
import { FEW_MATCHES, isCommonSearch, toFtsQuery } from "../db/search-repo";
import { storePreparedFile } from "./import-service";
import { BULK_LOAD_COMMENTS } from "./import-store";
import { areViewCountsConsistent, countViews, listQueuePage, type QueueItem, type QueueQuery } from "./queue-service";
import { makeComment, makeThread } from "./test-fixtures";

const flag = (category: Category): Flag => ({ category, rule: `test.${category}`, evidence: "x", start: null, end: null, explanation: "x", confidence: 1 });

let t: ReturnType<typeof createTestDb>;
let threadId: string;
beforeEach(() => {
  t = createTestDb();
  const thread = makeThread({
    comments: ["a", "b", "c", "d", "e"].map((id) => makeComment(id, { body: `body ${id}` })),
  });
  const flags: Flag[][] = [[flag("spam")], [], [flag("profanity"), flag("threat")], [flag("spam")], []];
  threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread, flags }] })[0]!.id;
});
afterEach(() => t.cleanup());

const ids = (page: { comments: { id: string }[] }) => page.comments.map((c) => c.id);
const cid = (ext: string) => commentIdFor(threadId, ext);

describe("listQueuePage", () => {
  it("review lists flagged pending comments, most severe first, then page order", () => {
    const page = listQueuePage(t.db, { view: "review", limit: 10 });
    expect(ids(page)).toEqual([cid("c"), cid("a"), cid("d")]);
    expect(page.comments[0]!.flags.map((f) => f.category)).toEqual(["profanity", "threat"]);
    expect(page.next_cursor).toBeNull();
  });

  it("review lists comments a site rule holds first, ahead of threats, and pages through them", () => {
    const held: Flag = { ...flag("off_topic"), rule: "site.hold-me", action: "hold" };
    const thread = makeThread({ external_id: "held", comments: [makeComment("h1"), makeComment("h2")] });
    const heldThread = storePreparedFile(t.db, { file: "g", threads: [{ thread, flags: [[held], []] }] })[0]!.id;
    const first = listQueuePage(t.db, { view: "review", limit: 1 });
    expect(ids(first)).toEqual([commentIdFor(heldThread, "h1")]);
    expect(ids(listQueuePage(t.db, { view: "review", limit: 10, cursor: first.next_cursor! }))).toEqual([cid("c"), cid("a"), cid("d")]);
  });

  it("pages with a keyset cursor without gaps or repeats", () => {
    const first = listQueuePage(t.db, { view: "pending", limit: 2 });
    const second = listQueuePage(t.db, { view: "pending", limit: 2, cursor: first.next_cursor! });
    const third = listQueuePage(t.db, { view: "pending", limit: 2, cursor: second.next_cursor! });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(["a", "b", "c", "d", "e"].map(cid));
    expect(third.next_cursor).toBeNull();
  });

  it("filters by category, text and thread, and moves decided comments between views", () => {
    expect(ids(listQueuePage(t.db, { view: "all", category: "spam", limit: 10 }))).toEqual([cid("a"), cid("d")]);
    expect(ids(listQueuePage(t.db, { view: "all", q: "BODY e", limit: 10 }))).toEqual([cid("e")]);
    expect(listQueuePage(t.db, { view: "all", q: "%", limit: 10 }).comments).toEqual([]);
    expect(listQueuePage(t.db, { view: "all", thread: "t_other", limit: 10 }).comments).toEqual([]);
    decideComment(t.db, cid("c"), { action: "remove" });
    expect(ids(listQueuePage(t.db, { view: "removed", limit: 10 }))).toEqual([cid("c")]);
    expect(countViews(t.db)).toEqual({ review: 2, pending: 4, approved: 0, removed: 1, all: 5 });
  });

  it("rejects a cursor it did not give out", () => {
    expect(() => listQueuePage(t.db, { view: "all", limit: 2, cursor: "garbage" })).toThrow(AppError);
  });
});

describe("countViews (maintained counts)", () => {
  const agree = (thread?: string) => expect(countViews(t.db, thread)).toEqual(recountQueueViews(t.db, thread));
  const storeBodies = (title: string, n: number, flagEvery: number) => {
    const comments = Array.from({ length: n }, (_, i) => makeComment(`x${i}`, { body: `bulk ${i}` }));
    const flags = comments.map((_, i) => (i % flagEvery === 0 ? [flag("spam")] : []));
    return storePreparedFile(t.db, { file: "g", threads: [{ thread: makeThread({ title, comments }), flags }] })[0]!.id;
  };

  it("agree with a full recount after imports, decisions, undo, re-imports that drop comments and bulk loads", () => {
    agree();
    decideComment(t.db, cid("a"), { action: "approve" });
    decideComment(t.db, cid("c"), { action: "remove" });
    decideComment(t.db, cid("c"), { action: "undo" });
    agree();
    agree(threadId);
    const bulk = storeBodies("A big thread", BULK_LOAD_COMMENTS + 10, 7);
    agree();
    agree(bulk);
    storeBodies("A big thread", 20, 3); // re-import: most comments vanish
    agree(bulk);
    const small = storeBodies("A small thread", 12, 2);
    agree(small);
    expect(countViews(t.db, small)).toEqual({ review: 6, pending: 12, approved: 0, removed: 0, all: 12 });
    t.db.prepare("DELETE FROM threads WHERE id = ?").run(small);
    agree();
    expect(areViewCountsConsistent(t.db)).toBe(true);
    t.db.prepare("UPDATE view_counts SET total = total + 1 WHERE thread_id = ?").run(bulk);
    expect(areViewCountsConsistent(t.db)).toBe(false);
  });
});

describe("listQueuePage with common and rare filters (two query plans, one answer)", () => {
  // Enough comments that a common word and a common rule take the walk-the-queue plan and a rare
  // one the look-up-the-matches plan; every filtered listing must equal the unfiltered one filtered here.
  const N = FEW_MATCHES + 600;
  beforeEach(() => {
    const comments = Array.from({ length: N }, (_, i) =>
      makeComment(`m${i}`, {
        // Posted out of page order, with ties, so the queue order is not the insertion order.
        posted_at: new Date(Date.UTC(2026, 0, 1) + ((i * 7919) % 997) * 60_000).toISOString(),
        body: i % 97 === 0 ? `common words and a rarity ${i}` : `common words ${i}`,
      }),
    );
    const flags = comments.map((_, i): Flag[] => {
      const out: Flag[] = [];
      if (i % 2 === 0) out.push({ ...flag("spam"), rule: "test.frequent" });
      if (i % 89 === 0) out.push({ ...flag("threat"), rule: "test.seldom" });
      return out;
    });
    storePreparedFile(t.db, { file: "many", threads: [{ thread: makeThread({ external_id: "many", comments }), flags }] });
    for (let i = 0; i < N; i += 5) decideComment(t.db, commentIdFor(storedThread(), `m${i}`), { action: i % 10 ? "remove" : "approve" });
  });
  const storedThread = () => (t.db.prepare("SELECT thread_id FROM comments WHERE external_id = 'm0'").get() as { thread_id: string }).thread_id;

  const pageThrough = (query: Omit<QueueQuery, "limit" | "cursor">): QueueItem[] => {
    const out: QueueItem[] = [];
    let cursor: string | undefined;
    do {
      const page = listQueuePage(t.db, { ...query, limit: 200, cursor });
      out.push(...page.comments);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  };

  it("chooses the plan by how many comments match", () => {
    expect(isCommonSearch(t.db, toFtsQuery("common")!)).toBe(true);
    expect(isCommonSearch(t.db, toFtsQuery("rarity")!)).toBe(false);
  });

  it.each([
    ["a common word", { q: "common" }, (c: QueueItem) => /\bcommon/i.test(c.body)],
    ["a rare word", { q: "rarity" }, (c: QueueItem) => /\brarity/i.test(c.body)],
    ["a word nothing has", { q: "absent" }, () => false],
    ["a common rule", { rule: "test.frequent" }, (c: QueueItem) => c.flags.some((f) => f.rule === "test.frequent")],
    ["a rare rule", { rule: "test.seldom" }, (c: QueueItem) => c.flags.some((f) => f.rule === "test.seldom")],
    ["a rule that flagged nothing", { rule: "test.never" }, () => false],
    ["a common category", { category: "spam" as const }, (c: QueueItem) => c.flags.some((f) => f.category === "spam")],
    ["a rare category", { category: "threat" as const }, (c: QueueItem) => c.flags.some((f) => f.category === "threat")],
    ["a rare word and a common rule", { q: "rarity", rule: "test.frequent" }, (c: QueueItem) => /\brarity/.test(c.body) && c.flags.some((f) => f.rule === "test.frequent")],
  ])("%s: the same comments in the same order as the unfiltered view, in every view", (_name, filter, keep) => {
    for (const view of ["review", "pending", "approved", "removed", "all"] as const) {
      const expected = pageThrough({ view }).filter(keep).map((c) => c.id);
      expect(pageThrough({ view, ...filter }).map((c) => c.id), view).toEqual(expected);
    }
  });
});
