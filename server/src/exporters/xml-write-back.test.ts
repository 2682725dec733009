import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseFileBytes } from "../importers/registry";
import { writeBackParts, writeBackStatuses, type PlatformAction, type WriteBackFormat } from "./xml-write-back";

const decide = (thread: string, entries: [string, PlatformAction][]) => new Map([[thread, new Map(entries)]]);

const disqus = (posts: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns:dsq="http://disqus.com/disqus-internals">\n<thread dsq:id="T"><title>t</title></thread>\n${posts}\n</disqus>\n`;

describe("writeBackStatuses", () => {
  it("turns an empty <isSpam/> into a value and leaves an empty one that already means false", () => {
    const text = disqus('<post dsq:id="1"><isSpam/><isDeleted/><thread dsq:id="T"/></post>\n<post dsq:id="2"><isSpam/><thread dsq:id="T"/></post>');
    const result = writeBackStatuses(Buffer.from(text), "disqus-xml", decide("T", [["1", "spam"], ["2", "approve"]]));
    expect(result).toMatchObject({ ok: true, changed: 1 });
    if (result.ok) expect(result.bytes.toString()).toBe(text.replace("<isSpam/><isDeleted/>", "<isSpam>true</isSpam><isDeleted/>"));
  });

  it("rewrites a UTF-16 LE file with a BOM in place", () => {
    const text = disqus('<post dsq:id="1"><message>Zoë ✓</message><isDeleted>false</isDeleted><thread dsq:id="T"/></post>');
    const bytes = iconv.encode(text, "utf16le", { addBOM: true });
    const result = writeBackStatuses(bytes, "disqus-xml", decide("T", [["1", "remove"]]));
    if (!result.ok) throw new Error(result.message);
    expect(result.bytes.equals(iconv.encode(text.replace("<isDeleted>false<", "<isDeleted>true<"), "utf16le", { addBOM: true }))).toBe(true);
  });

  it("leaves the file alone when nothing differs", () => {
    const text = disqus('<post dsq:id="1"><isDeleted> TRUE </isDeleted><thread dsq:id="T"/></post>');
    const result = writeBackStatuses(Buffer.from(text), "disqus-xml", decide("T", [["1", "remove"], ["9", "spam"]]));
    expect(result).toMatchObject({ ok: true, changed: 0 });
    if (result.ok) expect(result.bytes.toString()).toBe(text);
  });

  it.each([
    ["a multi-byte legacy encoding", iconv.encode('<?xml version="1.0" encoding="Shift_JIS"?><disqus>日本</disqus>', "shift_jis"), "cannot rewrite a file in shift_jis byte for byte"],
    ["a file that no longer parses", Buffer.from("<disqus><post>"), "the kept file no longer parses: the file ends inside <post> before <disqus> is closed: it looks truncated (line 1)"],
    ["an empty file", Buffer.alloc(0), "the file is empty"],
  ])("refuses %s", (_name, bytes, message) => {
    expect(writeBackStatuses(bytes, "disqus-xml", new Map())).toEqual({ ok: false, message });
  });
});

describe("writeBackParts", () => {
  const ACTIONS: PlatformAction[] = ["remove", "spam", "approve"];
  /** Every comment of every thread of the file decided, the actions in turn. */
  const decideAll = (bytes: Uint8Array) => {
    const parsed = parseFileBytes(bytes);
    if (!parsed.ok) throw new Error("fixture does not parse");
    let n = 0;
    return new Map(parsed.threads.map((t) => [t.external_id ?? "", new Map(t.comments.map((c) => [c.external_id, ACTIONS[n++ % 3]!]))]));
  };
  const fixture = (name: string) => readFileSync(new URL(`../importers/fixtures/${name}`, import.meta.url));
  const disqusOf = (message: string) => disqus(`<post dsq:id="1"><message>${message}</message><isDeleted>false</isDeleted><thread dsq:id="T"/></post>\n<post dsq:id="2"><message>Ünïcödé ✓ 😀 again</message><thread dsq:id="T"/></post>`);

  const cases: [string, Buffer, WriteBackFormat][] = [
    ["wxr-allotment.xml", fixture("wxr-allotment.xml"), "wxr"],
    ["wxr-escaped.xml", fixture("wxr-escaped.xml"), "wxr"],
    ["disqus-council.xml", fixture("disqus-council.xml"), "disqus-xml"],
    ["disqus-latin1.xml", fixture("disqus-latin1.xml"), "disqus-xml"],
    ["UTF-8 with a BOM and four-byte characters", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(disqusOf("Zoë 😀 ✓ naïve"))]), "disqus-xml"],
    ["UTF-16 LE", iconv.encode(disqusOf("Zoë 😀 ✓"), "utf16le", { addBOM: true }), "disqus-xml"],
    ["UTF-16 BE", iconv.encode(disqusOf("Zoë 😀 ✓"), "utf16be", { addBOM: true }), "disqus-xml"],
  ];

  it.each(cases)("of %s, decoded a few bytes at a time, gives the bytes the whole text gives", (_name, bytes, format) => {
    const decisions = format === "disqus-xml" && _name.startsWith("UTF") ? decide("T", [["1", "remove"], ["2", "spam"]]) : decideAll(bytes);
    const whole = writeBackParts(bytes, format, decisions, Infinity);
    if (!whole.ok) throw new Error(whole.message);
    expect(whole.changed).toBeGreaterThan(0);
    // Every small size for the short texts, so some cut falls inside each multi-byte character.
    const sizes = bytes.length < 2000 ? Array.from({ length: 60 }, (_, i) => i + 4) : [5, 7, 64, 1000];
    for (const slice of sizes) {
      const sliced = writeBackParts(bytes, format, decisions, slice);
      if (!sliced.ok) throw new Error(sliced.message);
      expect({ slice, bytes: Buffer.concat(sliced.parts).toString("hex") }).toEqual({ slice, bytes: Buffer.concat(whole.parts).toString("hex") });
      expect(sliced.changed).toBe(whole.changed);
    }
  });

  it("reads the text whole when a comment is longer than the slices it keeps, with the same result", () => {
    const long = "a long comment ".repeat(400);
    const text = disqus(`<post dsq:id="1"><isDeleted>false</isDeleted><message>${long}</message><thread dsq:id="T"/></post>`);
    const decisions = decide("T", [["1", "remove"]]);
    const sliced = writeBackParts(Buffer.from(text), "disqus-xml", decisions, 16);
    if (!sliced.ok) throw new Error(sliced.message);
    expect(Buffer.concat(sliced.parts).toString()).toBe(text.replace("<isDeleted>false<", "<isDeleted>true<"));
  });

  it("gives slices of the original bytes, not copies", () => {
    const bytes = Buffer.from(disqusOf("plain"));
    const result = writeBackParts(bytes, "disqus-xml", decide("T", [["1", "remove"]]));
    if (!result.ok) throw new Error(result.message);
    expect(result.parts[0]!.buffer).toBe(bytes.buffer);
  });
});
