import iconv from "iconv-lite";
import { chooseBytesEncoding, type EncodingChoice } from "../importers/decode";
import { disqusPostKeys, isDisqusRecord } from "../importers/disqus-xml";
import { isWxrRecord, wxrThreadExternalId } from "../importers/wxr";
import { XmlRecordReader, type XmlRecord } from "../importers/xml-records";

/** What a platform is told to do with a comment: spam is a removal whose reason was spam. */
export type PlatformAction = "approve" | "remove" | "spam";

/** Decisions to write back: thread external id → comment external id → action. */
export type DecisionsByThread = ReadonlyMap<string, ReadonlyMap<string, PlatformAction>>;

/** Formats whose files can be written back. */
export type WriteBackFormat = "wxr" | "disqus-xml";

export type WriteBackResult = { ok: true; bytes: Buffer; changed: number } | { ok: false; message: string };

/** The written-back file as parts to write in order: slices of the original bytes and the replacements between them. */
export type WriteBackParts = { ok: true; parts: Buffer[]; changed: number } | { ok: false; message: string };

/** Replace bytes [start, end) of the original with `text` (encoded as the file is). */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** WordPress's `wp:comment_approved` value for each action. */
const WXR_APPROVED: Record<PlatformAction, string> = { approve: "1", remove: "trash", spam: "spam" };

/** Single-byte encodings, where a character offset is a byte offset. */
const SINGLE_BYTE = /^(?:windows-125\d|cp125\d|iso-?8859-\d+|latin-?\d|l\d|koi8-[ru]|us-ascii|ascii)$/;

/** Bytes decoded at a time: the text of the last few slices is all that is held, never the file's. */
const SLICE_BYTES = 1 << 20;

/**
 * The original export with only the status elements of decided comments rewritten
 * (`wp:comment_approved`; Disqus `isDeleted`/`isSpam`), every other byte as it was: one SAX pass
 * over the file finds the elements, and the bytes between edits are copied, not re-encoded.
 * A status element a comment lacks is added just before the comment's end tag. Pure.
 */
export function writeBackStatuses(bytes: Uint8Array, format: WriteBackFormat, decisions: DecisionsByThread): WriteBackResult {
  const result = writeBackParts(bytes, format, decisions);
  return result.ok ? { ok: true, bytes: Buffer.concat(result.parts), changed: result.changed } : result;
}

/**
 * writeBackStatuses without joining the parts: the file is decoded a slice at a time and the
 * output refers to the original bytes, so a 371 MB export is written back holding the file once,
 * not also its text and a copy. `sliceBytes` is for tests; a record longer than the few slices
 * kept makes it read the file's text whole instead.
 */
export function writeBackParts(bytes: Uint8Array, format: WriteBackFormat, decisions: DecisionsByThread, sliceBytes = SLICE_BYTES): WriteBackParts {
  if (bytes.length === 0) return { ok: false, message: "the file is empty" };
  const choice = chooseBytesEncoding(bytes);
  if (!choice.ok) return choice;
  const encoding = choice.encoding;
  const unit = encoding === "utf-8" ? 0 : encoding.startsWith("utf-16") ? 2 : SINGLE_BYTE.test(encoding) ? 1 : -1;
  if (unit === -1) return { ok: false, message: `cannot rewrite a file in ${encoding} byte for byte` };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found: EditsResult;
  try {
    found = findEdits(new SlicedText(buffer, choice, unit, sliceBytes), format, decisions);
  } catch (err) {
    if (!(err instanceof OutOfWindow)) throw err;
    found = findEdits(new SlicedText(buffer, choice, unit, Infinity), format, decisions);
  }
  if (!found.ok) return found;
  const encode = (text: string) => (unit === 2 ? iconv.encode(text, encoding === "utf-16le" ? "utf16le" : "utf16be") : Buffer.from(text, "utf8"));
  const parts: Buffer[] = [];
  let copiedTo = 0;
  for (const edit of found.edits) {
    parts.push(buffer.subarray(copiedTo, edit.start), encode(edit.text));
    copiedTo = edit.end;
  }
  parts.push(buffer.subarray(copiedTo));
  return { ok: true, parts, changed: found.edits.length };
}

type EditsResult = { ok: true; edits: Edit[] } | { ok: false; message: string };

/** A status element as found when its record closed: where it is in bytes, and its raw content (null when the record has none). */
interface Slot {
  name: string;
  start: number;
  end: number;
  raw: string | null;
  selfClosed: boolean;
}

function findEdits(text: SlicedText, format: WriteBackFormat, decisions: DecisionsByThread): EditsResult {
  const edits: Edit[] = [];
  let reader: XmlRecordReader;
  if (format === "wxr") {
    let comments: { id: string; slot: Slot }[] = [];
    reader = new XmlRecordReader({
      roots: ["rss"],
      isRecord: isWxrRecord,
      onRecord(record) {
        // Comments close before their post, so they wait until the post says which thread they
        // are in; what they need is taken now, while their text is at hand.
        if (record.kind === "wp:comment") return void comments.push({ id: field(record, "wp:comment_id"), slot: slotOf(text, record, "wp:comment_approved") });
        const actions = decisions.get(wxrThreadExternalId(record) ?? "");
        for (const comment of actions ? comments : []) {
          const action = actions!.get(comment.id);
          if (action) setElement(comment.slot, WXR_APPROVED[action], edits);
        }
        comments = [];
      },
    });
  } else {
    reader = new XmlRecordReader({
      roots: ["disqus"],
      isRecord: isDisqusRecord,
      onRecord(record) {
        if (record.kind !== "post") return;
        const keys = disqusPostKeys(record);
        const action = decisions.get(keys.threadId ?? "")?.get(keys.id);
        if (action === "approve") {
          setElement(slotOf(text, record, "isDeleted"), "false", edits);
          setElement(slotOf(text, record, "isSpam"), "false", edits);
        } else if (action === "spam") setElement(slotOf(text, record, "isSpam"), "true", edits);
        else if (action === "remove") setElement(slotOf(text, record, "isDeleted"), "true", edits);
      },
    });
  }
  for (const slice of text.slices()) reader.write(slice);
  reader.end();
  const issue = reader.issues[0];
  if (issue) return { ok: false, message: `the kept file no longer parses: ${issue.message}${issue.line ? ` (line ${issue.line})` : ""}` };
  return { ok: true, edits: edits.sort((a, b) => a.start - b.start) };
}

