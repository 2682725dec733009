import type { ParseIssue, ParseResult } from "@sift/shared";
import { decodeBytes } from "./decode";
import type { GroupedFormat } from "./grouped";
import { textPageImporter } from "./text-page";
import { htmlPageImporter } from "./html-page";
import { csvImporter } from "./csv";
import { jsonImporter, jsonlImporter } from "./json-records";
import { redditJsonImporter } from "./reddit-json";
import { disqusXmlImporter } from "./disqus-xml";
import { wxrImporter } from "./wxr";

/** One input format: how to recognise it from content and how to parse it. Adding a format is one new module plus one line below. */
export interface Importer {
  /** The `--format` name and the thread's `format` field. */
  name: string;
  /** One line for help texts and error messages. */
  description: string;
  /** 0..1: how sure we are that this text is in this format (content first; the file name only breaks ties). */
  detect(text: string, fileName?: string): number;
  /** Pure: text in, threads out, problems as values. */
  parse(text: string, options: { fileName?: string }): ParseResult;
  /**
   * Formats whose comments can be grouped into threads while reading (CSV, JSON Lines, the XML
   * exports): a file of any size is then imported through a spool on disk in bounded memory
   * (services/import-spool.ts). `parse` gives the same threads.
   */
  grouped?: GroupedFormat;
}

/**
 * Registered importers. Order matters only for ties in detection: the more specific formats come
 * first (Reddit's JSON is also a JSON array; a one-line JSON object is also JSON Lines), and the
 * HTML page parser reads what the text-page parser rejects as markup, and the text-page parser,
 * which accepts almost any prose, comes last. The XML exports are recognised by their root element
 * and namespace, which nothing else claims, so they score above every other.
 */
export const IMPORTERS: Importer[] = [disqusXmlImporter, wxrImporter, redditJsonImporter, jsonlImporter, jsonImporter, csvImporter, htmlPageImporter, textPageImporter];

/** The importer registered under a `--format` name. */
export function findImporter(name: string): Importer | undefined {
  return IMPORTERS.find((i) => i.name === name);
}

/** The format names, comma-separated, for help texts and error messages. */
export function supportedFormats(): string {
  return IMPORTERS.map((i) => i.name).join(", ");
}

/** Picks the importer most confident about the text, or undefined when none recognises it. */
export function detectFormat(text: string, fileName?: string): Importer | undefined {
  let best: Importer | undefined;
  let bestScore = 0;
  for (const importer of IMPORTERS) {
    const score = importer.detect(text, fileName);
    if (score > bestScore) {
      best = importer;
      bestScore = score;
    }
  }
  return bestScore >= 0.2 ? best : undefined;
}

/** Decodes, detects (unless a format is given) and parses a file's bytes. Pure: no file system, no database. */
export function parseFileBytes(
  bytes: Uint8Array,
  options: { format?: string; fileName?: string } = {},
): ParseResult & { format?: string } {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, issues: [{ message: decoded.message }] };
  const picked = pickImporter(decoded.text, options);
  if (!picked.ok) return { ok: false, issues: [{ message: picked.message }] };
  const importer = picked.importer;
  const result = importer.parse(decoded.text, { fileName: options.fileName });
  if (!result.ok) return { ...result, issues: withFormatHint(result.issues, importer, decoded.text, options.fileName), format: importer.name };
  if (guessedWindows1252(decoded)) for (const thread of result.threads) thread.notes = [...thread.notes, WINDOWS_1252_NOTE];
  return { ...result, format: importer.name };
}

/** Worth saying: if the file was really in another 8-bit encoding, accented letters will be off. */
export const WINDOWS_1252_NOTE = "the file was not valid UTF-8; it was read as Windows-1252";

/** Whether the encoding was a guess of Windows-1252 (not declared by the file), which WINDOWS_1252_NOTE tells the user. */
export function guessedWindows1252(decoded: { encoding: string; declared?: true }): boolean {
  return decoded.encoding === "windows-1252" && !decoded.declared;
}

/** The importer named by `format`, or the one detection picks from the text (a whole file or its first 64 KiB). */
export function pickImporter(text: string, options: { format?: string; fileName?: string }): { ok: true; importer: Importer } | { ok: false; message: string } {
  const format = options.format && options.format !== "auto" ? options.format : undefined;
  const importer = format ? findImporter(format) : detectFormat(text, options.fileName);
  if (importer) return { ok: true, importer };
  const message = format
    ? `unknown format "${format}" (supported: ${supportedFormats()})`
    : `unrecognised format: not a comment page, Disqus or WordPress XML export, Reddit JSON, CSV (needs a header row with a comment text column), JSON or JSONL export (supported: ${supportedFormats()})`;
  return { ok: false, message };
}

/**
 * When a forced format fails but the content clearly is another format, say so in the first
 * issue (callers often show only that one): the usual cause is a wrong --format.
 */
export function withFormatHint(issues: ParseIssue[], used: Importer, text: string, fileName?: string): ParseIssue[] {
  const likely = detectFormat(text, fileName);
  const [first, ...rest] = issues;
  if (!first || !likely || likely === used || likely.detect(text, fileName) < 0.5) return issues;
  return [{ ...first, message: `${first.message} (the file looks like ${likely.name}, ${likely.description}: try the ${likely.name} format)` }, ...rest];
}
