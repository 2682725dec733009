import { parse as parseCsvSync } from "csv-parse/sync";
import type { ParseResult } from "@sift/shared";
import type { Importer } from "./registry";
import { buildThreadsFromRecords, mapColumns, NO_BODY_COLUMN_MESSAGE, type RawRecord } from "./records";

/** Delimiters we accept, in tie-break order: comma first because it is the default everywhere. */
const DELIMITERS = [",", ";", "\t", "|"] as const;

/** How much of a file detection reads; a header and a few dozen rows are enough to judge. */
const DETECT_PREFIX = 64 * 1024;

/** A header cell longer than this, or with sentence punctuation, is prose rather than a column name. */
const HEADER_CELL = /^[\p{L}\p{N} _.\-#/()]{1,40}$/u;

/**
 * Parses a CSV (or semicolon/tab/pipe separated) comment export with a header row. Quoted cells
 * may span lines and contain doubled quotes. Problems come back with the line they were found on.
 */
export function parseCsv(input: string, options: { fileName?: string } = {}): ParseResult {
  // decodeBytes already gives LF; callers with raw CRLF text get the same cells, and csv-parse's
  // line count (which counts a quoted CRLF as two lines) stays right.
  const text = input.includes("\r") ? input.replace(/\r\n?/g, "\n") : input;
  const { delimiter, fromLine } = readDialect(text);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // Tab-separated files follow no quoting convention beyond a quoted cell, so a quote inside a cell is text there.
    const relax_quotes = delimiter === "\t";
    // Column counts are checked below, where a ragged row of empty trailing cells (Excel) can be forgiven.
    const relax_column_count = true;
    rows = parseCsvSync(text, { delimiter, bom: true, skip_empty_lines: true, info: true, relax_quotes, relax_column_count, from_line: fromLine }) as unknown as typeof rows;
  } catch (error) {
    return { ok: false, issues: [csvErrorToIssue(error, text)] };
  }
  const [header, ...body] = rows;
  if (!header) return { ok: false, issues: [{ message: "the file holds no CSV header row" }] };
  const columnNames = header.record.map((cell) => cell.trim());
  const columns = mapColumns(columnNames);
  if (!columns.body) {
    const found = columnNames.slice(0, 10).join(", ");
    return { ok: false, issues: [{ line: startLine(header), message: `${NO_BODY_COLUMN_MESSAGE} (found: ${found})` }] };
  }
  if (body.length === 0) return { ok: false, issues: [{ line: startLine(header), message: "the CSV has a header row but no comment rows" }] };
  const overfull = body.filter((row) => row.record.slice(columnNames.length).some((cell) => cell.trim() !== ""));
  if (overfull.length > 0) {
    return { ok: false, issues: overfull.slice(0, 20).map((row) => ({
      line: startLine(row),
      message: `malformed CSV: this row has ${row.record.length} cells but the header has ${columnNames.length} (an unquoted "${delimiter === "\t" ? "tab" : delimiter}" in a cell?)`,
    })) };
  }
  // Reversed so that, of two columns with one name, the first wins, as it does in mapColumns.
  const indexed = columnNames.map((name, i) => [name, i] as const).reverse();
  const records: RawRecord[] = body.map((row) => ({
    values: Object.fromEntries(indexed.map(([name, i]) => [name, row.record[i] ?? ""])),
    line: startLine(row),
  }));
  return buildThreadsFromRecords(records, columns, { format: "csv", fileName: options.fileName });
}

/**
 * 0..1 that the text is a CSV comment export: a header of short column-like cells that names a
 * comment text column, and rows that split into the same number of fields. Prose scores 0.
 */
