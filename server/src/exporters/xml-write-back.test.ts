import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { writeBackStatuses, type PlatformAction } from "./xml-write-back";

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
