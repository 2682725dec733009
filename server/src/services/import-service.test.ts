import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Flag } from "@sift/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../db/test-db";
import { ImportError } from "../errors";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { importFile, storePreparedFile, type PreparedFile } from "./import-service";
import { makeComment, makeThread } from "./test-fixtures";

// The real rules are written elsewhere; here a comment is flagged when it says "idiot", so tests don't depend on them.
vi.mock("@sift/shared/rules", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@sift/shared/rules")>()),
  RULE_PACK_VERSION: "test",
  evaluateThread: (thread: { comments: { body: string }[] }): Flag[][] =>
    thread.comments.map((c) => {
      const start = c.body.indexOf("idiot");
      return start < 0
        ? []
        : [{ category: "insult", rule: "test.idiot", evidence: "idiot", start, end: start + 5, explanation: "says idiot", confidence: 0.9 }];
    }),
}));

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

const count = (table: string) => t.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
const dump = () => ({
  threads: t.db.prepare("SELECT * FROM threads ORDER BY id").all(),
  comments: t.db.prepare("SELECT * FROM comments ORDER BY id").all(),
  flags: t.db.prepare("SELECT * FROM flags ORDER BY id").all(),
  decisions: t.db.prepare("SELECT * FROM decisions ORDER BY id").all(),
});

function prepared(...threads: ReturnType<typeof makeThread>[]): PreparedFile {
  return {
    file: "page.txt",
    threads: threads.map((thread) => ({
      thread,
      flags: thread.comments.map((c) =>
        c.body.includes("idiot")
          ? [{ category: "insult" as const, rule: "test.idiot", evidence: "idiot", start: c.body.indexOf("idiot"), end: c.body.indexOf("idiot") + 5, explanation: "x", confidence: 1 }]
          : [],
      ),
    })),
  };
}

describe("storePreparedFile", () => {
  it("stores thread, comments with stable ids and parents, and flags", () => {
    const thread = makeThread({ comments: [makeComment("a"), makeComment("b", { parent_external_id: "a", body: "you idiot" })] });
    const [result] = storePreparedFile(t.db, prepared(thread));
    expect(result).toMatchObject({ title: thread.title, format: "text-page", comments: 2, flagged: 1 });
    expect(result!.id).toMatch(/^t_[0-9a-f]{12}$/);
    const b = t.db.prepare("SELECT * FROM comments WHERE external_id = 'b'").get() as Record<string, unknown>;
    expect(b).toMatchObject({ id: commentIdFor(result!.id, "b"), parent_id: commentIdFor(result!.id, "a"), position: 2, severity: 2 });
    expect(count("flags")).toBe(1);
  });

  it("writes a file in one transaction: a failing second thread leaves the database unchanged", () => {
    storePreparedFile(t.db, prepared(makeThread({ title: "Earlier thread" })));
    const before = dump();
    const broken = makeThread({ title: "Broken", comments: [makeComment("x"), makeComment("x")] });
    expect(() => storePreparedFile(t.db, prepared(makeThread({ title: "Fine" }), broken))).toThrow(
      /page\.txt: comment id "x" appears twice/,
    );
    expect(dump()).toEqual(before);
  });

  it("re-import updates in place, keeps decisions and adds new comments without duplicating", () => {
    const first = makeThread();
    const { id } = storePreparedFile(t.db, prepared(first))[0]!;
    decideComment(t.db, commentIdFor(id, "a"), { action: "remove", reason: "rude" });
    const second = makeThread({
      comments: [
        makeComment("a", { body: "edited body", initial_status: "approved" }),
        makeComment("b", { parent_external_id: "a", body: "now an idiot" }),
        makeComment("c"),
        makeComment("d", { initial_status: "removed" }),
      ],
    });
    const [again] = storePreparedFile(t.db, prepared(second));
    expect(again).toMatchObject({ id, comments: 4, flagged: 1 });
    expect(count("comments")).toBe(4);
    expect(count("decisions")).toBe(1);
    const rows = t.db.prepare("SELECT external_id, status, body FROM comments ORDER BY position").all();
    expect(rows).toEqual([
      { external_id: "a", status: "removed", body: "edited body" },
      { external_id: "b", status: "pending", body: "now an idiot" },
      { external_id: "c", status: "pending", body: "Comment c about the cycle lane." },
      { external_id: "d", status: "removed", body: "Comment d about the cycle lane." },
    ]);
    expect(count("flags")).toBe(1);
  });

  it("drops comments that vanished from the page unless a moderator decided on them", () => {
    const { id } = storePreparedFile(t.db, prepared(makeThread()))[0]!;
    decideComment(t.db, commentIdFor(id, "c"), { action: "approve" });
    storePreparedFile(t.db, prepared(makeThread({ comments: [makeComment("a")] })));
    const rows = t.db.prepare("SELECT external_id, position FROM comments ORDER BY position").all();
    expect(rows).toEqual([
      { external_id: "a", position: 1 },
      { external_id: "c", position: 2 },
    ]);
  });

  it("keys a thread by external id, else url, else normalised title", () => {
    const [a] = storePreparedFile(t.db, prepared(makeThread({ title: "Hello  World" })));
    const [b] = storePreparedFile(t.db, prepared(makeThread({ title: "hello world" })));
    const [c] = storePreparedFile(t.db, prepared(makeThread({ url: "https://example.org/x" })));
    expect(a!.id).toBe(b!.id);
    expect(c!.id).not.toBe(a!.id);
    expect(count("threads")).toBe(2);
  });
});

describe("importFile", () => {
  it("names the file and the problem for an empty file, and writes nothing", () => {
    const path = join(t.dir, "empty.txt");
    writeFileSync(path, "");
    expect(() => importFile(t.db, path)).toThrow(ImportError);
    expect(() => importFile(t.db, path)).toThrow(`${path}: the file is empty`);
    expect(count("threads")).toBe(0);
  });

  it("names a missing file", () => {
    expect(() => importFile(t.db, join(t.dir, "nope.csv"))).toThrow(/nope\.csv: no such file/);
  });

  it("imports a CSV export through the registry and runs the rules", () => {
    const path = join(t.dir, "comments.csv");
    writeFileSync(path, "id,author,body\n1,Ann,Nice lane\n2,Bob,you idiot\n");
    const result = importFile(t.db, path, { format: "csv" });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ format: "csv", comments: 2, flagged: 1 });
  });
});
