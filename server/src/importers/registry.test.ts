import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { ThreadImportSchema } from "@sift/shared";
import { detectFormat, findImporter, IMPORTERS, parseFileBytes, supportedFormats } from "./registry";

const fixtureBytes = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const fixtureText = (name: string) => fixtureBytes(name).toString("utf8");

describe("registry", () => {
  it("registers every format once, text-page last", () => {
    expect(IMPORTERS.map((i) => i.name)).toEqual(["disqus-xml", "wxr", "reddit-json", "jsonl", "json", "csv", "html-page", "text-page"]);
    expect(supportedFormats()).toBe("disqus-xml, wxr, reddit-json, jsonl, json, csv, html-page, text-page");
    expect(findImporter("csv")?.name).toBe("csv");
    expect(findImporter("xml")).toBeUndefined();
  });
});

describe("detectFormat on every parseable fixture", () => {
  it.each([
    ["reddit-thread.json", "reddit-json"],
    ["reddit-comments-listing.json", "reddit-json"],
    ["reddit-post-only.json", "reddit-json"],
    ["csv-multiline.csv", "csv"],
    ["csv-semicolon.csv", "csv"],
    ["csv-threads.csv", "csv"],
    ["csv-tab.csv", "csv"],
    ["csv-wordpress.csv", "csv"],
    ["json-disqus.json", "json"],
    ["json-custom.json", "json"],
    ["json-thread-wrapper.json", "json"],
    ["jsonl-export.jsonl", "jsonl"],
    ["jsonl-reddit-dump.jsonl", "jsonl"],
    ["jsonl-bad-line.jsonl", "jsonl"],
    ["disqus-council.xml", "disqus-xml"],
    ["disqus-loose-ends.xml", "disqus-xml"],
    ["disqus-truncated.xml", "disqus-xml"],
    ["wxr-allotment.xml", "wxr"],
    ["wxr-escaped.xml", "wxr"],
    ["wxr-truncated.xml", "wxr"],
  ])("%s → %s, even without a file name", (name, format) => {
    expect(detectFormat(fixtureText(name))?.name).toBe(format);
    expect(detectFormat(fixtureText(name), name)?.name).toBe(format);
  });

  it.each([
    ["a letter", "Dear editor, I read your piece.\nIt was, frankly, long.\n"],
    ["a list", "Name, Role\nAnn, Editor\nBob, Writer\n"],
    ["bracketed prose", "[Update] The {draft} is out.\n"],
  ])("leaves %s to the text-page parser (or nobody)", (_name, text) => {
    expect(["text-page", undefined]).toContain(detectFormat(text)?.name);
  });

  // The saved-page fixtures belong to the text-page parser: none of the structured formats may claim them.
  const textPages = readdirSync(new URL("./fixtures/", import.meta.url)).filter((f) => f.startsWith("text-"));
  it.each(textPages)("structured importers score %s below 0.1", (name) => {
    for (const importer of IMPORTERS.filter((i) => i.name !== "text-page")) {
      expect(importer.detect(fixtureText(name), name), importer.name).toBeLessThan(0.1);
    }
  });
});

