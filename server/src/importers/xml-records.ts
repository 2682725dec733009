import { Parser } from "htmlparser2";
import type { ParseIssue } from "@sift/shared";

/**
 * One record element of an XML export (a Disqus `<post>`, a WXR `<item>` or `<wp:comment>`),
 * flattened: the text and attributes of its descendants keyed by their path below the record
 * ("author/name"), plus where each descendant's content sits in the text so a writer can later
 * replace exactly those characters.
 */
export interface XmlRecord {
  /** The record element's name as written (prefix included: `wp:comment`). */
  kind: string;
  attrs: Record<string, string>;
  /** Text of each descendant element by relative path; repeated elements are concatenated. */
  fields: Map<string, string>;
  /** Attributes of each descendant element by relative path (the first occurrence). */
  childAttrs: Map<string, Record<string, string>>;
  /**
   * [start, end) offsets in the whole text of each descendant's content (the first occurrence);
   * for an empty element written `<x/>`, the whole tag, since it has no content to replace.
   */
  spans: Map<string, [number, number]>;
  /** Paths of descendants written as `<x/>`, whose span is the tag itself. */
  selfClosed: Set<string>;
  /** 1-based line of the record's start tag. */
  line: number;
  /** Offset of the record's end tag ("<" of `</post>`): where a writer inserts a missing element. */
  end: number;
}

/** What a format tells the reader: which root it expects and which elements are records. */
export interface XmlRecordSpec {
  /** The root element names the format accepts (`disqus`, `rss`). */
  roots: readonly string[];
  /** Whether the element at `path` (element names from the root down, the element last) is a record. */
  isRecord(path: readonly string[]): boolean;
  /** Called when a record element closes; nested records close (and are reported) before their parent. */
  onRecord(record: XmlRecord, path: readonly string[]): void;
}

interface OpenRecord {
  record: XmlRecord;
  depth: number;
}

/**
 * A SAX-style reader over htmlparser2's streaming Parser: feed it the text in chunks with `write`,
 * then `end`. It keeps only the open element path and the records being read, never the
 * document, so a 200 MB export costs what its records cost, not a DOM. Problems (wrong root,
 * unclosed or mismatched tags, a truncated file) are collected in `issues`, never thrown.
 */
export class XmlRecordReader {
  readonly issues: ParseIssue[] = [];
  /** Whether a root element was seen at all (a file with none is not XML). */
  sawRoot = false;
  private readonly parser: Parser;
  private readonly path: string[] = [];
  private readonly open: OpenRecord[] = [];
  /** Per open element: where its content starts, or -1 for a self-closing `<x/>` (no content). */
  private readonly contentStart: number[] = [];
  /** Per open element: where its start tag begins ("<"). */
  private readonly tagStart: number[] = [];
  private readonly lines = new LineCounter();
  private stopped = false;
  private ended = false;

  constructor(private readonly spec: XmlRecordSpec) {
    this.parser = new Parser(
      {
        onopentag: (name, attrs) => this.openTag(name, attrs),
        ontext: (text) => this.text(text),
        onclosetag: (name, implied) => this.closeTag(name, implied),
      },
      { xmlMode: true, recognizeCDATA: true, decodeEntities: true },
    );
  }

  /** Feeds the next piece of the text. */
  write(chunk: string): void {
    this.lines.push(chunk);
    if (!this.stopped) this.parser.write(chunk);
  }

  /** Ends the input: reports a missing root or a file that stops inside an element. */
  end(): void {
    this.ended = true;
    if (!this.stopped) {
      const innermost = this.path[this.path.length - 1];
      if (innermost !== undefined) {
        const where = this.path.length > 1 ? ` inside <${innermost}>` : "";
        this.fail(this.lines.total, `the file ends${where} before <${this.path[0]}> is closed: it looks truncated`);
      }
      this.parser.end();
    }
    if (!this.sawRoot && this.issues.length === 0 && !this.stopped) {
      this.issues.push({ message: `no XML element found: expected a <${this.spec.roots.join("> or <")}> document` });
    }
  }

  private openTag(name: string, attrs: Record<string, string>): void {
    if (this.stopped) return;
    if (this.path.length === 0) {
      if (this.sawRoot) return this.fail(this.lineHere(), `a second root element <${name}> after the document ended`);
      this.sawRoot = true;
      if (!this.spec.roots.includes(name)) {
        return this.fail(this.lineHere(), `expected <${this.spec.roots.join("> or <")}> as the root element, found <${name}>`);
      }
    }
    this.path.push(name);
    // The parser's endIndex is the start tag's ">", so content begins one past it.
    const end = this.parser.endIndex;
    this.contentStart.push(this.lines.slice(end - 1, end) === "/" ? -1 : end + 1);
    this.tagStart.push(this.parser.startIndex);
    if (this.spec.isRecord(this.path)) {
      const record: XmlRecord = { kind: name, attrs, fields: new Map(), childAttrs: new Map(), spans: new Map(), selfClosed: new Set(), line: this.lineHere(), end: -1 };
      this.open.push({ record, depth: this.path.length });
    } else {
      const current = this.open[this.open.length - 1];
      if (current) {
        const key = this.relativePath(current);
        if (!current.record.childAttrs.has(key)) current.record.childAttrs.set(key, attrs);
      }
    }
  }

