import iconv from "iconv-lite";
import { decodeBytesExact } from "../importers/decode";
import { disqusPostKeys, isDisqusRecord } from "../importers/disqus-xml";
import { isWxrRecord, wxrThreadExternalId } from "../importers/wxr";
import { feedText, XmlRecordReader, type XmlRecord } from "../importers/xml-records";

/** What a platform is told to do with a comment: spam is a removal whose reason was spam. */
export type PlatformAction = "approve" | "remove" | "spam";

/** Decisions to write back: thread external id → comment external id → action. */
export type DecisionsByThread = ReadonlyMap<string, ReadonlyMap<string, PlatformAction>>;

/** Formats whose files can be written back. */
export type WriteBackFormat = "wxr" | "disqus-xml";

export type WriteBackResult = { ok: true; bytes: Buffer; changed: number } | { ok: false; message: string };

/** Replace text[start, end) with `text`; offsets in the decoded text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** WordPress's `wp:comment_approved` value for each action. */
const WXR_APPROVED: Record<PlatformAction, string> = { approve: "1", remove: "trash", spam: "spam" };

/** Single-byte encodings, where a character offset is a byte offset. */
const SINGLE_BYTE = /^(?:windows-125\d|cp125\d|iso-?8859-\d+|latin-?\d|l\d|koi8-[ru]|us-ascii|ascii)$/;

/**
 * The original export with only the status elements of decided comments rewritten
 * (`wp:comment_approved`; Disqus `isDeleted`/`isSpam`), every other byte as it was: the offsets
 * come from one SAX pass over the file, and the bytes between edits are copied, not re-encoded.
 * A status element a comment lacks is added just before the comment's end tag. Pure.
 */
export function writeBackStatuses(bytes: Uint8Array, format: WriteBackFormat, decisions: DecisionsByThread): WriteBackResult {
  const decoded = decodeBytesExact(bytes);
  if (!decoded.ok) return decoded;
  const encoding = decoded.encoding;
  const unit = encoding === "utf-8" ? 0 : encoding.startsWith("utf-16") ? 2 : SINGLE_BYTE.test(encoding) ? 1 : -1;
  if (unit === -1) return { ok: false, message: `cannot rewrite a file in ${encoding} byte for byte` };
  const found = format === "wxr" ? wxrEdits(decoded.text, decisions) : disqusEdits(decoded.text, decisions);
  if (!found.ok) return found;
  const encode = (text: string) => (unit === 2 ? iconv.encode(text, encoding === "utf-16le" ? "utf16le" : "utf16be") : Buffer.from(text, "utf8"));
  return { ok: true, bytes: spliceBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), decoded.text, found.edits, decoded.bomLength, unit, encode), changed: found.edits.length };
}

type EditsResult = { ok: true; edits: Edit[] } | { ok: false; message: string };

function wxrEdits(text: string, decisions: DecisionsByThread): EditsResult {
  const edits: Edit[] = [];
  let comments: XmlRecord[] = [];
  const reader = new XmlRecordReader({
    roots: ["rss"],
    isRecord: isWxrRecord,
    onRecord(record) {
      // Comments close before their post, so they wait until the post says which thread they are in.
      if (record.kind === "wp:comment") return void comments.push(record);
      const actions = decisions.get(wxrThreadExternalId(record) ?? "");
      for (const comment of actions ? comments : []) {
        const action = actions!.get(field(comment, "wp:comment_id"));
        if (action) setElement(text, comment, "wp:comment_approved", WXR_APPROVED[action], edits);
      }
      comments = [];
    },
  });
  return finish(reader, text, edits);
}

function disqusEdits(text: string, decisions: DecisionsByThread): EditsResult {
  const edits: Edit[] = [];
  const reader = new XmlRecordReader({
    roots: ["disqus"],
    isRecord: isDisqusRecord,
    onRecord(record) {
      if (record.kind !== "post") return;
      const keys = disqusPostKeys(record);
      const action = decisions.get(keys.threadId ?? "")?.get(keys.id);
      if (action === "approve") {
        setElement(text, record, "isDeleted", "false", edits);
        setElement(text, record, "isSpam", "false", edits);
      } else if (action === "spam") setElement(text, record, "isSpam", "true", edits);
      else if (action === "remove") setElement(text, record, "isDeleted", "true", edits);
    },
  });
  return finish(reader, text, edits);
}

function finish(reader: XmlRecordReader, text: string, edits: Edit[]): EditsResult {
  feedText(reader, text);
  const issue = reader.issues[0];
  if (issue) return { ok: false, message: `the kept file no longer parses: ${issue.message}${issue.line ? ` (line ${issue.line})` : ""}` };
  return { ok: true, edits: edits.sort((a, b) => a.start - b.start) };
}

function field(record: XmlRecord, path: string): string {
  return (record.fields.get(path) ?? "").trim();
}

/**
 * Sets one child element's value, keeping a CDATA wrapper when the file used one, and leaving a
 * value that already says the same untouched. A missing element is added only when it must say
 * something other than the platform's default ("false"/"0" is what a missing flag means).
 */
function setElement(text: string, record: XmlRecord, name: string, value: string, edits: Edit[]): void {
  const span = record.spans.get(name);
  if (!span) {
    if (value !== "false") edits.push({ start: record.end, end: record.end, text: `<${name}>${value}</${name}>` });
    return;
  }
  if (record.selfClosed.has(name)) {
    if (value !== "false") edits.push({ start: span[0], end: span[1], text: `<${name}>${value}</${name}>` });
    return;
  }
  const current = text.slice(span[0], span[1]);
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(current);
  if ((cdata ? cdata[1]! : current).trim().toLowerCase() === value) return;
  edits.push({ start: span[0], end: span[1], text: cdata ? `<![CDATA[${value}]]>` : value });
}

/** Copies the original bytes between edits and encodes only the replacements. */
function spliceBytes(bytes: Buffer, text: string, edits: readonly Edit[], bomLength: number, unit: number, encode: (t: string) => Buffer): Buffer {
  const parts: Buffer[] = [];
  let charAt = 0;
  let byteAt = bomLength;
  let copiedTo = 0;
  const toByte = (offset: number) => {
    // UTF-8 widths vary, so walk forward from the last offset; edits are sorted, so this is linear.
    byteAt += unit === 0 ? Buffer.byteLength(text.slice(charAt, offset), "utf8") : (offset - charAt) * unit;
    charAt = offset;
    return byteAt;
  };
  for (const edit of edits) {
    const start = toByte(edit.start);
    const end = toByte(edit.end);
    parts.push(bytes.subarray(copiedTo, start), encode(edit.text));
    copiedTo = end;
  }
  parts.push(bytes.subarray(copiedTo));
  return Buffer.concat(parts);
}
