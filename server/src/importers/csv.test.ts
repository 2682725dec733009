import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadImportSchema, type ParseResult, type ThreadImport } from "@sift/shared";
import { detectCsv, detectDelimiter, parseCsv } from "./csv";
import { decodeBytes } from "./decode";

/** Fixtures go through decodeBytes as real uploads do (CRLF → LF, BOM stripped). */
function fixture(name: string): string {
  const decoded = decodeBytes(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
}

function threadsOf(result: ParseResult): ThreadImport[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.threads.map((t) => ThreadImportSchema.parse(t));
}

describe("parseCsv: fixtures", () => {
  it("reads multi-line quoted cells with doubled quotes, statuses and mixed timestamps", () => {
    const [thread, ...rest] = threadsOf(parseCsv(fixture("csv-multiline.csv"), { fileName: "council-pilot.csv" }));
    expect(rest).toEqual([]);
    expect(thread).toMatchObject({ external_id: null, format: "csv", title: "council-pilot", url: null, article: { body: "" } });
    expect(thread!.comments).toEqual([
      {
        external_id: "c1", parent_external_id: null, author: "Maria Lopez", posted_at: "2024-03-02T09:15:00.000Z",
        body: 'Great article. Two points:\n\n1. The "pilot" lasted six months, not three.\n\n2. Nobody asked the residents.', initial_status: "approved",
      },
      { external_id: "c2", parent_external_id: "c1", author: "J. Smith", posted_at: "2024-03-02T10:02:30.000Z", body: "Agreed, the residents were ignored.", initial_status: "pending" },
      { external_id: "c3", parent_external_id: null, author: "BuyFollowersNow", posted_at: "2024-03-02T11:00:00.000Z", body: "Cheap followers!!! visit example.test, now", initial_status: "removed" },
      { external_id: "c4", parent_external_id: "c3", author: "Maria Lopez", posted_at: "2024-03-02T12:00:00.000Z", body: '"Cheap" is right.', initial_status: "pending" },
    ]);
  });

  it("reads a WordPress wp_comments export: comment_* columns, GMT dates, comment_approved", () => {
    const threads = threadsOf(parseCsv(fixture("csv-wordpress.csv"), { fileName: "wp_comments.csv" }));
    expect(threads.map((t) => [t.external_id, t.title, t.comments.length])).toEqual([
      ["58", "wp_comments (thread 58)", 4],
      ["61", "wp_comments (thread 61)", 1],
    ]);
    expect(threads[0]!.comments.map((c) => [c.external_id, c.parent_external_id, c.author, c.posted_at, c.initial_status])).toEqual([
      ["101", null, "Hannah", "2024-04-02T09:20:00.000Z", "approved"],
      ["102", "101", "Baker Ben", "2024-04-02T10:05:00.000Z", "approved"],
      ["104", "102", "Hannah", "2024-04-02T11:00:00.000Z", "pending"],
      ["103", null, "best-loans-4u", "2024-04-02T10:30:00.000Z", "removed"],
    ]);
    expect(threads[0]!.comments[0]!.body).toBe("Tried the sourdough recipe twice now.\n\nThe second loaf was much better with the longer proof.");
    expect(threads[1]!.comments[0]!.initial_status).toBe("removed");
  });

  it("detects semicolons from the header and groups by article title", () => {
    const [thread] = threadsOf(parseCsv(fixture("csv-semicolon.csv")));
    expect(thread).toMatchObject({ title: "Neue Radwege in der Innenstadt", url: "https://example-zeitung.test/radwege", external_id: null });
    expect(thread!.comments.map((c) => [c.external_id, c.author, c.body, c.posted_at])).toEqual([
      ["501", "Jürgen K.", "Sehr guter Artikel; danke!", "2024-01-15T08:30:00.000Z"],
      ["502", "Anna", "Die Radwege sind zu schmal; das sieht man auf Foto 3.", "2024-01-15T09:00:00.000Z"],
      // "15.01.2024" is not a format we read: null rather than a guess.
      ["503", "Tom B.", "Endlich!", null],
    ]);
  });

  it("splits several threads, puts out-of-order parents first and notes missing parents", () => {
    const threads = threadsOf(parseCsv(fixture("csv-threads.csv")));
    expect(threads.map((t) => [t.external_id, t.title, t.url])).toEqual([
      ["blog-17", "Why we moved to a four-day week", "https://blog.example.test/four-day-week"],
      ["blog-18", "Our hiring process", "https://blog.example.test/hiring"],
    ]);
    expect(threads[0]!.comments.map((c) => `${c.external_id}<${c.parent_external_id ?? "-"}`)).toEqual(["m1<-", "m3<m1", "m4<m3", "m2<-", "m5<-"]);
    expect(threads[0]!.comments[0]!.posted_at).toBe("2024-01-01T09:00:00.000Z");
    expect(threads[0]!.notes).toEqual(["parent ids not in the file for 1 comment (m42): shown as top-level"]);
    expect(threads[1]!.comments.map((c) => c.parent_external_id)).toEqual([null, "m6"]);
    expect(threads[1]!.notes).toEqual([]);
  });

  it("reads tab-separated files with bare quotes inside cells", () => {
    const [thread] = threadsOf(parseCsv(fixture("csv-tab.csv")));
    expect(thread!.comments.map((c) => [c.external_id, c.parent_external_id, c.body, c.posted_at])).toEqual([
      ["t-1", null, 'Tabs, commas, "quotes" and all', "2023-11-05T00:00:00.000Z"],
      ["t-2", "t-1", "A reply", "2023-11-06T14:00:00.000Z"],
    ]);
  });

  it("forgives ragged rows and empty trailing columns from spreadsheets; the first of two same-named columns wins", () => {
    const text = "id,body,author,body,,\n1,first,ann,second,,\n2,short row\n3,\"multi\nline\",cy,x,,,\n";
    expect(detectCsv(text)).toBe(0.9);
    const [thread] = threadsOf(parseCsv(text));
    expect(thread!.comments.map((c) => [c.external_id, c.author, c.body])).toEqual([["1", "ann", "first"], ["2", "", "short row"], ["3", "cy", "multi\nline"]]);
  });

  it("honours Excel's sep= line and numbers lines from the top of the file", () => {
    const text = "sep=|\nid|comment|user\n1|Pipes, commas; all fine|ann\n2|x|y|z\n";
    expect(detectCsv(text.replace("|z", ""))).toBe(0.9);
    expect(parseCsv(text)).toEqual({ ok: false, issues: [{ line: 4, message: 'malformed CSV: this row has 4 cells but the header has 3 (an unquoted "|" in a cell?)' }] });
    const [thread] = threadsOf(parseCsv(text.replace("|z", "")));
    expect(thread!.comments.map((c) => [c.body, c.author])).toEqual([["Pipes, commas; all fine", "ann"], ["x", "y"]]);
  });

  it("uses an article body column when there is one", () => {
    const [thread] = threadsOf(parseCsv('thread_title,thread_body,text\nBudget,"The council met.\n\n\nIt voted.",First!\n'));
    expect(thread!.article).toEqual({ title: "Budget", body: "The council met.\n\nIt voted." });
  });
});

describe("parseCsv: rejections with line numbers", () => {
  const cases: { name: string; text: string; issue: { line?: number; message: string | RegExp } }[] = [
    { name: "unclosed quote", text: fixture("csv-bad-quote.csv"), issue: { line: 3, message: "malformed CSV: a quoted cell is opened here and never closed" } },
    { name: "quote inside an unquoted cell", text: 'id,body\n1,ok\n2,he said "hi" twice\n', issue: { line: 3, message: /^malformed CSV: Invalid Opening Quote/ } },
    { name: "too many cells", text: "id,body\n1,ok\n2,a,b\n", issue: { line: 3, message: 'malformed CSV: this row has 3 cells but the header has 2 (an unquoted "," in a cell?)' } },
    { name: "too many cells after multi-line cells and blank lines", text: 'id,body\n1,"a\n\nb"\n\n2,x,y\n', issue: { line: 6, message: /^malformed CSV: this row has 3 cells/ } },
    { name: "too many cells, CRLF inside a quoted cell", text: 'id,body\r\n1,"a\r\nb"\r\n2,x,y\r\n', issue: { line: 4, message: /^malformed CSV: this row has 3 cells/ } },
    { name: "no text column", text: fixture("csv-no-text-column.csv"), issue: { line: 1, message: "no comment text column: expected one of body, text, comment, message, content (found: id, author, score, created_at)" } },
    { name: "header only", text: "id,author,body\n", issue: { line: 1, message: "the CSV has a header row but no comment rows" } },
    { name: "empty", text: "", issue: { message: "the file holds no CSV header row" } },
  ];
  it.each(cases)("$name", ({ text, issue }) => {
    const result = parseCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]!.line).toBe(issue.line);
      expect(result.issues[0]!.message).toMatch(issue.message);
    }
  });
});