  private text(text: string): void {
    // "]>" is what the parser leaves of a DOCTYPE's internal subset; anything else is not XML.
    if (!this.sawRoot && !this.stopped && !/^[\s\]>]*$/.test(text)) {
      // JSON or prose forced through an XML importer: its first "tag" would be some <p> in a string.
      const start = text.trim().slice(0, 20);
      return this.fail(this.lineHere(), `not an XML document: it starts with text ("${start}") before any <${this.spec.roots.join("> or <")}> element`);
    }
    const current = this.open[this.open.length - 1];
    if (this.stopped || !current || this.path.length === current.depth) return;
    const key = this.relativePath(current);
    const fields = current.record.fields;
    fields.set(key, (fields.get(key) ?? "") + text);
  }

  private closeTag(name: string, implied: boolean): void {
    if (this.stopped) return;
    const start = this.contentStart.pop() ?? 0;
    const tagStart = this.tagStart.pop() ?? 0;
    // htmlparser2 reports `<x/>` as an implied close too; only an element an outer end tag cut short is an error.
    if (implied && start !== -1 && !this.ended) {
      return this.fail(this.lineHere(), `<${name}> is not closed before </${this.closingName()}>`);
    }
    const current = this.open[this.open.length - 1];
    if (current && this.path.length === current.depth) {
      this.open.pop();
      current.record.end = start === -1 ? this.parser.endIndex + 1 : this.parser.startIndex;
      this.spec.onRecord(current.record, this.path);
    } else if (current) {
      const key = this.relativePath(current);
      // The parser's startIndex is the end tag's "<": the content ends just before it.
      const span: [number, number] = start === -1 ? [tagStart, this.parser.endIndex + 1] : [start, this.parser.startIndex];
      if (!current.record.spans.has(key)) {
        current.record.spans.set(key, span);
        if (start === -1) current.record.selfClosed.add(key);
      }
    }
    this.path.pop();
  }

  private relativePath(current: OpenRecord): string {
    return this.path.slice(current.depth).join("/");
  }

  /** The name in the end tag being read: the text between "</" and ">" at the parser's position. */
  private closingName(): string {
    return this.lines.slice(this.parser.startIndex, this.parser.endIndex + 1).replace(/^<\/|>$/g, "").trim() || "?";
  }

  private lineHere(): number {
    return this.lines.lineAt(this.parser.startIndex);
  }

  private fail(line: number, message: string): void {
    this.issues.push({ line, message });
    this.stopped = true;
  }
}

/**
 * Turns offsets into 1-based line numbers while the text streams past. It keeps the current and
 * the previous chunk only, and counts forward from the last answer, since the parser's offsets
 * only grow: linear in the file, constant in memory.
 */
class LineCounter {
  private chunks: { start: number; text: string }[] = [];
  private cursor = 0;
  private cursorLine = 1;
  total = 1;
  private length = 0;

  push(chunk: string): void {
    this.chunks.push({ start: this.length, text: chunk });
    if (this.chunks.length > 2) {
      // Count the dropped chunk's newlines now, or lines after it would be numbered too low.
      const dropped = this.chunks[0]!;
      this.lineAt(dropped.start + dropped.text.length);
      this.chunks.shift();
    }
    this.length += chunk.length;
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) this.total++;
  }

  lineAt(index: number): number {
    if (index < this.cursor) return this.cursorLine;
    for (const { start, text } of this.chunks) {
      const from = Math.max(this.cursor, start) - start;
      const to = Math.min(index, start + text.length) - start;
      for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) this.cursorLine++;
    }
    this.cursor = Math.max(this.cursor, index);
    return this.cursorLine;
  }

  slice(from: number, to: number): string {
    return this.chunks.map(({ start, text }) => text.slice(Math.max(0, from - start), Math.max(0, to - start))).join("");
  }
}

/** Drives a reader over a whole string in 64 KiB chunks: the same path a file stream will take. */
export function feedText<R>(reader: { write(chunk: string): void; end(): R }, text: string, chunkSize = 64 * 1024): R {
  for (let i = 0; i < text.length; i += chunkSize) reader.write(text.slice(i, i + chunkSize));
  return reader.end();
}
