import type { ExportComment, ExportDocument, ReportSummary } from "@sift/shared";
import { stringify } from "csv-stringify/sync";
import { documentSource, joinChunks, type ReportSource } from "./report-source";

export const CSV_COLUMNS = [
  "thread_id",
  "thread_title",
  "position",
  "comment_id",
  "parent_id",
  "author",
  "posted_at",
  "status",
  "decision",
  "moderator",
  "reason",
  "decided_at",
  "rule_pack_version",
  "categories",
  "rules",
  "body",
] as const;

export const RULES_CSV_COLUMNS = ["rule", "category", "hits", "pending", "approved", "removed", "precision"] as const;

/**
 * Spreadsheets execute a cell that starts with = + - @ (or a tab/CR that hides one) as a
 * formula; commenters control these strings, so such cells get a leading apostrophe (OWASP CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * How every CSV export is written: CRLF between records (what spreadsheets expect), and a cell
 * with any line break quoted. csv-stringify only quotes a cell holding the whole record delimiter,
 * so without `quoted_match` a body's paragraph break (a lone LF) went out bare and split the row
 * in every reader.
 */
export const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\r\n]/ } as const;

function toCsv(columns: readonly string[], rows: string[][]): string {
  return stringify(rows, { header: true, columns: [...columns], ...CSV_OPTIONS });
}

function commentRow(thread: { id: string; title: string }, c: ExportComment): string[] {
  const d = c.decision ?? null;
  return [
    thread.id,
    thread.title,
    String(c.position),
    c.id,
    c.parent_id ?? "",
    c.author,
    c.posted_at ?? "",
    c.status,
    d?.action ?? "",
    d?.moderator ?? "",
    d?.reason ?? "",
    d?.decided_at ?? "",
    d?.rule_pack_version ?? "",
    unique(c.flags.map((f) => f.category)).join(";"),
    unique(c.flags.map((f) => f.rule)).join(";"),
    c.body,
  ].map(neutraliseCell);
}

/** Rows per chunk: large enough to amortise a chunk, small enough to keep memory flat. */
const CSV_BATCH = 1000;

/** What makes a cell need quotes under CSV_OPTIONS: a quote, a comma or any line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell exactly as csv-stringify writes it with CSV_OPTIONS: quoted when it holds a quote, a
 * comma or a line break, quotes doubled; empty stays empty. Per row, csv-stringify cost more than
 * reading the row from the database; exporters.test.ts holds the two equal on hostile cells.
 */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record with its CRLF terminator, as csv-stringify writes it. */
export function csvRecord(cells: readonly string[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? "" : ",") + csvCell(cells[i]!);
  return `${line}\r\n`;
}

/** One row per comment, in thread then page order, with the decision that set its status; written in batches. */
export function* csvChunks(source: ReportSource): Generator<string> {
  yield stringify([], { header: true, columns: [...CSV_COLUMNS], ...CSV_OPTIONS });
  let chunk = "";
  let rows = 0;
  for (const { thread, comments } of source.threads) {
    for (const c of comments) {
      chunk += csvRecord(commentRow(thread, c));
      if (++rows === CSV_BATCH) {
        yield chunk;
        chunk = "";
        rows = 0;
      }
    }
  }
  if (rows) yield chunk;
}

/** The comments CSV of a document in memory. */
export function renderCsv(doc: ExportDocument & { summary: ReportSummary }): string {
  return joinChunks(csvChunks(documentSource(doc)));
}

/** The per-rule table (`export --format csv --table rules`): hits, what moderators made of them, precision. */
export function renderRulesCsv(summary: ReportSummary): string {
  const rows = summary.rules.map((r) =>
    [r.rule, r.category, String(r.hits), String(r.pending), String(r.approved), String(r.removed), r.precision === null ? "" : r.precision.toFixed(3)].map(
      neutraliseCell,
    ),
  );
  return toCsv(RULES_CSV_COLUMNS, rows);
}
