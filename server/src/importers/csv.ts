import { parse as parseCsvStream, type Parser as CsvParser } from "csv-parse";
import { parse as parseCsvSync } from "csv-parse/sync";
import type { ParseIssue, ParseResult } from "@sift/shared";
import type { Importer } from "./registry";
import { parseGrouped, type GroupedEnd, type GroupedFormat, type GroupedReader, type GroupSink } from "./grouped";
import { mapColumns, NO_BODY_COLUMN_MESSAGE, RecordGrouper, recordsFormat } from "./records";

/** One record as csv-parse gives it with `info: true`. */
interface CsvRow {
  record: string[];
  info: { lines: number };
}

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
  return parseGrouped(csvFormat, input, options);
}

/** At most this many malformed rows are reported: enough to see the pattern. */
const MAX_ISSUES = 20;

/**
 * Reads CSV chunk by chunk with csv-parse's stream parser (driven synchronously: each write's
 * complete records are read back at once), handing records to a RecordGrouper. The dialect comes
 * from the first lines; a file of any size passes through in constant memory.
 */
class CsvReader implements GroupedReader {
  private readonly grouper: RecordGrouper;
  /** Text held back until the header line is complete (the dialect is read from it). */
  private head = "";
  private parser: CsvParser | undefined;
  private header: { names: string[]; line: number; indexed: (readonly [string, number])[]; delimiter: string } | undefined;
  private readonly issues: ParseIssue[] = [];
  /** Rows with more cells than the header: reported together, up to MAX_ISSUES. */
  private readonly overfull: ParseIssue[] = [];
  private delimiter = ",";
  private rows = 0;
  /** A CR at the end of a chunk may be half of a CRLF. */
  private pendingCr = false;
  private readonly quotes = new QuoteTracker();

  constructor(sink: GroupSink) {
    this.grouper = new RecordGrouper(sink);
  }

  write(chunk: string): void {
    let text = this.pendingCr ? `\r${chunk}` : chunk;
    this.pendingCr = text.endsWith("\r");
    if (this.pendingCr) text = text.slice(0, -1);
    // decodeBytes already gives LF; raw CRLF text gets the same cells, and csv-parse's line count
    // (which counts a quoted CRLF as two lines) stays right.
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    this.feed(text);
  }

  end(): GroupedEnd {
    if (this.pendingCr) this.feed("\n");
    this.pendingCr = false;
    if (!this.parser) this.begin();
    if (this.issues.length === 0) {
      this.parser!.end();
      this.drain();
    }
    if (this.issues.length > 0) return { ok: false, issues: this.issues };
    if (this.overfull.length > 0) return { ok: false, issues: this.overfull };
    if (!this.header) return { ok: false, issues: [{ message: "the file holds no CSV header row" }] };
    if (this.rows === 0) return { ok: false, issues: [{ line: this.header.line, message: "the CSV has a header row but no comment rows" }] };
    return this.grouper.end(mapColumns(this.header.names), "csv");
  }

  private feed(text: string): void {
    if (this.issues.length > 0) return;
    if (!this.parser) {
      this.head += text;
      // The dialect needs the header line, and the line after a "sep=" hint.
      const lines = this.head.split("\n", 3).length - 1;
      if (lines < 2 && this.head.length < DETECT_PREFIX) return;
      this.begin();
      return;
    }
    this.quotes.scan(text);
    this.parser.write(text);
    this.drain();
  }

  /** Reads the dialect from the text held so far, starts the parser and gives it that text. */
  private begin(): void {
    const held = this.head;
    this.head = "";
    const { delimiter, fromLine } = readDialect(held);
    // Tab-separated files follow no quoting convention beyond a quoted cell, so a quote inside a cell is text there.
    const relax_quotes = delimiter === "\t";
    // Column counts are checked below, where a ragged row of empty trailing cells (Excel) can be forgiven.
    const relax_column_count = true;
    this.delimiter = delimiter;
    this.parser = parseCsvStream({ delimiter, bom: true, skip_empty_lines: true, info: true, relax_quotes, relax_column_count, from_line: fromLine });
    // Errors are read from `errored` after each write; the listener keeps the stream from throwing.
    this.parser.on("error", () => {});
    this.quotes.scan(held);
    this.parser.write(held);
    this.drain();
  }

  private drain(): void {
    const parser = this.parser!;
    for (let row = parser.read() as CsvRow | null; row !== null; row = parser.read() as CsvRow | null) {
      if (this.issues.length > 0) continue;
      this.take(row);
    }
    if (parser.errored && this.issues.length === 0) this.issues.push(csvErrorToIssue(parser.errored, this.quotes));
  }

  private take(row: CsvRow): void {
    if (!this.header) {
      const names = row.record.map((cell) => cell.trim());
      const line = startLine(row);
      if (!mapColumns(names).body) {
        this.issues.push({ line, message: `${NO_BODY_COLUMN_MESSAGE} (found: ${names.slice(0, 10).join(", ")})` });
        return;
      }
      // Reversed so that, of two columns with one name, the first wins, as it does in mapColumns.
      this.header = { names, line, indexed: names.map((name, i) => [name, i] as const).reverse(), delimiter: this.delimiter };
      return;
    }
    this.rows++;
    const { names, indexed, delimiter } = this.header;
    if (row.record.slice(names.length).some((cell) => cell.trim() !== "")) {
      this.overfull.push({
        line: startLine(row),
        message: `malformed CSV: this row has ${row.record.length} cells but the header has ${names.length} (an unquoted "${delimiter === "\t" ? "tab" : delimiter}" in a cell?)`,
      });
      if (this.overfull.length >= MAX_ISSUES) this.issues.push(...this.overfull);
      return;
    }
    if (this.overfull.length > 0) return;
    const values: Record<string, unknown> = {};
    for (const [name, i] of indexed) values[name] = row.record[i] ?? "";
    this.grouper.push({ values, line: startLine(row) });
  }
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

/** CSV as a grouped format: what both `parse` and a streamed file import read it with. */
export const csvFormat: GroupedFormat = recordsFormat((sink) => new CsvReader(sink));

/** The Importer for CSV comment exports. */
export const csvImporter: Importer = {
  name: "csv",
  description: "a CSV/TSV export with a header row (columns like id, parent_id, author, body, created_at, thread_id)",
  detect: detectCsv,
  parse: (text, options) => parseCsv(text, options),
  grouped: csvFormat,
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
function startLine(row: CsvRow): number {
  let breaks = 0;
  for (const cell of row.record) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) breaks++;
  return row.info.lines - breaks;
}

function csvErrorToIssue(error: unknown, quotes: QuoteTracker): { line?: number; message: string } {
  const err = error as { message?: string; lines?: number; code?: string };
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    return { line: quotes.openedAt, message: "malformed CSV: a quoted cell is opened here and never closed" };
  }
  const message = (err.message ?? String(error)).replace(/\s+(on|at) line \d+/, "");
  return { line: typeof err.lines === "number" ? err.lines : undefined, message: `malformed CSV: ${message}` };
}

/**
 * csv-parse reports an unclosed quote at the end of the file; the useful line is where the quote
 * opened. This follows quotes and line breaks through the chunks to know it.
 */
class QuoteTracker {
  private line = 1;
  openedAt = 1;
  private quoted = false;
  private static readonly MARKS = /["\n]/g;

  scan(text: string): void {
    const marks = QuoteTracker.MARKS;
    marks.lastIndex = 0;
    for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
      if (m[0] === "\n") this.line++;
      else {
        this.quoted = !this.quoted;
        if (this.quoted) this.openedAt = this.line;
      }
    }
  }
}
