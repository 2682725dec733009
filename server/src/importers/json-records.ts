import { JSONParser } from "@streamparser/json";
import type { ParseIssue, ParseResult } from "@sift/shared";
import { parseGrouped, type GroupedEnd, type GroupedFormat, type GroupedReader, type GroupSink } from "./grouped";
import type { Importer } from "./registry";
import { FIELD_ALIASES, mapColumns, normalizeColumnName, RecordGrouper, recordsFormat, type RawRecord } from "./records";

/** How much of a file detection reads. */
const DETECT_PREFIX = 64 * 1024;

/** Wrapper keys that usually hold the records in an exported object ({"response": [...]} from Disqus's API). */
const RECORD_ARRAY_KEYS = ["comments", "posts", "response", "data", "items", "records", "results", "messages"];

/** Reddit's API shapes; the reddit-json importer owns these. */
export const REDDIT_MARKER = /"kind"\s*:\s*"(?:Listing|t1|t3|more)"/;

const BODY_KEYS = new Set(FIELD_ALIASES.body.map(normalizeColumnName));

/** A parsed JSON value, or the one problem that stopped the parse (with its line when known). */
export type JsonParse = { ok: true; value: unknown } | { ok: false; issue: ParseIssue };

/** JSON.parse with problems as values: V8's "at position N" becomes a line and column. */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stated = /at position (\d+)/.exec(message);
    const position = stated ? Number(stated[1]) : positionFromSnippet(message, text);
    // V8 reports a cut-off file either as "end of input" or as an error at its very last character.
    if (/unexpected end of json input/i.test(message) || (position !== undefined && position >= text.trimEnd().length)) {
      return { ok: false, issue: { line: text.trimEnd().split("\n").length, message: "not valid JSON: the file ends early (is it truncated?)" } };
    }
    if (position === undefined) return { ok: false, issue: { message: `not valid JSON: ${message}` } };
    const before = text.slice(0, position);
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/^(Unexpected token '.'),[\s\S]*$/, "$1");
    return { ok: false, issue: { line, message: `not valid JSON at line ${line}, column ${column}: ${reason}` } };
  }
}

/**
 * V8 gives no position for an unexpected token, only a snippet: the source ±10 characters around
 * it, with "..." where it was cut, or the whole source when short. Find the snippet to get the position.
 */
function positionFromSnippet(message: string, text: string): number | undefined {
  const match = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!match) return undefined;
  const [, token = "", cutBefore, snippet = "", cutAfter] = match;
  if (cutBefore) {
    const at = text.indexOf(snippet);
    return at === -1 ? undefined : at + 10;
  }
  if (cutAfter) return snippet.length - 10;
  // The whole (short) source: the token is its first occurrence outside a string.
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' && text[i - 1] !== "\\") inString = !inString;
    else if (!inString && char === token) return i;
  }
  return undefined;
}

/** Parses a JSON comment export: an array of records, or an object wrapping one (whose thread fields apply to every record). */
export function parseJsonRecords(text: string, options: { fileName?: string } = {}): ParseResult {
  return parseGrouped(jsonFormat, text, options);
}

/** Text kept to explain an error the way JSON.parse would (line, column, token); larger files get the streaming parser's word. */
const EXPLAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Reads a JSON export chunk by chunk. A top-level array is streamed element by element
 * (@streamparser/json), so an array of a million records never sits in memory; an object
 * wrapping the records is read whole, since which of its members holds them, and which describe
 * the thread, is only known once it is complete.
 */
class JsonReader implements GroupedReader {
  private readonly grouper: RecordGrouper;
  private readonly issues: ParseIssue[] = [];
  private mode: "undecided" | "array" | "object" = "undecided";
  private parser: JSONParser | undefined;
  /** The text so far while it is small enough to explain an error with (and all of a wrapper object). */
  private kept: string[] = [];
  private keptLength = 0;
  private lines = 1;
  private elements = 0;
  private failure: Error | undefined;

  constructor(sink: GroupSink) {
    this.grouper = new RecordGrouper(sink);
  }

