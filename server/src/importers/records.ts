import { createHash } from "node:crypto";
import type { CommentImport, ParseResult, ThreadImport } from "@sift/shared";
import { orderDepthFirst, plural } from "./reply-tree";
import { parseGrouped, type GroupedEnd, type GroupedFormat, type GroupSink } from "./grouped";

/** The comment and thread fields a tabular export can carry. */
export type RecordField =
  | "id" | "parent" | "author" | "body" | "postedAt" | "threadId" | "threadTitle" | "threadUrl" | "status" | "articleBody";

/**
 * Column names we recognise per field, in priority order (the first present wins). Compared after
 * lower-casing and dropping spaces, underscores and dashes, so "Comment Text" matches comment_text.
 */
export const FIELD_ALIASES: Record<RecordField, readonly string[]> = {
  // The comment_* names are WordPress's wp_comments columns, as phpMyAdmin or a plugin exports them.
  id: ["id", "comment_id", "commentid", "post_id"],
  parent: ["parent_id", "parent", "in_reply_to", "reply_to", "parent_comment_id", "comment_parent"],
  author: ["author", "user", "username", "user_name", "name", "author_name", "display_name", "comment_author"],
  // raw_message before message: Disqus puts plain text there and HTML in message.
  body: ["body", "text", "comment", "raw_message", "message", "content", "comment_text", "comment_content"],
  postedAt: ["created_at", "date", "timestamp", "time", "posted_at", "created", "created_utc", "comment_date_gmt", "comment_date"],
  threadId: ["thread_id", "thread", "article_id", "post", "discussion_id", "comment_post_id", "link_id"],
  threadTitle: ["thread_title", "title", "article_title", "post_title"],
  threadUrl: ["thread_url", "url", "link", "permalink"],
  status: ["status", "comment_approved"],
  articleBody: ["article_body", "thread_body", "article_text", "article"],
};

/** The message for a file without a text column; shared so every tabular format says the same thing. */
export const NO_BODY_COLUMN_MESSAGE = "no comment text column: expected one of body, text, comment, message, content";

/** Which source column (as spelled in the file) feeds each field. */
export type ColumnMap = Partial<Record<RecordField, string>>;

/** One record as read from the file, with the line it starts on when the format has lines. */
export interface RawRecord {
  values: Record<string, unknown>;
  line?: number;
}

