import { describe, expect, it } from "vitest";
import { feedText, XmlRecordReader, type XmlRecord } from "./xml-records";

function read(text: string, chunkSize?: number) {
  const records: XmlRecord[] = [];
  const reader = new XmlRecordReader({
    roots: ["log"],
    isRecord: (path) => path.length === 2 && path[1] === "entry",
    onRecord: (record) => records.push(record),
  });
  feedText(reader, text, chunkSize);
  return { records, issues: reader.issues };
}

const DOC = [
  '<?xml version="1.0"?>',
  "<log>",
  '  <entry id="a"><who><name>Ann &amp; Bo</name></who><say><![CDATA[<p>hi</p>]]></say><flag/><ref to="x"/></entry>',
  '  <entry id="b">',
  "    <say>two</say><say>parts</say>",
  "  </entry>",
  "</log>",
].join("\n");

describe("XmlRecordReader", () => {
  it.each([1, 5, 64 * 1024])("flattens records the same way in chunks of %i", (size) => {
    const { records, issues } = read(DOC, size);
    expect(issues).toEqual([]);
    const [a, b] = records;
    expect(a!.attrs).toEqual({ id: "a" });
    expect(Object.fromEntries(a!.fields)).toEqual({ "who/name": "Ann & Bo", say: "<p>hi</p>" });
    expect(a!.childAttrs.get("ref")).toEqual({ to: "x" });
    expect([...a!.selfClosed]).toEqual(["flag", "ref"]);
    // Spans point into the text: the raw content (CDATA included), or the whole tag of an empty element.
    const slice = (r: XmlRecord, key: string) => DOC.slice(...r.spans.get(key)!);
    expect(slice(a!, "say")).toBe("<![CDATA[<p>hi</p>]]>");
    expect(slice(a!, "who/name")).toBe("Ann &amp; Bo");
    expect(slice(a!, "flag")).toBe("<flag/>");
    expect(DOC.slice(a!.end, a!.end + 8)).toBe("</entry>");
    expect(b!.fields.get("say")).toBe("twoparts");
    expect(slice(b!, "say")).toBe("two");
    expect([a!.line, b!.line]).toEqual([3, 4]);
  });

  it.each([
    ["an unclosed root", "<log>\n<entry>\n</entry>\n", 4, "the file ends before <log> is closed: it looks truncated"],
    ["a file cut in a record", "<log>\n<entry><say>hel", 2, "the file ends inside <say> before <log> is closed: it looks truncated"],
    ["a wrong root", "<?xml version='1.0'?>\n\n<rss/>", 3, "expected <log> as the root element, found <rss>"],
    ["a cut-short element", "<log>\n<entry>\n<say>x</entry>\n</log>", 3, "<say> is not closed before </entry>"],
    ["two roots", "<log/>\n<log/>", 2, "a second root element <log> after the document ended"],
  ])("reports %s with its line", (_name, text, line, message) => {
    expect(read(text).issues).toEqual([{ line, message }]);
  });

  it("counts lines across many small chunks", () => {
    const text = `<log>\n${"<entry>\n<say>x</say>\n</entry>\n".repeat(200)}<entry><say>`;
    expect(read(text, 3).issues).toEqual([{ line: 602, message: "the file ends inside <say> before <log> is closed: it looks truncated" }]);
    expect(read(text, 3).records.map((r) => r.line).slice(0, 3)).toEqual([2, 5, 8]);
  });

  it("says when there is no XML at all", () => {
    expect(read("plain text, no tags").issues).toEqual([{ line: 1, message: 'not an XML document: it starts with text ("plain text, no tags") before any <log> element' }]);
    expect(read("<!-- nothing -->\n").issues).toEqual([{ message: "no XML element found: expected a <log> document" }]);
  });
});
