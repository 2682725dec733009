import { ExportDocumentSchema, type Flag } from "@sift/shared";
import { RULE_PACK_VERSION } from "@sift/shared/rules";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { NotFoundError } from "../errors";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { storePreparedFile } from "./import-service";
import { buildReportDocument } from "./report-service";
import { makeComment, makeThread } from "./test-fixtures";

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

const insult: Flag = { category: "insult", rule: "insult.test", evidence: "idiot", start: 4, end: 9, explanation: "calls someone an idiot", confidence: 0.8 };

describe("buildReportDocument (the CONTRACT export)", () => {
  it("matches the CONTRACT shape, with stable parent ids, 1-based positions, statuses and each comment's decision", () => {
    const thread = makeThread({
      comments: [makeComment("a"), makeComment("b", { parent_external_id: "a", body: "you idiot" })],
    });
    const { id } = storePreparedFile(t.db, { file: "f", threads: [{ thread, flags: [[], [insult]] }] })[0]!;
    decideComment(t.db, commentIdFor(id, "b"), { action: "remove", moderator: "mo", reason: "abusive" }, new Date("2026-11-25T09:00:00Z"));
    const { summary, ...doc } = buildReportDocument(t.db, {}, new Date("2026-11-25T10:00:00.123Z"));
    expect(ExportDocumentSchema.parse(doc)).toEqual(doc);
    expect(summary.totals.comments).toBe(2);
    expect(doc.generated_at).toBe("2026-11-25T10:00:00Z");
    expect(doc.threads[0]).toEqual({
      id,
      title: thread.title,
      url: null,
      format: "text-page",
      source_note: thread.source_note,
      article: thread.article,
      declared_comment_count: 3,
      comments: [
        { id: commentIdFor(id, "a"), position: 1, parent_id: null, author: "author a", posted_at: null, body: thread.comments[0]!.body, status: "pending", flags: [], decision: null },
        {
          id: commentIdFor(id, "b"), position: 2, parent_id: commentIdFor(id, "a"), author: "author b", posted_at: null, body: "you idiot", status: "removed", flags: [insult],
          decision: { action: "remove", moderator: "mo", reason: "abusive", decided_at: "2026-11-25T09:00:00.000Z", rule_pack_version: RULE_PACK_VERSION },
        },
      ],
    });
  });

  it("filters by thread and names an unknown one", () => {
    const [a] = storePreparedFile(t.db, { file: "f", threads: [{ thread: makeThread({ title: "A" }), flags: [] }] });
    storePreparedFile(t.db, { file: "g", threads: [{ thread: makeThread({ title: "B" }), flags: [] }] });
    expect(buildReportDocument(t.db).threads).toHaveLength(2);
    expect(buildReportDocument(t.db, { threads: [a!.id] }).threads.map((x) => x.title)).toEqual(["A"]);
    expect(() => buildReportDocument(t.db, { threads: ["t_nope"] })).toThrow(NotFoundError);
  });
});
