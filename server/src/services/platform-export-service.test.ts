import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { ConflictError } from "../errors";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { importBytes, importFile } from "./import-service";
import { exportActions, exportPlatformFormat, exportWriteBack } from "./platform-export-service";

const fixturePath = (name: string) => new URL(`../importers/fixtures/${name}`, import.meta.url).pathname;
const fixture = (name: string) => readFileSync(fixturePath(name));

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

let clock = 0;
const at = () => new Date(Date.UTC(2026, 0, 2, 0, 0, ++clock));

/** Imports a fixture and returns a function deciding on its comments by thread index and external id. */
function importFixture(name: string) {
  const threads = importFile(t.db, fixturePath(name));
  return {
    threads,
    decide(thread: number, externalId: string, action: "approve" | "remove" | "undo", reason?: string) {
      decideComment(t.db, commentIdFor(threads[thread]!.id, externalId), { action, reason, moderator: "mo" }, at());
    },
  };
}

/** `text` with `from` replaced by `to` at its first occurrence after `marker`: the edit the writer should make. */
function replaceAfter(text: string, marker: string, from: string, to: string): string {
  const start = text.indexOf(marker);
  const index = text.indexOf(from, start);
  if (start === -1 || index === -1) throw new Error(`no ${from} after ${marker}`);
  return text.slice(0, index) + to + text.slice(index + from.length);
}

describe("write-back of a WordPress export", () => {
  it("rewrites only the wp:comment_approved values of decided comments", () => {
    const { decide } = importFixture("wxr-allotment.xml");
    decide(0, "503", "approve");
    decide(0, "501", "remove", "abusive");
    decide(0, "502", "approve"); // already 1 in the file: nothing to change
    decide(1, "410", "remove", "spam");
    decide(1, "411", "remove", "abusive");
    decide(1, "411", "undo"); // no standing decision: the file keeps its value
    const original = fixture("wxr-allotment.xml").toString("utf8");
    let expected = replaceAfter(original, "<wp:comment_id>503<", "<![CDATA[0]]>", "<![CDATA[1]]>");
    expected = replaceAfter(expected, "<wp:comment_id>501<", "<wp:comment_approved><![CDATA[1]]>", "<wp:comment_approved><![CDATA[trash]]>");
    expected = replaceAfter(expected, "<wp:comment_id>410<", "<wp:comment_approved><![CDATA[1]]>", "<wp:comment_approved><![CDATA[spam]]>");
    const out = exportWriteBack(t.db, "wxr", {});
    expect(out.equals(Buffer.from(expected, "utf8"))).toBe(true);
    // --thread applies that thread's decisions only, to the same whole file.
    const first = exportWriteBack(t.db, "wxr", { threadId: importFile(t.db, fixturePath("wxr-allotment.xml"))[0]!.id });
    expect(first.toString("utf8")).toBe(replaceAfter(replaceAfter(original, "<wp:comment_id>503<", "<![CDATA[0]]>", "<![CDATA[1]]>"), "<wp:comment_id>501<", "<wp:comment_approved><![CDATA[1]]>", "<wp:comment_approved><![CDATA[trash]]>"));
  });

  it("keeps CRLF line endings, a BOM and multi-byte text byte for byte, and adds a missing status element", () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>',
      "<item><title>Ça déménage — 🚲</title><link>https://velo.example/a</link><wp:post_id>3</wp:post_id>",
      "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Très « bien » 🚲</wp:comment_content><wp:comment_approved>0</wp:comment_approved></wp:comment>",
      "<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_content>Noël</wp:comment_content></wp:comment>",
      "</item></channel></rss>",
      "",
    ].join("\r\n");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    const threads = importBytes(t.db, "velo.xml", bytes);
    decideComment(t.db, commentIdFor(threads[0]!.id, "1"), { action: "approve" }, at());
    decideComment(t.db, commentIdFor(threads[0]!.id, "2"), { action: "remove", reason: "spam" }, at());
    const expected = text
      .replace("<wp:comment_approved>0</wp:comment_approved>", "<wp:comment_approved>1</wp:comment_approved>")
      .replace("<wp:comment_content>Noël</wp:comment_content></wp:comment>", "<wp:comment_content>Noël</wp:comment_content><wp:comment_approved>spam</wp:comment_approved></wp:comment>");
    const out = exportWriteBack(t.db, "wxr", {});
    expect(out.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(expected, "utf8")]))).toBe(true);
  });
});

