import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/connection";
import { createTestDb } from "../db/test-db";
import { ImportError } from "../errors";
import { importFile } from "./import-service";
import { discardPrepared, prepareFileStreamed, storeStreamedFile, type StreamedPreparation } from "./import-stream";
import { exportWriteBack } from "./platform-export-service";

const fixturePath = (name: string) => new URL(`../importers/fixtures/${name}`, import.meta.url).pathname;

let a: ReturnType<typeof createTestDb>;
let b: ReturnType<typeof createTestDb>;
/** This test's own temporary directory, where its imports put their spools (TMPDIR points there). */
let spoolDir: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  a = createTestDb();
  b = createTestDb();
  // Counting spools in the shared temporary directory raced with other test files' imports.
  spoolDir = join(b.dir, "tmp");
  mkdirSync(spoolDir);
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = spoolDir;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  a.cleanup();
  b.cleanup();
});

const NOW = () => new Date("2026-11-25T10:00:00Z");

async function importStreamed(db: Db, path: string, displayName?: string, options: { rulesOnWorker?: boolean } = {}) {
  const prepared = await prepareFileStreamed(path, { displayName, now: NOW, ...options });
  try {
    return { kind: prepared.kind, threads: storeStreamedFile(db, prepared, { now: NOW }) };
  } finally {
    discardPrepared(prepared);
  }
}

/** Everything an import writes that a moderator or an export could see. */
function snapshot(db: Db) {
  return {
    threads: db.prepare("SELECT id, key, external_id, format, title, url, source_note, article_title, article_body, source_file FROM threads ORDER BY id").all(),
    comments: db.prepare("SELECT id, thread_id, external_id, position, parent_id, author, posted_at, body, status, severity FROM comments ORDER BY id").all(),
    flags: db.prepare("SELECT comment_id, category, rule, evidence, start_offset, end_offset, explanation FROM flags ORDER BY comment_id, rule, start_offset").all(),
  };
}

const spools = () => readdirSync(spoolDir).filter((f) => f.startsWith("sift-import-")).length;

describe("a streamed import", () => {
  it.each([
    "csv-threads.csv",
    "csv-multiline.csv",
    "csv-semicolon.csv",
    "csv-tab.csv",
    "csv-wordpress.csv",
    "enc-cp1252.csv",
    "enc-utf16le-bom.csv",
    "jsonl-export.jsonl",
    "jsonl-reddit-dump.jsonl",
    "json-custom.json",
    "json-disqus.json",
    "json-thread-wrapper.json",
    "disqus-council.xml",
    "disqus-latin1.xml",
    "disqus-loose-ends.xml",
    "wxr-allotment.xml",
    "wxr-escaped.xml",
  ])("of %s stores exactly what the whole-file import stores, through a spool", async (name) => {
    const path = fixturePath(name);
    importFile(a.db, path, { now: NOW });
    const { kind } = await importStreamed(b.db, path);
    expect(kind).toBe("spooled");
    expect(snapshot(b.db)).toEqual(snapshot(a.db));
  });

  it.each(["reddit-thread.json", "text-wpdiscuz-council.txt", "html-wpdiscuz-council.html"])(
    "of %s (a format read whole) stores what the whole-file import stores",
    async (name) => {
      const path = fixturePath(name);
      importFile(a.db, path, { now: NOW });
      const { kind } = await importStreamed(b.db, path);
      expect(kind).toBe("memory");
      expect(snapshot(b.db)).toEqual(snapshot(a.db));
    },
  );

  it("keeps a WordPress file to write decisions back, byte for byte as the whole-file import does", async () => {
    const path = fixturePath("wxr-allotment.xml");
    const [first] = importFile(a.db, path, { now: NOW });
    await importStreamed(b.db, path);
    expect(exportWriteBack(b.db, "wxr", { threadId: first!.id })).toEqual(exportWriteBack(a.db, "wxr", { threadId: first!.id }));
    expect(b.db.prepare("SELECT sha256, byte_length FROM sources").all()).toEqual(a.db.prepare("SELECT sha256, byte_length FROM sources").all());
  });

  it.each(["csv-threads.csv", "jsonl-export.jsonl", "disqus-council.xml", "wxr-allotment.xml"])(
    "of %s with its rules on a worker during the store stores exactly what the whole-file import stores",
    async (name) => {
      const path = fixturePath(name);
      importFile(a.db, path, { now: NOW });
      await importStreamed(b.db, path, undefined, { rulesOnWorker: true });
      expect(snapshot(b.db)).toEqual(snapshot(a.db));
      // The hashes too: a re-import through the other path finds every comment unchanged.
      const hashes = (db: Db) => db.prepare("SELECT id, import_hash FROM comments ORDER BY id").all();
      expect(hashes(b.db)).toEqual(hashes(a.db));
    },
  );

  it("a store that fails with its rules on a worker leaves the database as it was, and no spool", async () => {
    const path = fixturePath("csv-threads.csv");
    await importStreamed(b.db, path);
    b.db.prepare("UPDATE comments SET status = 'removed'").run();
    const before = snapshot(b.db);
    const spoolsBefore = spools();
    // A comment the database refuses part-way through the store.
    b.db.exec("DELETE FROM comments; CREATE TRIGGER refuse BEFORE INSERT ON comments WHEN NEW.position = 2 BEGIN SELECT RAISE(ABORT, 'refused by a test'); END;");
    const error = await importStreamed(b.db, path, undefined, { rulesOnWorker: true }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/could not be stored: refused by a test/);
    expect(snapshot(b.db).comments).toEqual([]);
    expect(spools()).toBe(spoolsBefore);
    expect(before.comments.length).toBeGreaterThan(0);
  });

  it("re-imports without duplicating comments", async () => {
    const path = fixturePath("csv-threads.csv");
    await importStreamed(b.db, path);
    const before = snapshot(b.db);
    await importStreamed(b.db, path);
    expect(snapshot(b.db)).toEqual(before);
  });

  it("reads a file cut into many chunks the same: multi-byte characters and CRLF across chunk boundaries", async () => {
    // Over a MiB, so the reader's chunks split it; CRLF line ends and accented text throughout.
    const rows = ["id,author,body,thread_id"];
    for (let i = 0; i < 8_000; i++) rows.push(`${i},Zoë ${i % 50},"Çа va, l'été ${i}: naïve café ☕ ${"é".repeat(70 + (i % 7))}",t${i % 4}`);
    const dir = a.dir;
    const path = join(dir, "big.csv");
    writeFileSync(path, `${rows.join("\r\n")}\r\n`);
    expect(Buffer.byteLength(rows.join("\r\n"))).toBeGreaterThan(1.2 * 1024 * 1024);
    importFile(a.db, path, { now: NOW });
    await importStreamed(b.db, path);
    expect(snapshot(b.db)).toEqual(snapshot(a.db));
  }, 60_000);

  it("reads UTF-16 and Windows-1252 files the same when they span chunks", async () => {
    const rows = ["id,author,body"];
    for (let i = 0; i < 5_000; i++) rows.push(`${i},Renée,"Crème brûlée number ${i} — très bien ${"à".repeat(80)}"`);
    const text = `${rows.join("\n")}\n`;
    for (const [name, bytes] of [
      ["utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")])],
      ["cp1252.csv", iconv.encode(text, "windows-1252")],
    ] as const) {
      const path = join(a.dir, name);
      writeFileSync(path, bytes);
      importFile(a.db, path, { now: NOW });
      await importStreamed(b.db, path);
    }
    expect(snapshot(b.db)).toEqual(snapshot(a.db));
  }, 60_000);
});

