import type { Category, Flag } from "@sift/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { AppError } from "../errors";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { recountQueueViews } from "../db/queue-repo";
import { storePreparedFile } from "./import-service";
import { BULK_LOAD_COMMENTS } from "./import-store";
import { areViewCountsConsistent, countViews, listQueuePage } from "./queue-service";
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