  write(chunk: string): void {
    if (this.failure) return;
    if (this.mode === "undecided") {
      const first = /\S/.exec(chunk)?.[0];
      if (first === "[") this.startArray();
      else if (first !== undefined) this.mode = "object";
    }
    this.keep(chunk);
    if (this.mode === "array") {
      try {
        // The parser ends itself when the array closes; only whitespace may follow.
        if (!this.parser!.isEnded) this.parser!.write(chunk);
        else if (chunk.trim() !== "") throw new Error("unexpected text after the array's closing bracket");
      } catch (err) {
        this.failure = err as Error;
      }
    }
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) this.lines++;
  }

  end(): GroupedEnd {
    if (this.mode === "array" && !this.failure && !this.parser!.isEnded) {
      try {
        this.parser!.end();
      } catch (err) {
        this.failure = err as Error;
      }
    }
    if (this.mode !== "array" || this.failure) {
      const text = this.kept.join("");
      if (this.mode === "array" && this.keptLength > EXPLAIN_LIMIT) {
        return { ok: false, issues: [{ line: this.lines, message: `not valid JSON: ${this.failure!.message.replace(/\s+in state.*$/s, "")}` }] };
      }
      // Small enough to have been kept whole: JSON.parse says where and what, as for any JSON file.
      const parsed = parseJsonText(text);
      if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
      const extracted = extractRecords(parsed.value);
      if (!extracted.ok) return { ok: false, issues: extracted.issues };
      if (this.mode !== "array") for (const record of extracted.records) this.grouper.push(record);
    }
    if (this.issues.length > 0) return { ok: false, issues: this.issues };
    return this.grouper.end(mapColumns([...this.grouper.keys]), "json");
  }

  private startArray(): void {
    this.mode = "array";
    // `$.*`: each element of the top-level array, as soon as it is complete; nothing above it is kept.
    this.parser = new JSONParser({ paths: ["$.*"], keepStack: false });
    this.parser.onValue = ({ value }) => {
      const index = this.elements++;
      if (isPlainObject(value)) {
        if (this.issues.length === 0) this.grouper.push({ values: value });
      } else if (this.issues.length < 20) this.issues.push({ message: `record ${index + 1} is ${describe(value)}, not an object` });
    };
  }

  private keep(chunk: string): void {
    if (this.mode === "array" && this.keptLength > EXPLAIN_LIMIT) return;
    this.kept.push(chunk);
    this.keptLength += chunk.length;
    if (this.mode === "array" && this.keptLength > EXPLAIN_LIMIT) this.kept = [];
  }
}

/** JSON exports as a grouped format: what both `parse` and a streamed file import read them with. */
export const jsonFormat: GroupedFormat = recordsFormat((sink) => new JsonReader(sink));

/** Parses JSON Lines: one record object per line; blank lines are skipped, bad lines reported by number. */
export function parseJsonLines(text: string, options: { fileName?: string } = {}): ParseResult {
  return parseGrouped(jsonlFormat, text, options);
}

/** Reads JSON Lines chunk by chunk: each complete line is parsed as it arrives, so a file of any size streams. */
class JsonlReader implements GroupedReader {
  private readonly grouper: RecordGrouper;
  private readonly issues: ParseIssue[] = [];
  private partial = "";
  private line = 0;

  constructor(sink: GroupSink) {
    this.grouper = new RecordGrouper(sink);
  }

  write(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, end);
      this.take(this.partial === "" ? piece : this.partial + piece);
      this.partial = "";
      start = end + 1;
    }
    if (start < chunk.length) this.partial += chunk.slice(start);
  }

  end(): GroupedEnd {
    if (this.partial !== "") this.take(this.partial);
    this.partial = "";
    if (this.issues.length > 0) return { ok: false, issues: this.issues };
    return this.grouper.end(mapColumns([...this.grouper.keys]), "jsonl");
  }

  private take(lineText: string): void {
    const line = ++this.line;
    if (this.issues.length >= 20 || lineText.trim() === "") return;
    const parsed = parseJsonText(lineText);
    if (!parsed.ok) this.issues.push({ line, message: "not valid JSON" });
    else if (!isPlainObject(parsed.value)) this.issues.push({ line, message: `expected a JSON object, found ${describe(parsed.value)}` });
    else if (this.issues.length === 0) this.grouper.push({ values: parsed.value, line });
  }
}

/** JSON Lines as a grouped format: what both `parse` and a streamed file import read it with. */
export const jsonlFormat: GroupedFormat = recordsFormat((sink) => new JsonlReader(sink));

