import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadImportSchema, type ParseResult, type ThreadImport } from "@sift/shared";
import { detectJsonLines, detectJsonRecords, parseJsonLines, parseJsonRecords, parseJsonText, jsonFormat } from "./json-records";
import { parseGrouped } from "./grouped";

const NO_TEXT = /^no comment text column: expected one of body, text, comment, message, content$/;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function threadsOf(result: ParseResult): ThreadImport[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.threads.map((t) => ThreadImportSchema.parse(t));
}

describe("parseJsonRecords", () => {
  it("reads a Disqus-style API response: wrapper object, nested authors, numeric parents out of order", () => {
    const [thread, ...rest] = threadsOf(parseJsonRecords(fixture("json-disqus.json"), { fileName: "library-budget.json" }));
    expect(rest).toEqual([]);
    expect(thread).toMatchObject({ external_id: "10050001", format: "json", title: "library-budget", source_note: "imported from library-budget.json" });
    expect(thread!.comments).toEqual([
      { external_id: "6130000001", parent_external_id: null, author: "Priya", posted_at: "2024-02-10T18:04:11.000Z", body: "This budget leaves out the libraries entirely.\n\nAgain.", initial_status: "pending" },
      { external_id: "6130000002", parent_external_id: "6130000001", author: "Guest", posted_at: "2024-02-10T18:40:52.000Z", body: "The libraries got a 2% raise last year.", initial_status: "pending" },
      { external_id: "6130000003", parent_external_id: "6130000002", author: "Priya", posted_at: "2024-02-10T19:30:00.000Z", body: "Fair, but opening hours were cut twice.", initial_status: "pending" },
    ]);
  });

  it("reads a custom export with spaced column names, grouping threads by title", () => {
    const threads = threadsOf(parseJsonRecords(fixture("json-custom.json")));
    expect(threads.map((t) => [t.title, t.url, t.external_id, t.comments.length])).toEqual([
      ["Harbour festival in pictures", "https://news.example.test/harbour-festival", null, 2],
      ["Ferry timetable changes", "https://news.example.test/ferry-times", null, 1],
    ]);
    expect(threads[0]!.comments.map((c) => [c.author, c.posted_at, c.initial_status])).toEqual([
      ["seaside_sue", "2024-06-01T10:00:00.000Z", "pending"],
      ["carless", "2024-06-01T11:10:00.000Z", "removed"],
    ]);
    expect(threads[1]!.comments[0]!.posted_at).toBeNull();
  });

  it("applies a wrapper's thread fields to every record", () => {
    const text = JSON.stringify({ title: "Town hall", url: "https://t.example/hall", comments: [{ id: 1, text: "hi" }, { id: 2, text: "yo", parent_id: 1 }] });
    const [thread] = threadsOf(parseJsonRecords(text));
    expect(thread).toMatchObject({ title: "Town hall", url: "https://t.example/hall" });
    expect(thread!.comments.map((c) => c.parent_external_id)).toEqual([null, "1"]);
  });

  it("takes thread id, title, url and article from a wrapper's thread object", () => {
    const [thread] = threadsOf(parseJsonRecords(fixture("json-thread-wrapper.json")));
    expect(thread).toMatchObject({
      external_id: "post-42",
      title: "Should the market square go car-free?",
      url: "https://citydesk.example.test/market-square",
      article: { title: "Should the market square go car-free?", body: "The council will vote on Thursday.\n\nShops are split." },
    });
    expect(thread!.comments.map((c) => [c.external_id, c.parent_external_id, c.initial_status, c.posted_at])).toEqual([
      ["p1", null, "approved", "2024-08-30T07:12:00.000Z"],
      ["p2", "p1", "pending", "2024-08-30T07:40:00.000Z"],
      ["p3", null, "removed", "2024-08-30T08:00:00.000Z"],
    ]);
  });

  it("accepts a single record object", () => {
    const [thread] = threadsOf(parseJsonRecords('{"author": "solo", "comment": "just me"}'));
    expect(thread!.comments).toMatchObject([{ author: "solo", body: "just me" }]);
  });

  const bad: { name: string; text: string; issue: { line?: number; message: string | RegExp } }[] = [
    { name: "truncated", text: fixture("json-truncated.json"), issue: { line: 3, message: "not valid JSON: the file ends early (is it truncated?)" } },
    { name: "syntax error", text: '[\n  {"body": "a"},\n  {"body": "b",}\n]', issue: { line: 3, message: /^not valid JSON at line 3, column 16:/ } },
    { name: "no text field", text: '[{"id": 1, "author": "a", "score": 3}]', issue: { message: NO_TEXT } },
    { name: "Reddit JSON forced", text: fixture("reddit-thread.json"), issue: { message: NO_TEXT } },
    { name: "array of strings", text: '["first", "second"]', issue: { message: "record 1 is a string, not an object" } },
    { name: "empty array", text: "[]", issue: { message: "the file holds no comment records" } },
    { name: "a bare number", text: "7", issue: { message: "expected an array of comment objects, found a number" } },
  ];
  it.each(bad)("rejects: $name", ({ text, issue }) => {
    const result = parseJsonRecords(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]!.message).toMatch(issue.message);
      if (issue.line !== undefined) expect(result.issues[0]!.line).toBe(issue.line);
    }
  });
});

