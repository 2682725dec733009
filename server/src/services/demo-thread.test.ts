import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { buildReportDocument } from "./report-service";
import { importFile } from "./import-service";

// The thread `npm start` imports into an empty database: it must keep parsing as the text-page parser evolves.
const DEMO = fileURLToPath(new URL("../../demo/demo-thread.txt", import.meta.url));

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

describe("the shipped demo thread", () => {
  it("imports as a text page with its article and all 18 comments", () => {
    const [thread] = importFile(t.db, DEMO);
    expect(thread).toMatchObject({ format: "text-page", comments: 18 });
    const doc = buildReportDocument(t.db);
    const exported = doc.threads[0]!;
    expect(exported.title).toBe("Ashworth Council Splits Over Harbour Road Cycle Lane As Shopkeepers Push Back");
    expect(exported.source_note).toMatch(/^Originally appeared at the Ashworth Weekly Ledger/);
    expect(exported.declared_comment_count).toBe(18);
    expect(exported.article.body.split("\n\n")).toHaveLength(6);
    expect(exported.comments[0]).toMatchObject({ author: "Tom Whitaker", position: 1 });
    expect(exported.comments[17]).toMatchObject({ author: "Helen Pryce", position: 18 });
    expect(exported.comments.some((c) => c.flags.length > 0)).toBe(true);
  });
});