describe("write-back of a Disqus export", () => {
  it("sets isSpam and isDeleted from the decisions of the chosen thread", () => {
    const { threads, decide } = importFixture("disqus-council.xml");
    decide(0, "5500004", "approve"); // imported as spam: both flags become false
    decide(0, "5500001", "remove", "spam");
    decide(0, "5500002", "remove", "abusive");
    decide(1, "5500007", "remove", "abusive"); // another thread: not part of --thread 0
    const original = fixture("disqus-council.xml").toString("utf8");
    let expected = replaceAfter(original, '<post dsq:id="5500004">', "<isSpam>true</isSpam>", "<isSpam>false</isSpam>");
    expected = replaceAfter(expected, '<post dsq:id="5500001">', "<isSpam>false</isSpam>", "<isSpam>true</isSpam>");
    expected = replaceAfter(expected, '<post dsq:id="5500002">', "<isDeleted>false</isDeleted>", "<isDeleted>true</isDeleted>");
    const out = Buffer.concat(exportPlatformFormat(t.db, "disqus-xml", { thread: threads[0]!.id })!.map((part) => Buffer.from(part)));
    expect(out.toString("utf8")).toBe(expected);
  });

  it("leaves the Latin-1 bytes of a file as they were", () => {
    const { decide } = importFixture("disqus-latin1.xml");
    decide(0, "5250001", "remove", "off_topic");
    const original = fixture("disqus-latin1.xml");
    const expected = iconv.encode(replaceAfter(iconv.decode(original, "latin1"), '<post dsq:id="5250001">', "</post>", "<isDeleted>true</isDeleted></post>"), "latin1");
    expect(exportWriteBack(t.db, "disqus-xml", {}).equals(expected)).toBe(true);
  });
});

describe("write-back refusals", () => {
  it("names the problem", () => {
    const csv = importBytes(t.db, "c.csv", Buffer.from("id,body\n1,hello there\n"));
    expect(() => exportWriteBack(t.db, "wxr", {})).toThrow("no wxr file has been imported");
    expect(() => exportWriteBack(t.db, "wxr", { threadId: csv[0]!.id })).toThrow(/was imported as csv from a file Sift did not keep/);
    importFile(t.db, fixturePath("wxr-allotment.xml"));
    importFile(t.db, fixturePath("wxr-escaped.xml"));
    expect(() => exportWriteBack(t.db, "wxr", {})).toThrow(ConflictError);
    expect(() => exportWriteBack(t.db, "wxr", {})).toThrow(/come from 2 imported files \(wxr-(allotment|escaped)\.xml, wxr-(allotment|escaped)\.xml\)/);
    expect(() => exportPlatformFormat(t.db, "wxr", { thread: csv[0]!.id, all: true })).toThrow("give --thread ID or --all, not both");
  });

  it("forgets the file of a thread re-imported from elsewhere", () => {
    const [thread] = importFile(t.db, fixturePath("wxr-escaped.xml"));
    const csvPath = join(t.dir, "same.csv");
    // The same thread (same url) as a CSV: its kept WXR no longer describes what is stored.
    writeFileSync(csvPath, "id,body,thread_id,thread_title,url\n70,hi,https://nightsky.example/perseids,Perseids,https://nightsky.example/perseids\n");
    expect(importFile(t.db, csvPath)[0]!.id).toBe(thread!.id);
    expect(() => exportWriteBack(t.db, "wxr", { threadId: thread!.id })).toThrow(/from a file Sift did not keep/);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM sources").get()).toEqual({ n: 0 });
  });
});

describe("actions CSV", () => {
  it("lists the standing decision of each comment, spam apart, with the rule pack in force", () => {
    const wxr = importFixture("wxr-allotment.xml");
    wxr.decide(0, "503", "approve");
    wxr.decide(0, "501", "remove", "abusive");
    wxr.decide(1, "410", "remove", "spam");
    wxr.decide(1, "411", "remove", "abusive");
    wxr.decide(1, "411", "undo");
    const disqus = importFixture("disqus-council.xml");
    disqus.decide(0, "5500002", "remove", "=HYPERLINK(\"x\")");
    const rows = exportActions(t.db, {}).split("\n");
    expect(rows).toEqual([
      "platform,thread_external_id,comment_external_id,action,reason,moderator,decided_at,rule_pack_version",
      expect.stringMatching(/^wordpress,https:\/\/plot17\.example\/\?p=118,501,remove,abusive,mo,2026-01-02T00:00:\d\d\.000Z,$/),
      expect.stringMatching(/^wordpress,https:\/\/plot17\.example\/\?p=118,503,approve,,mo,2026-01-02T00:00:\d\d\.000Z,$/),
      expect.stringMatching(/^wordpress,https:\/\/plot17\.example\/\?p=97,410,spam,spam,mo,/),
      expect.stringMatching(/^disqus,7700201,5500002,remove,"'=HYPERLINK\(""x""\)",mo,/),
      "",
    ]);
    expect(exportActions(t.db, { threadId: disqus.threads[1]!.id })).toBe("platform,thread_external_id,comment_external_id,action,reason,moderator,decided_at,rule_pack_version\n");
  });
});