describe("parseJsonLines", () => {
  it("reads one record per line, skipping blank lines, with threads and spam status", () => {
    const [thread] = threadsOf(parseJsonLines(fixture("jsonl-export.jsonl"), { fileName: "soup.jsonl" }));
    expect(thread).toMatchObject({ external_id: "recipe-88", title: "One-pot lentil soup", format: "jsonl" });
    expect(thread!.comments.map((c) => [c.external_id, c.parent_external_id, c.author, c.initial_status])).toEqual([
      ["x1", null, "chef_b", "pending"],
      ["x2", "x1", "vegfan", "pending"],
      ["x3", "x2", "chef_b", "pending"],
      ["x4", null, "spam_bot_3000", "removed"],
    ]);
    expect(thread!.comments[0]!.posted_at).toBe("2024-03-21T05:46:40.000Z");
  });

  it("reads a Reddit comment dump: t3_ parents are top-level, t1_ parents match bare ids, link_id groups", () => {
    const [thread] = threadsOf(parseJsonLines(fixture("jsonl-reddit-dump.jsonl")));
    expect(thread!.external_id).toBe("t3_1xyz9");
    expect(thread!.comments.map((c) => [c.external_id, c.parent_external_id, c.initial_status])).toEqual([
      ["m1a2b3", null, "pending"],
      ["m1a2b4", "m1a2b3", "removed"],
      ["m1a2b5", null, "pending"],
    ]);
    expect(thread!.notes).toEqual(["parent ids not in the file for 1 comment (t1_m1zzzz): shown as top-level"]);
  });

  const bad: { name: string; text: string; issues: { line?: number; message: string }[] }[] = [
    { name: "a bad line", text: fixture("jsonl-bad-line.jsonl"), issues: [{ line: 7, message: "not valid JSON" }] },
    { name: "a line that is not an object", text: '{"text": "a"}\n[1, 2]\n"x"\n', issues: [{ line: 2, message: "expected a JSON object, found an array" }, { line: 3, message: "expected a JSON object, found a string" }] },
    { name: "no text field", text: '{"id": 1}\n{"id": 2}\n', issues: [{ line: 1, message: "no comment text column: expected one of body, text, comment, message, content" }] },
    { name: "only blank lines", text: "\n\n", issues: [{ message: "the file holds no comment records" }] },
  ];
  it.each(bad)("rejects: $name", ({ text, issues }) => {
    expect(parseJsonLines(text)).toEqual({ ok: false, issues });
  });
});

describe("parseJsonText", () => {
  it.each([
    ['{"a": 1}', { ok: true, value: { a: 1 } }],
    ['{"a": 1', { ok: false, issue: { line: 1, message: "not valid JSON: the file ends early (is it truncated?)" } }],
    ['{\n"a" 1}', { ok: false, issue: { line: 2, message: "not valid JSON at line 2, column 5: Expected ':' after property name" } }],
  ])("%j", (text, expected) => expect(parseJsonText(text)).toEqual(expected));
});

describe("detection", () => {
  it.each([
    // [fixture, json score, jsonl score]
    ["json-disqus.json", 0.8, 0],
    ["json-custom.json", 0.9, 0],
    ["json-thread-wrapper.json", 0.8, 0],
    ["jsonl-export.jsonl", 0.2, 0.9],
    ["reddit-thread.json", 0.3, 0],
    ["csv-threads.csv", 0, 0],
  ])("%s → json %d, jsonl %d", (name, json, jsonl) => {
    expect(detectJsonRecords(fixture(name))).toBeCloseTo(json);
    expect(detectJsonLines(fixture(name))).toBeCloseTo(jsonl);
  });

  it("scores prose 0 and lets a .jsonl name break a tie", () => {
    expect(detectJsonRecords("I think [this] is {weird}.")).toBe(0);
    expect(detectJsonLines("I think [this] is {weird}.")).toBe(0);
    expect(detectJsonLines('{"text": "a"}\n{"text": "b"}\n', "x.jsonl")).toBeCloseTo(0.95);
  });
});

describe("parseJsonText: positions from V8's snippets", () => {
  const numbers = Array.from({ length: 40 }, (_, i) => i).join(", ");
  it.each([
    ["hello", 1, 1],
    ['{"x": 1,\n "y": x}', 2, 7],
    [`[\n${numbers}, oops, 41]`, 2, numbers.length + 3],
    [`[oops, ${numbers}]`, 1, 2],
    [`[${numbers},\n oops]`, 2, 2],
  ])("%j → line %d, column %d", (text, line, column) => {
    const result = parseJsonText(text);
    expect(result).toMatchObject({ ok: false, issue: { line, message: expect.stringContaining(`at line ${line}, column ${column}: Unexpected token 'o'`.replace("'o'", "")) } });
  });
});

describe("JSON arrays read in pieces", () => {
  const text = `[\n${[1, 2, 3].map((i) => JSON.stringify({ id: String(i), body: `comment ${i}` })).join(",\n")}\n]\n\n`;

  it("give the same threads however the text is cut, whitespace after the closing bracket included", () => {
    const whole = parseJsonRecords(text);
    expect(whole.ok).toBe(true);
    for (const size of [1, 5, 64]) expect(parseGrouped(jsonFormat, text, {}, size)).toEqual(whole);
  });

  it("refuse text after the array", () => {
    const result = parseGrouped(jsonFormat, `${text}[]`, {}, 8);
    expect(result.ok).toBe(false);
  });
});
