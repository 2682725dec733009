import { describe, expect, it } from "vitest";
import { ThreadImportSchema } from "@sift/shared";
import { buildThreadsFromRecords, mapColumns, normalizeParagraphs, parseTimestamp, toInitialStatus, valueToText } from "./records";

describe("mapColumns", () => {
  it.each([
    [["ID", "Parent ID", "User-Name", "Comment Text", "Created At"], { id: "ID", parent: "Parent ID", author: "User-Name", body: "Comment Text", postedAt: "Created At" }],
    [["comment_id", "reply_to", "display_name", "content", "created_utc", "discussion_id", "article_title", "permalink", "STATUS"],
      { id: "comment_id", parent: "reply_to", author: "display_name", body: "content", postedAt: "created_utc", threadId: "discussion_id", threadTitle: "article_title", threadUrl: "permalink", status: "STATUS" }],
    // "name" is an author alias; it must not also become anything else, and body prefers "body" over "message".
    [["name", "message", "body", "post"], { author: "name", body: "body", threadId: "post" }],
    [["score", "votes"], {}],
  ])("%j", (columns, expected) => expect(mapColumns(columns)).toEqual(expected));
});

describe("parseTimestamp", () => {
  it.each([
    ["2024-03-02T09:15:00Z", "2024-03-02T09:15:00.000Z"],
    ["2024-03-02T11:15:00+02:00", "2024-03-02T09:15:00.000Z"],
    ["2024-03-02 09:15", "2024-03-02T09:15:00.000Z"],
    ["2024-03-02 09:15:30", "2024-03-02T09:15:30.000Z"],
    ["2024-03-02T09:15:30.250", "2024-03-02T09:15:30.250Z"],
    ["2024-03-02", "2024-03-02T00:00:00.000Z"],
    ["1709371200", "2024-03-02T09:20:00.000Z"],
    [1709371200, "2024-03-02T09:20:00.000Z"],
    [1709371200123, "2024-03-02T09:20:00.123Z"],
    ["1709371200.5", "2024-03-02T09:20:00.500Z"],
    ["Sat, 02 Mar 2024 09:15:00 GMT", "2024-03-02T09:15:00.000Z"],
    ["2024-03-02 10:15:00+01", "2024-03-02T09:15:00.000Z"],
    ["2024-03-02T09:15:00.000+0000", "2024-03-02T09:15:00.000Z"],
    ["2024-03-02 09:15:00 UTC", "2024-03-02T09:15:00.000Z"],
    ["2024/03/02 09:15", "2024-03-02T09:15:00.000Z"],
    ["Mar 2, 2024 9:15 AM", null],
    ["2024-02-31 10:00", null],
    ["2024-03-02 25:00", null],
    ["03/02/2024", null],
    ["3 hours ago", null],
    ["", null],
    [0, null],
    [null, null],
  ])("%j → %s", (input, expected) => expect(parseTimestamp(input)).toBe(expected));
});

describe("small helpers", () => {
  it.each([
    ["Spam", "", "removed"],
    ["DELETED", "", "removed"],
    ["approved", "", "approved"],
    ["", "[removed]", "removed"],
    ["weird", "hello", "pending"],
  ] as const)("status %s / body %s → %s", (status, body, expected) => expect(toInitialStatus(status, body)).toBe(expected));

  it("joins paragraphs with exactly one blank line", () => {
    expect(normalizeParagraphs("  a\r\n\r\n \r\n\tb\nc\n\n\n")).toBe("a\n\n\tb\nc");
  });

  it("reads names out of nested author objects", () => {
    expect(valueToText({ name: "Priya", username: "p" })).toBe("Priya");
    expect(valueToText(12)).toBe("12");
    expect(valueToText(null)).toBe("");
  });
});

describe("buildThreadsFromRecords", () => {
  const columns = mapColumns(["id", "parent_id", "author", "body"]);
  const build = (rows: Record<string, unknown>[], fileName?: string) =>
    buildThreadsFromRecords(rows.map((values) => ({ values })), columns, { format: "csv", fileName });

  it("orders replies after their parents, siblings in file order, and breaks reply loops", () => {
    const result = build([
      { id: "c", parent_id: "a", author: "x", body: "3" },
      { id: "a", parent_id: "", author: "x", body: "1" },
      { id: "b", parent_id: "0", author: "x", body: "2" },
      { id: "d", parent_id: "c", author: "x", body: "4" },
      { id: "e", parent_id: "a", author: "x", body: "5" },
      { id: "y", parent_id: "z", author: "x", body: "loop" },
      { id: "z", parent_id: "y", author: "x", body: "loop" },
    ]);
    if (!result.ok) throw new Error("expected ok");
    const thread = ThreadImportSchema.parse(result.threads[0]);
    expect(thread.comments.map((c) => `${c.external_id}<${c.parent_external_id ?? "-"}`)).toEqual(["a<-", "c<a", "d<c", "e<a", "b<-", "y<-", "z<y"]);
    expect(thread.notes).toEqual(["reply loops (a answers b answers a) broken by showing 1 comment as top-level"]);
    expect(thread.title).toBe("Imported comments");
  });

  it("derives stable ids, suffixes repeated ids, and matches t1_ parents to bare ids", () => {
    const rows = [
      { author: "ann", body: "no id" },
      { id: "k1", author: "bob", body: "one" },
      { id: "k1", author: "bob", body: "one again" },
      { id: "k2", parent_id: "t1_k1", author: "cy", body: "reply" },
    ];
    const first = build(rows, "exports/site.csv");
    const second = build(rows, "exports/site.csv");
    expect(first).toEqual(second);
    if (!first.ok) throw new Error("expected ok");
    const thread = first.threads[0]!;
    expect(thread.title).toBe("site");
    expect(thread.comments.map((c) => c.external_id)).toEqual([expect.stringMatching(/^row-1-[0-9a-f]{12}$/), "k1", "k2", "k1#2"]);
    expect(thread.comments[2]!.parent_external_id).toBe("k1");
    expect(thread.notes).toEqual(['ids repeated by 1 record: given a "#2"-style suffix']);
  });

  it("skips wholly empty records and rejects a record set with none left", () => {
    const result = build([{ id: "", body: " " }]);
    expect(result).toEqual({ ok: false, issues: [{ message: "the file holds no comment records" }] });
  });
});