/** Lower-cases and drops spaces, underscores and dashes: "Comment Text" → "commenttext". */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** Maps each field to a column; a column feeds at most one field, so "name" is not also read as something else. */
export function mapColumns(columns: readonly string[]): ColumnMap {
  const byNormal = new Map<string, string>();
  for (const column of columns) {
    const normal = normalizeColumnName(column);
    if (!byNormal.has(normal)) byNormal.set(normal, column);
  }
  const used = new Set<string>();
  const map: ColumnMap = {};
  for (const field of Object.keys(FIELD_ALIASES) as RecordField[]) {
    for (const alias of FIELD_ALIASES[field]) {
      const column = byNormal.get(normalizeColumnName(alias));
      if (column !== undefined && !used.has(column)) {
        map[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return map;
}

/** Turns a cell into text. Nested objects (a Disqus-style `author: {name}`) yield their most name-like member. */
export function valueToText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const key of ["name", "username", "display_name", "displayName", "id", "title", "raw_message", "text", "body"]) {
      const inner = object[key];
      if (typeof inner === "string" || typeof inner === "number") return String(inner);
    }
  }
  return JSON.stringify(value);
}

const ZONELESS_DATE_TIME = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const HAS_ZONE = /(?:Z|GMT|UTC|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * ISO 8601 for the formats exports use: ISO strings, "YYYY-MM-DD HH:MM[:SS]" (or with slashes; read as UTC, since
 * exports rarely say and guessing the server's zone would be worse), unix seconds or milliseconds.
 * Anything else is null rather than a guess: "03/04/2020" is ambiguous.
 */
export function parseTimestamp(value: unknown): string | null {
  if (typeof value === "number") return fromEpoch(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const zoneless = ZONELESS_DATE_TIME.exec(text);
  if (zoneless) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0"] = zoneless;
    const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, +ms.padEnd(3, "0")));
    // Date.UTC rolls 2020-02-31 over to March; a round trip catches it.
    if (date.getUTCMonth() !== +mo! - 1 || date.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return null;
    return date.toISOString();
  }
  if (!HAS_ZONE.test(text)) return null;
  // Postgres writes "+00"; Date.parse wants minutes too.
  const millis = Date.parse(text.replace(/([+-]\d{2})$/, "$1:00"));
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  // Seconds stay below 1e11 until the year 5138; milliseconds passed it in 1973.
  const millis = value < 1e11 ? value * 1000 : value;
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const STATUS_WORDS: Record<string, CommentImport["initial_status"]> = {
  approved: "approved", approve: "approved", published: "approved", visible: "approved", accepted: "approved",
  // WordPress's comment_approved: "1", "0", "spam", "trash".
  "1": "approved", "0": "pending", "post-trashed": "removed",
  pending: "pending", unapproved: "pending", held: "pending", moderation: "pending", queued: "pending",
  removed: "removed", deleted: "removed", spam: "removed", rejected: "removed", trash: "removed", hidden: "removed",
};

/** A status column's word, or a body that is a Reddit-style tombstone; pending when unknown. */
export function toInitialStatus(status: string, body: string): CommentImport["initial_status"] {
  const word = STATUS_WORDS[status.trim().toLowerCase()];
  if (word) return word;
  return body === "[removed]" || body === "[deleted]" ? "removed" : "pending";
}

/** Trims and collapses runs of blank lines so paragraphs are joined by exactly "\n\n". */
export function normalizeParagraphs(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\n(?:[ \t]*\n)+/g, "\n\n").trim();
}

/** Parent ids that mean "no parent" in common exports. */
const NO_PARENT = new Set(["", "0", "null", "none", "-"]);

interface Row {
  comment: CommentImport;
  parentRef: string;
  threadId: string;
  threadTitle: string;
  threadUrl: string;
  articleBody: string;
}

/** A record as a grouped sink keeps it: its position among the file's records, its line, its cells. */
interface RecordItem {
  i: number;
  line?: number;
  values: Record<string, unknown>;
}

/** What building a record thread needs once the whole file has been read. */
interface RecordsContext {
  columns: ColumnMap;
  format: string;
}

/** Normalised names of every column that may describe a record's thread. */
const THREAD_COLUMNS = new Set((["threadId", "threadTitle", "threadUrl"] as const).flatMap((f) => FIELD_ALIASES[f].map(normalizeColumnName)));

/**
 * Hands records to a grouped sink as they are read (CSV, JSON and JSONL alike). Which columns
 * name the thread is only certain once every record's keys are known, so records are grouped by
 * the values of every column that could (a finer grouping), and merged into threads by the final
 * column map at the end (recordsFormat.threadKeyOf).
 */
export class RecordGrouper {
  /** Every column name seen, in first-seen order (a JSON file's records need not share keys). */
  readonly keys = new Set<string>();
  /** Records with at least one non-blank cell. */
  filled = 0;
  /** The line of the first such record, for a file-level message. */
  firstLine: number | undefined;
  private index = 0;
  private readonly threadColumn = new Map<string, boolean>();

  constructor(private readonly sink: GroupSink) {}

  push(record: RawRecord): void {
    const i = this.index++;
    let blank = true;
    let thread: Record<string, string> | undefined;
    for (const key in record.values) {
      if (!this.keys.has(key)) this.keys.add(key);
      const text = valueToText(record.values[key]).trim();
      if (text === "") continue;
      blank = false;
      let isThread = this.threadColumn.get(key);
      if (isThread === undefined) this.threadColumn.set(key, (isThread = THREAD_COLUMNS.has(normalizeColumnName(key))));
      if (isThread) (thread ??= {})[key] = text;
    }
    if (blank) return;
    if (this.filled++ === 0) this.firstLine = record.line;
    const key = thread ? JSON.stringify(thread) : "";
    this.sink.describe(key, thread ?? {});
    const item: RecordItem = { i, line: record.line, values: record.values };
    this.sink.add(key, item);
  }

  /** After the last record: problems, or what recordsFormat.build needs. */
  end(columns: ColumnMap, format: string): GroupedEnd {
    if (this.filled === 0) return { ok: false, issues: [{ message: "the file holds no comment records" }] };
    if (!columns.body) return { ok: false, issues: [{ line: this.firstLine ?? 1, message: NO_BODY_COLUMN_MESSAGE }] };
    const context: RecordsContext = { columns, format };
    return { ok: true, notes: [], context };
  }
}

/**
 * How record groups become threads, for any reader that feeds a RecordGrouper: groups merge by
 * their thread key under the final column map; each thread is ordered depth-first.
 */
export function recordsFormat(open: GroupedFormat["open"]): GroupedFormat {
  return {
    open,
    threadKeyOf: (_key, meta, context) => rowThreadKey(meta as Record<string, unknown>, (context as RecordsContext).columns),
    build: (_metas, items, ctx) => {
      const { columns, format } = ctx.context as RecordsContext;
      const rows = (items as RecordItem[]).map((item) => toRow(item.values, item.i, columns));
      return toThread(rows, ctx.threads, titleFromFileName(ctx.fileName), { format, fileName: ctx.fileName });
    },
  };
}

/**
 * Builds threads from mapped records: groups them by thread, resolves parents and orders each
 * thread depth-first. What the CSV, JSON and JSONL readers do, for records already in memory.
 */
export function buildThreadsFromRecords(
  records: readonly RawRecord[],
  columns: ColumnMap,
  options: { format: string; fileName?: string },
): ParseResult {
  if (!columns.body) return { ok: false, issues: [{ line: 1, message: NO_BODY_COLUMN_MESSAGE }] };
  const format = recordsFormat((sink) => {
    const grouper = new RecordGrouper(sink);
    return { write: () => {}, end: () => (records.forEach((r) => grouper.push(r)), grouper.end(columns, options.format)) };
  });
  return parseGrouped(format, "", { fileName: options.fileName });
}

function read(values: Record<string, unknown>, columns: ColumnMap, field: RecordField): string {
  const column = columns[field];
  return column === undefined ? "" : valueToText(values[column]).trim();
}

/** A record's thread: by its thread id, else title, else link; "" for records that name none. */
function rowThreadKey(values: Record<string, unknown>, columns: ColumnMap): string {
  const [threadId, threadTitle, threadUrl] = [read(values, columns, "threadId"), read(values, columns, "threadTitle"), read(values, columns, "threadUrl")];
  return threadId ? `id:${threadId}` : threadTitle ? `title:${threadTitle}` : threadUrl ? `url:${threadUrl}` : "";
}

/** The row of the `index`th record of the file (a record with at least one filled cell). */
function toRow(values: Record<string, unknown>, index: number, columns: ColumnMap): Row {
  const author = read(values, columns, "author");
  // Untrimmed: normalizeParagraphs trims, and must see the cell's own line structure first.
  const body = normalizeParagraphs(columns.body === undefined ? "" : valueToText(values[columns.body]));
  const id = read(values, columns, "id") || deriveId(index, author, body);
  return {
    comment: {
      external_id: id,
      parent_external_id: null,
      author,
      posted_at: parseTimestamp(columns.postedAt === undefined ? undefined : values[columns.postedAt]),
      body,
      initial_status: toInitialStatus(read(values, columns, "status"), body),
    },
    parentRef: read(values, columns, "parent"),
    threadId: read(values, columns, "threadId"),
    threadTitle: read(values, columns, "threadTitle"),
    threadUrl: read(values, columns, "threadUrl"),
    articleBody: read(values, columns, "articleBody"),
  };
}

/** Stable across re-imports of the same file, so re-importing updates rather than duplicates. */
function deriveId(index: number, author: string, body: string): string {
  const hash = createHash("sha1").update(`${index}\u0000${author}\u0000${body}`).digest("hex").slice(0, 12);
  return `row-${index + 1}-${hash}`;
}

function titleFromFileName(fileName: string | undefined): string {
  const base = fileName?.split(/[\\/]/).pop()?.replace(/\.[^.]*$/, "").trim();
  return base || "Imported comments";
}

function toThread(group: Row[], groupCount: number, fallbackTitle: string, options: { format: string; fileName?: string }): ThreadImport {
  const first = (pick: (row: Row) => string) => group.map(pick).find((v) => v !== "") ?? "";
  const threadId = first((r) => r.threadId);
  const title = first((r) => r.threadTitle) || (groupCount > 1 && threadId ? `${fallbackTitle} (thread ${threadId})` : fallbackTitle);
  const notes: string[] = [];
  const comments = orderDepthFirst(resolveParents(uniquifyIds(group, notes), notes).map((row) => row.comment), notes, "comment");
  return {
    external_id: threadId || null,
    format: options.format,
    title,
    url: first((r) => r.threadUrl) || null,
    source_note: options.fileName ? `imported from ${options.fileName}` : null,
    article: { title, body: normalizeParagraphs(first((r) => r.articleBody)) },
    declared_comment_count: null,
    comments,
    notes,
  };
}

/** Two records with one id would collide in storage; later ones get a suffix and a note. */
function uniquifyIds(group: Row[], notes: string[]): Row[] {
  const seen = new Set<string>();
  let renamed = 0;
  for (const row of group) {
    let id = row.comment.external_id;
    for (let n = 2; seen.has(id); n++) id = `${row.comment.external_id}#${n}`;
    if (id !== row.comment.external_id) renamed++;
    row.comment.external_id = id;
    seen.add(id);
  }
  if (renamed > 0) notes.push(`ids repeated by ${plural(renamed, "record")}: given a "#2"-style suffix`);
  return group;
}

/** Points each row at its parent; "t1_abc" also matches "abc", as Reddit dumps give ids bare and parents prefixed. */
function resolveParents(group: Row[], notes: string[]): Row[] {
  const ids = new Set(group.map((r) => r.comment.external_id));
  const missing: string[] = [];
  for (const row of group) {
    const ref = row.parentRef;
    // Reddit dumps (Pushshift) point top-level comments at their post, "t3_…": no parent, not a missing one.
    if (NO_PARENT.has(ref.toLowerCase()) || ref === row.comment.external_id || ref.startsWith("t3_")) continue;
    const stripped = ref.replace(/^t\d_/, "");
    const parent = ids.has(ref) ? ref : ids.has(stripped) ? stripped : undefined;
    if (parent) row.comment.parent_external_id = parent;
    else missing.push(ref);
  }
  if (missing.length > 0) {
    const sample = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ", …" : "");
    notes.push(`parent ids not in the file for ${plural(missing.length, "comment")} (${sample}): shown as top-level`);
  }
  return group;
}