export function detectCsv(text: string, fileName?: string): number {
  const head = text.slice(0, DETECT_PREFIX);
  if (/^\s*[[{]/.test(head)) return 0;
  const { delimiter, fromLine, headerLine } = readDialect(head);
  // Empty header cells are allowed: spreadsheets often export trailing empty columns.
  const cells = splitHeader(headerLine, delimiter);
  const named = cells.filter((c) => c !== "");
  if (named.length < 2 || !named.every((c) => HEADER_CELL.test(c))) return 0;
  const bonus = fileName && /\.(csv|tsv|txt)$/i.test(fileName) ? 0.05 : 0;
  const rows = sampleRows(head, delimiter, fromLine);
  if (!mapColumns(named).body) return looksLikeTable(cells, rows) ? 0.25 : 0;
  if (rows.length <= 1) return 0.5 + bonus;
  const consistent = rows.slice(1).filter((r) => fitsHeader(r, cells.length)).length / (rows.length - 1);
  // A ragged but mostly regular file is still worth parsing as CSV, for its error messages if nothing else.
  if (consistent >= 0.8) return 0.9 + bonus;
  return consistent >= 0.5 ? 0.3 : 0.05;
}

/**
 * A perfectly regular table without a comment text column is still a CSV: claiming it (just above
 * the 0.2 detection floor) lets the user see "no comment text column (found: …)" instead of
 * "unrecognised format". Strict, so that prose with a comma or two never qualifies.
 */
function looksLikeTable(header: string[], rows: string[][]): boolean {
  return header.length >= 3 && rows.length >= 3 && rows.every((r) => r.length === header.length);
}

/** A row fits when it has at least two cells and no more than the header once empty trailing cells (spreadsheet padding) are dropped. */
function fitsHeader(row: string[], headerLength: number): boolean {
  let length = row.length;
  while (length > 0 && row[length - 1]!.trim() === "") length--;
  return row.length === headerLength || (length >= 2 && length <= headerLength);
}

/** The Importer for CSV comment exports. */
export const csvImporter: Importer = {
  name: "csv",
  description: "a CSV/TSV export with a header row (columns like id, parent_id, author, body, created_at, thread_id)",
  detect: detectCsv,
  parse: (text, options) => parseCsv(text, options),
};

/** Excel writes "sep=;" above the header when asked to: it names the delimiter and is not data. */
const SEPARATOR_HINT = /^sep=(.)$/i;

/** The delimiter and the line the header is on (2 after a "sep=" line). */
function readDialect(text: string): { delimiter: string; fromLine: number; headerLine: string } {
  const first = firstLine(text);
  const hint = SEPARATOR_HINT.exec(first.trim());
  if (!hint) return { delimiter: detectDelimiter(first), fromLine: 1, headerLine: first };
  const newline = text.indexOf("\n");
  return { delimiter: hint[1]!, fromLine: 2, headerLine: newline === -1 ? "" : firstLine(text.slice(newline + 1)) };
}

function firstLine(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = withoutBom.indexOf("\n");
  return end === -1 ? withoutBom : withoutBom.slice(0, end);
}

/** The delimiter that occurs most often outside quotes in the header row; comma when none does. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function splitHeader(line: string, delimiter: string): string[] {
  try {
    const [cells] = parseCsvSync(line, { delimiter, bom: true, relax_quotes: true }) as string[][];
    return (cells ?? []).map((c) => c.trim());
  } catch {
    return [];
  }
}

/** Rows of the detection prefix; the last one may be cut off mid-record, so bad records are skipped, not fatal. */
function sampleRows(head: string, delimiter: string, fromLine: number): string[][] {
  const cut = head.length === DETECT_PREFIX ? head.slice(0, head.lastIndexOf("\n") + 1) : head;
  try {
    const rows = parseCsvSync(cut, {
      delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, skip_records_with_error: true, from_line: fromLine, to: 50,
    }) as string[][];
    return rows;
  } catch {
    return [];
  }
}

/**
 * csv-parse reports the line a record ends on. Line breaks inside a record can only sit in its
 * quoted cells, so its first line is that minus the breaks in its cells.
 */
function startLine(row: { record: string[]; info: { lines: number } }): number {
  let breaks = 0;
  for (const cell of row.record) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) breaks++;
  return row.info.lines - breaks;
}

function csvErrorToIssue(error: unknown, text: string): { line?: number; message: string } {
  const err = error as { message?: string; lines?: number; code?: string };
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    return { line: unclosedQuoteLine(text), message: "malformed CSV: a quoted cell is opened here and never closed" };
  }
  const message = (err.message ?? String(error)).replace(/\s+(on|at) line \d+/, "");
  return { line: typeof err.lines === "number" ? err.lines : undefined, message: `malformed CSV: ${message}` };
}

/** csv-parse reports an unclosed quote at the end of the file; the useful line is where the quote opened. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedAt = 1;
  let quoted = false;
  for (const char of text) {
    if (char === "\n") line++;
    else if (char === '"') {
      quoted = !quoted;
      if (quoted) openedAt = line;
    }
  }
  return openedAt;
}