describe("a streamed import of a bad file", () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ["empty.csv", "", /the file is empty/],
    ["binary.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x00]), /binary/],
    ["blank.jsonl", "  \n\n \t\n", /only whitespace|unrecognised format/],
    ["no-text.csv", "id,author,score\n1,ann,3\n2,bo,4\n3,cy,5\n", /no comment text column/],
    ["bad-line.jsonl", '{"body":"fine"}\n{"body": nope}\n', /not valid JSON \(line 2\)/],
  ];

  it.each(cases)("%s is refused with a message, the database untouched and no spool left behind", async (name, content, message) => {
    const spoolsBefore = spools();
    const path = join(b.dir, name);
    writeFileSync(path, content);
    const before = snapshot(b.db);
    const error = await importStreamed(b.db, path, name).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(String((error as Error).message)).toMatch(message);
    expect(snapshot(b.db)).toEqual(before);
    expect(spools()).toBe(spoolsBefore);
  });

  it("a truncated WordPress export is refused with its line, and the spool is removed", async () => {
    const spoolsBefore = spools();
    const error = await importStreamed(b.db, fixturePath("wxr-truncated.xml")).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/wxr-truncated\.xml/);
    expect(snapshot(b.db).comments).toEqual([]);
    expect(spools()).toBe(spoolsBefore);
  });

  it("a JSON array too large to keep for JSON.parse's explanation still names the problem and its line", async () => {
    const record = JSON.stringify({ id: "x", body: "a comment of some length ".repeat(8) });
    const lines = Array.from({ length: 90_000 }, (_, i) => record.replace('"x"', `"${i}"`));
    const path = join(b.dir, "cut.json");
    // Over 16 MiB, then cut off mid-record.
    writeFileSync(path, `[\n${lines.join(",\n")}`.slice(0, -20));
    const error = await importStreamed(b.db, path, "cut.json").catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/^cut\.json: not valid JSON: .+ \(line 90001\)$/);
    expect(snapshot(b.db).comments).toEqual([]);
  });

  it("a missing file is named", async () => {
    await expect(importStreamed(b.db, join(b.dir, "nope.csv"), "nope.csv")).rejects.toThrow(/nope\.csv: no such file/);
  });

  it("deletes its spool once stored", async () => {
    const spoolsBefore = spools();
    const prepared: StreamedPreparation = await prepareFileStreamed(fixturePath("csv-threads.csv"));
    expect(spools()).toBe(spoolsBefore + 1);
    storeStreamedFile(b.db, prepared);
    discardPrepared(prepared);
    expect(spools()).toBe(spoolsBefore);
  });
});
