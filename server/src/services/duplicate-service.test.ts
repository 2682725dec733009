import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { commentIdFor } from "./ids";
import { storePreparedFile } from "./import-service";
import { listDuplicateGroups, nearDuplicateKey } from "./duplicate-service";
import { makeComment, makeThread } from "./test-fixtures";

describe("nearDuplicateKey", () => {
  it.each([
    ["BUY cheap pills!!! http://a.example 50% off", "buy cheap pills off"],
    ["buy   cheap pills http://b.example 60% OFF", "buy cheap pills off"],
    ["Café owners, unite.", "cafe owners unite"],
  ])("%j → %j", (body, key) => {
    expect(nearDuplicateKey(body)).toBe(key);
  });
});

describe("listDuplicateGroups", () => {
  let t: ReturnType<typeof createTestDb>;
  let threadId: string;
  beforeEach(() => {
    t = createTestDb();
    const bodies = ["Buy cheap pills at http://a.example now", "buy CHEAP pills at www.b.example NOW!!", "I like the lane", "+1", "+1", "BUY cheap pills at now"];
    const comments = bodies.map((body, i) => makeComment(`c${i}`, { body, author: `a${i % 2}` }));
    threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread: makeThread({ comments }), flags: comments.map(() => []) }] })[0]!.id;
  });
  afterEach(() => t.cleanup());

  it("groups comments with nearly the same text across authors, ignoring short generic ones", () => {
    expect(listDuplicateGroups(t.db, { view: "all" })).toEqual([
      { key: "buy cheap pills at now", ids: ["c0", "c1", "c5"].map((e) => commentIdFor(threadId, e)), authors: 2, sample: "Buy cheap pills at http://a.example now" },
    ]);
    expect(listDuplicateGroups(t.db, { view: "approved" })).toEqual([]);
  });
});
