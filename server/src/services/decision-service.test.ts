import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { ConflictError, NotFoundError } from "../errors";
import { decideComment, listCommentDecisions } from "./decision-service";
import { commentIdFor } from "./ids";
import { storeThread } from "./import-service";
import { makeComment, makeThread } from "./test-fixtures";
import { RULE_PACK_VERSION } from "@sift/shared/rules";

let t: ReturnType<typeof createTestDb>;
let id: string;
beforeEach(() => {
  t = createTestDb();
  const { comments, ...meta } = makeThread({ comments: [makeComment("a")] });
  const thread = t.db.transaction(() =>
    storeThread(t.db, meta, comments.map((comment) => ({ comment, flags: [] })), { sourceFile: null, now: "2026-01-01T00:00:00.000Z" }),
  )();
  id = commentIdFor(thread.id, "a");
});
afterEach(() => t.cleanup());

const at = (s: number) => new Date(Date.UTC(2026, 0, 2, 0, 0, s));

describe("decideComment", () => {
  it("approves and removes, logging each change", () => {
    expect(decideComment(t.db, id, { action: "approve" }, at(1))).toMatchObject({ status: "approved", version: 2, can_undo: true });
    const removed = decideComment(t.db, id, { action: "remove", reason: "spam", moderator: "mo" }, at(2));
    expect(removed).toMatchObject({ status: "removed", decided_at: at(2).toISOString(), version: 3 });
    expect(listCommentDecisions(t.db, id).map((d) => [d.action, d.from_status, d.to_status, d.reason, d.moderator])).toEqual([
      ["approve", "pending", "approved", null, null],
      ["remove", "approved", "removed", "spam", "mo"],
    ]);
  });

  it("undo walks the log back one decision at a time", () => {
    decideComment(t.db, id, { action: "approve" }, at(1));
    decideComment(t.db, id, { action: "remove" }, at(2));
    expect(decideComment(t.db, id, { action: "undo" }, at(3)).status).toBe("approved");
    const back = decideComment(t.db, id, { action: "undo" }, at(4));
    expect(back).toMatchObject({ status: "pending", decided_at: null, can_undo: false });
    expect(() => decideComment(t.db, id, { action: "undo" }, at(5))).toThrow(ConflictError);
    expect(listCommentDecisions(t.db, id).map((d) => d.action)).toEqual(["approve", "remove", "undo", "undo"]);
  });

  it("refuses a stale version and an unknown comment", () => {
    expect(() => decideComment(t.db, id, { action: "approve", version: 7 })).toThrow(ConflictError);
    expect(() => decideComment(t.db, "c_nope", { action: "approve" })).toThrow(NotFoundError);
    expect(listCommentDecisions(t.db, id)).toEqual([]);
  });
});

describe("decisions record the rule pack", () => {
  it("stores the version of the pack that flagged the comment, and null for an unflagged one", () => {
    const flag = { category: "insult" as const, rule: "insult.test", evidence: "x", start: 0, end: 1, explanation: "test", confidence: 1 };
    const { comments, ...meta } = makeThread({ title: "Flagged", url: "https://example.org/flagged", comments: [makeComment("f")] });
    const thread = t.db.transaction(() =>
      storeThread(t.db, meta, comments.map((comment) => ({ comment, flags: [flag] })), { sourceFile: null, now: "2026-01-01T00:00:00.000Z" }),
    )();
    const flagged = commentIdFor(thread.id, "f");
    decideComment(t.db, flagged, { action: "remove", reason: "insult" }, at(1));
    decideComment(t.db, id, { action: "approve" }, at(2));
    expect(listCommentDecisions(t.db, flagged).map((d) => d.rule_pack_version)).toEqual([RULE_PACK_VERSION]);
    expect(listCommentDecisions(t.db, id).map((d) => d.rule_pack_version)).toEqual([null]);
  });
});