/** 0..1 that the text is a JSON export of comment records (not Reddit's API shape, not JSON Lines). */
export function detectJsonRecords(text: string, fileName?: string): number {
  const head = text.slice(0, DETECT_PREFIX).trimStart();
  if (!/^[[{]/.test(head)) return 0;
  if (REDDIT_MARKER.test(head)) return 0.3;
  const bonus = fileName?.toLowerCase().endsWith(".json") ? 0.05 : 0;
  if (head.startsWith("{") && objectLines(head).length >= 2) return 0.2;
  const hasBodyKey = [...head.matchAll(/"([^"\\]{1,60})"\s*:/g)].some((m) => BODY_KEYS.has(normalizeColumnName(m[1]!)));
  if (/^\[\s*\{/.test(head)) return (hasBodyKey ? 0.9 : 0.3) + bonus;
  if (head.startsWith("{")) return (hasBodyKey ? (head.includes("[") ? 0.8 : 0.45) : 0.25) + bonus;
  return 0.05;
}

/** 0..1 that the text is JSON Lines: the first non-blank lines each hold one JSON object. */
export function detectJsonLines(text: string, fileName?: string): number {
  const head = text.slice(0, DETECT_PREFIX).trimStart();
  if (!head.startsWith("{")) return 0;
  const objects = objectLines(head);
  if (objects.length === 0) return 0;
  const bonus = fileName && /\.(jsonl|ndjson)$/i.test(fileName) ? 0.05 : 0;
  const hasBody = objects.some((o) => Object.keys(o).some((k) => BODY_KEYS.has(normalizeColumnName(k))));
  if (objects.length === 1) return (hasBody ? 0.5 : 0.2) + bonus;
  return (hasBody ? 0.9 : 0.4) + bonus;
}

/** The Importer for JSON arrays of comment records. */
export const jsonImporter: Importer = {
  name: "json",
  description: "a JSON array of comment objects (or an object wrapping one, e.g. {\"comments\": [...]})",
  detect: detectJsonRecords,
  parse: (text, options) => parseJsonRecords(text, options),
  grouped: jsonFormat,
};

/** The Importer for JSON Lines comment exports. */
export const jsonlImporter: Importer = {
  name: "jsonl",
  description: "JSON Lines: one comment object per line",
  detect: detectJsonLines,
  parse: (text, options) => parseJsonLines(text, options),
  grouped: jsonlFormat,
};

type Extracted = { ok: true; records: RawRecord[] } | { ok: false; issues: ParseIssue[] };

function extractRecords(value: unknown): Extracted {
  if (Array.isArray(value)) return toRecords(value, {});
  if (!isPlainObject(value)) return { ok: false, issues: [{ message: `expected an array of comment objects, found ${describe(value)}` }] };
  const key = RECORD_ARRAY_KEYS.find((k) => Array.isArray(value[k]))
    ?? Object.keys(value).find((k) => Array.isArray(value[k]) && (value[k] as unknown[]).some(isPlainObject));
  // A lone object with a text field is a one-record export.
  if (key === undefined) return toRecords([value], {});
  return toRecords(value[key] as unknown[], threadDefaults(value));
}

/** Where a wrapper may describe its thread as an object: {"thread": {"id", "title", "link"}, "posts": [...]}. */
const THREAD_OBJECT_KEYS = ["thread", "post", "article", "discussion", "page"];

/**
 * Thread fields of a wrapper object, from its scalar members ({"title": ..., "url": ..., "comments": [...]})
 * or a nested thread object, under canonical column names so that they fill records that lack them.
 */
function threadDefaults(wrapper: Record<string, unknown>): Record<string, unknown> {
  const nested = THREAD_OBJECT_KEYS.map((k) => wrapper[k]).find(isPlainObject);
  const source = nested ?? wrapper;
  const scalars = Object.keys(source).filter((k) => !isPlainObject(source[k]) && !Array.isArray(source[k]));
  const map = mapColumns(scalars);
  const pick = (...columns: (string | undefined)[]) => columns.map((c) => (c === undefined ? undefined : source[c])).find((v) => v !== undefined);
  const defaults: Record<string, unknown> = {
    // Inside a thread object, its own id, title and body are the thread's.
    thread_id: pick(map.threadId, nested ? map.id : undefined),
    thread_title: pick(map.threadTitle),
    thread_url: pick(map.threadUrl),
    article_body: pick(map.articleBody, nested ? map.body : undefined),
  };
  return Object.fromEntries(Object.entries(defaults).filter(([, v]) => v !== undefined));
}

function toRecords(items: unknown[], defaults: Record<string, unknown>): Extracted {
  const issues: ParseIssue[] = [];
  const records: RawRecord[] = [];
  items.forEach((item, index) => {
    if (isPlainObject(item)) records.push({ values: { ...defaults, ...item } });
    else if (issues.length < 20) issues.push({ message: `record ${index + 1} is ${describe(item)}, not an object` });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, records };
}

/** The leading lines that parse as JSON objects, stopping at the first that does not (the prefix may cut one off). */
function objectLines(head: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const line of head.split("\n").slice(0, 20)) {
    if (line.trim() === "") continue;
    try {
      const value: unknown = JSON.parse(line);
      if (!isPlainObject(value)) return [];
      objects.push(value);
    } catch {
      break;
    }
  }
  return objects;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