describe("parseFileBytes end to end", () => {
  const csv = "id,parent_id,author,body,created_at\r\n1,,Zoë,“Déjà vu” — naïve café,2024-01-01 10:00\r\n2,1,Renée,Ça va?,2024-01-01 11:00\r\n";

  it.each([
    ["UTF-16 LE with BOM", iconv.encode(csv, "utf16le", { addBOM: true })],
    ["UTF-16 BE without BOM", iconv.encode(csv, "utf16be")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")])],
  ])("reads a CSV written as %s", (_name, bytes) => {
    const result = parseFileBytes(bytes, { fileName: "export.csv" });
    expect(result).toMatchObject({ ok: true, format: "csv" });
    if (!result.ok) return;
    const thread = ThreadImportSchema.parse(result.threads[0]);
    expect(thread.comments.map((c) => [c.author, c.body])).toEqual([["Zoë", "“Déjà vu” — naïve café"], ["Renée", "Ça va?"]]);
    expect(thread.notes).toEqual([]);
  });

  it("reads a Windows-1252 CSV and says it did", () => {
    const result = parseFileBytes(iconv.encode(csv, "windows-1252"), { fileName: "export.csv" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const thread = ThreadImportSchema.parse(result.threads[0]);
    expect(thread.comments[0]!.body).toBe("“Déjà vu” — naïve café");
    expect(thread.notes).toEqual(["the file was not valid UTF-8; it was read as Windows-1252"]);
  });

  it.each([
    ["enc-utf16le-bom.csv", "Søren", []],
    ["enc-cp1252.csv", "Soren", ["the file was not valid UTF-8; it was read as Windows-1252"]],
  ])("reads the %s fixture", (name, secondAuthor, notes) => {
    const result = parseFileBytes(fixtureBytes(name), { fileName: name });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const thread = ThreadImportSchema.parse(result.threads[0]);
    expect(result.format).toBe("csv");
    expect(thread.comments.map((c) => c.author)).toEqual(["Zoë Ångström", secondAuthor]);
    expect(thread.comments[0]!.body).toBe("Très bien — “naïve” café, 5 €");
    expect(thread.notes).toEqual(notes);
  });

  it("parses every parseable fixture into schema-valid threads", () => {
    for (const name of ["reddit-thread.json", "reddit-comments-listing.json", "reddit-post-only.json", "csv-multiline.csv", "csv-semicolon.csv", "csv-threads.csv", "csv-tab.csv", "csv-wordpress.csv", "json-disqus.json", "json-custom.json", "json-thread-wrapper.json", "jsonl-export.jsonl"]) {
      const result = parseFileBytes(fixtureBytes(name), { fileName: name });
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
      for (const thread of result.threads) expect(() => ThreadImportSchema.parse(thread), name).not.toThrow();
    }
  });

  const failures: { name: string; bytes: Uint8Array; format?: string; issue: { line?: number; message: string | RegExp } }[] = [
    { name: "empty file", bytes: new Uint8Array(0), issue: { message: "the file is empty" } },
    { name: "whitespace only", bytes: Buffer.from("\n \n"), issue: { message: "the file contains only whitespace" } },
    { name: "binary", bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0]), issue: { message: "looks like a binary file, not text" } },
    { name: "truncated JSON", bytes: fixtureBytes("json-truncated.json"), issue: { line: 3, message: /ends early/ } },
    { name: "bad CSV quoting", bytes: fixtureBytes("csv-bad-quote.csv"), issue: { line: 3, message: /^malformed CSV/ } },
    { name: "JSONL bad line", bytes: fixtureBytes("jsonl-bad-line.jsonl"), issue: { line: 7, message: "not valid JSON" } },
    { name: "CSV without a text column (forced)", bytes: fixtureBytes("csv-no-text-column.csv"), format: "csv", issue: { line: 1, message: /^no comment text column/ } },
    { name: "CSV without a text column (detected)", bytes: fixtureBytes("csv-no-text-column.csv"), issue: { line: 1, message: /^no comment text column: .*\(found: id, author, score, created_at\)$/ } },
    { name: "unknown format", bytes: Buffer.from("id,body\n1,x\n"), format: "xml", issue: { message: 'unknown format "xml" (supported: disqus-xml, wxr, reddit-json, jsonl, json, csv, html-page, text-page)' } },
    {
      name: "Reddit JSON forced as csv", bytes: fixtureBytes("reddit-thread.json"), format: "csv",
      // The header is read first (a streamed file is never parsed past a header without a text column).
      issue: { line: 1, message: /^no comment text column: .*\(found: \[\) \(the file looks like reddit-json, .*: try the reddit-json format\)$/ },
    },
    { name: "CSV forced as json", bytes: fixtureBytes("csv-threads.csv"), format: "json", issue: { line: 1, message: /^not valid JSON at line 1, column 2: Unexpected token 'h' \(.*try the csv format\)$/ } },
    { name: "JSON forced as reddit-json", bytes: fixtureBytes("json-custom.json"), format: "reddit-json", issue: { message: /^not a Reddit thread: .*try the json format\)$/ } },
    { name: "JSONL forced as json", bytes: fixtureBytes("jsonl-export.jsonl"), format: "json", issue: { line: 2, message: /^not valid JSON at line 2.*try the jsonl format\)$/ } },
  ];
  it.each(failures)("rejects: $name", ({ bytes, format, issue }) => {
    const result = parseFileBytes(bytes, { format, fileName: "upload" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.message).toMatch(issue.message);
    expect(result.issues[0]!.line).toBe(issue.line);
  });
});
