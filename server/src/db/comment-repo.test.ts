import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countSeverityMismatches, findCommentById, upsertComment, type CommentWrite } from "./comment-repo";
import { insertDecision } from "./decision-repo";
import { createTestDb } from "./test-db";
import { upsertThread } from "./thread-repo";

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
  upsertThread(t.db, {
    id: "t_1", key: "title:x", external_id: null, format: "csv", title: "X", url: null, source_note: null,
    article_title: "X", article_body: "", declared_comment_count: null, source_file: null,
    imported_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z",
  });
});
afterEach(() => t.cleanup());

const base: CommentWrite = {
  id: "c_1", thread_id: "t_1", external_id: "e1", position: 1, parent_id: null, author: "Ann",
  posted_at: null, body: "hello", status: "pending", severity: null,
};

describe("upsertComment", () => {
  it("inserts, then updates in place without duplicating", () => {
    upsertComment(t.db, base);
    upsertComment(t.db, { ...base, body: "hello again", position: 2 });
    const rows = t.db.prepare("SELECT * FROM comments").all();
    expect(rows).toHaveLength(1);
    expect(findCommentById(t.db, "c_1")).toMatchObject({ body: "hello again", position: 2, version: 2 });
  });

  it("keeps the version when nothing changed", () => {
    upsertComment(t.db, base);
    upsertComment(t.db, base);
    expect(findCommentById(t.db, "c_1")?.version).toBe(1);
  });

  it("follows the source's status until a moderator decides, then never again", () => {
    upsertComment(t.db, base);
    upsertComment(t.db, { ...base, status: "removed" });
    expect(findCommentById(t.db, "c_1")?.status).toBe("removed");
    t.db.prepare("UPDATE comments SET status = 'approved' WHERE id = 'c_1'").run();
    insertDecision(t.db, {
      comment_id: "c_1", action: "approve", from_status: "removed", to_status: "approved",
      reason: null, moderator: null, decided_at: "2026-01-02T00:00:00.000Z",
    });
    upsertComment(t.db, { ...base, status: "pending" });
    expect(findCommentById(t.db, "c_1")?.status).toBe("approved");
  });

  it("rejects a status outside the three", () => {
    expect(() => upsertComment(t.db, { ...base, status: "hidden" as never })).toThrow(/CHECK/);
  });

  it("keeps the decision log append-only", () => {
    upsertComment(t.db, base);
    insertDecision(t.db, {
      comment_id: "c_1", action: "remove", from_status: "pending", to_status: "removed",
      reason: null, moderator: null, decided_at: "2026-01-02T00:00:00.000Z",
    });
    expect(() => t.db.prepare("UPDATE decisions SET reason = 'x'").run()).toThrow(/append-only/);
  });
});

describe("countSeverityMismatches", () => {
  it("counts comments whose severity says flagged without flags, or unflagged with them", () => {
    upsertComment(t.db, base);
    upsertComment(t.db, { ...base, id: "c_2", external_id: "e2", position: 2, severity: 2 });
    const flag = t.db.prepare("INSERT INTO flags (comment_id, category, rule, evidence, explanation, confidence, rule_pack_version) VALUES (?, 'insult', 'insult.test', 'x', 'x', 1, 'test')");
    flag.run("c_2");
    expect(countSeverityMismatches(t.db)).toBe(0);
    flag.run("c_1");
    t.db.prepare("UPDATE comments SET severity = NULL WHERE id = 'c_2'").run();
    expect(countSeverityMismatches(t.db)).toBe(2);
  });
});