function field(record: XmlRecord, path: string): string {
  return (record.fields.get(path) ?? "").trim();
}

function slotOf(text: SlicedText, record: XmlRecord, name: string): Slot {
  const span = record.spans.get(name);
  if (!span) {
    const at = text.byteAt(record.end);
    return { name, start: at, end: at, raw: null, selfClosed: false };
  }
  const selfClosed = record.selfClosed.has(name);
  return { name, start: text.byteAt(span[0]), end: text.byteAt(span[1]), raw: selfClosed ? "" : text.slice(span[0], span[1]), selfClosed };
}

/**
 * Sets one child element's value, keeping a CDATA wrapper when the file used one, and leaving a
 * value that already says the same untouched. A missing element is added only when it must say
 * something other than the platform's default ("false"/"0" is what a missing flag means).
 */
function setElement(slot: Slot, value: string, edits: Edit[]): void {
  const element = `<${slot.name}>${value}</${slot.name}>`;
  if (slot.raw === null || slot.selfClosed) {
    if (value !== "false") edits.push({ start: slot.start, end: slot.end, text: element });
    return;
  }
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(slot.raw);
  if ((cdata ? cdata[1]! : slot.raw).trim().toLowerCase() === value) return;
  edits.push({ start: slot.start, end: slot.end, text: cdata ? `<![CDATA[${value}]]>` : value });
}

/** Thrown when an offset is asked of a slice no longer kept; the caller then reads the text whole. */
class OutOfWindow extends Error {}

/** How many decoded slices are kept for offsets and raw text asked of a record that just closed. */
const KEPT_SLICES = 4;

/**
 * A file's text decoded a slice of bytes at a time (cut on character boundaries, so every slice
 * decodes on its own), keeping the last few slices to turn a character offset into a byte offset.
 */
class SlicedText {
  private readonly kept: { char: number; byte: number; text: string; cursorChar: number; cursorByte: number }[] = [];

  constructor(
    private readonly bytes: Buffer,
    private readonly choice: EncodingChoice & { ok: true },
    /** Bytes per character: 0 for UTF-8 (it varies), else 1 or 2. */
    private readonly unit: number,
    private readonly sliceBytes: number,
  ) {}

  *slices(): Generator<string> {
    let char = 0;
    for (let at = this.choice.skip; at < this.bytes.length; ) {
      const end = this.cut(at);
      const text = this.decode(at, end);
      this.kept.push({ char, byte: at, text, cursorChar: char, cursorByte: at });
      if (this.kept.length > KEPT_SLICES) this.kept.shift();
      yield text;
      char += text.length;
      at = end;
    }
  }

  /** The byte offset of character offset `char` (in a kept slice, or at the very end). */
  byteAt(char: number): number {
    const slice = this.sliceOf(char);
    if (this.unit > 0) return slice.byte + (char - slice.char) * this.unit;
    // UTF-8: count forward from the last answer in this slice; offsets come mostly in order.
    if (char < slice.cursorChar) {
      slice.cursorChar = slice.char;
      slice.cursorByte = slice.byte;
    }
    slice.cursorByte += Buffer.byteLength(slice.text.slice(slice.cursorChar - slice.char, char - slice.char), "utf8");
    slice.cursorChar = char;
    return slice.cursorByte;
  }

  /** The text between two character offsets of the kept slices. */
  slice(start: number, end: number): string {
    let out = "";
    for (const s of this.kept) {
      const from = Math.max(start, s.char);
      const to = Math.min(end, s.char + s.text.length);
      if (from < to) out += s.text.slice(from - s.char, to - s.char);
    }
    if (start < this.kept[0]!.char) throw new OutOfWindow();
    return out;
  }

  private sliceOf(char: number) {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const s = this.kept[i]!;
      if (char >= s.char && char <= s.char + s.text.length) return s;
    }
    throw new OutOfWindow();
  }

  private cut(at: number): number {
    if (this.sliceBytes >= this.bytes.length - at) return this.bytes.length;
    let end = at + Math.max(4, this.sliceBytes);
    if (this.unit === 2) end -= (end - at) % 2;
    // UTF-8: never inside a character (continuation bytes are 10xxxxxx).
    else if (this.unit === 0) while (end > at + 1 && (this.bytes[end]! & 0xc0) === 0x80) end--;
    return end;
  }

  private decode(at: number, end: number): string {
    const part = this.bytes.subarray(at, end);
    if (this.unit === 0) return part.toString("utf8");
    if (this.choice.encoding === "utf-16le") return part.toString("utf16le");
    return iconv.decode(part, this.choice.encoding === "utf-16be" ? "utf16be" : (this.choice.decodeAs ?? this.choice.encoding));
  }
}