describe("detectCsv", () => {
  it.each([
    ["csv-multiline.csv", 0.9],
    ["csv-semicolon.csv", 0.9],
    ["csv-threads.csv", 0.9],
    ["csv-tab.csv", 0.9],
    ["csv-wordpress.csv", 0.9],
    ["csv-no-text-column.csv", 0.25],
    ["json-custom.json", 0],
    ["jsonl-export.jsonl", 0],
    ["reddit-thread.json", 0],
  ])("%s → %d", (name, score) => expect(detectCsv(fixture(name))).toBe(score));

  it.each([
    ["prose with commas", "Honestly, the comment section here is wild. Text, images, everything.\nI agree, mostly.\n"],
    ["prose whose first line looks like a header", "Comment, text\nThis is a long reply, with commas, and more commas, and then some.\nShort.\nAnother line of prose here.\n"],
    ["a two-column list", "Name, Role\nAnn, Editor\nBob, Writer\n"],
    ["a saved comment page", "26 Comments\nJane Doe\n3 hours ago\nI loved this, thanks.\nReply\n"],
  ])("%s scores below the text-page parser", (_name, text) => expect(detectCsv(text)).toBeLessThan(0.1));

  it("uses the file name only as a small tie-breaker", () => {
    expect(detectCsv("id,body\n1,hi\n", "x.csv")).toBeCloseTo(0.95);
    expect(detectCsv("id,body\n", "x.csv")).toBeCloseTo(0.55);
  });

  it.each([
    ["a,b;c", ","],
    ["a;b;c", ";"],
    ["a\tb\tc", "\t"],
    ['"x;y",b,c', ","],
    ["single", ","],
  ])("delimiter of %j is %j", (header, delimiter) => expect(detectDelimiter(header)).toBe(delimiter));
});
