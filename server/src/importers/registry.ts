import type { ParseResult } from "@sift/shared";
import { decodeBytes } from "./decode";
import { textPageImporter } from "./text-page";

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
}

/** Registered importers. Order matters only for ties in detection: the more specific formats come first. */
export const IMPORTERS: Importer[] = [textPageImporter];

export function findImporter(name: string): Importer | undefined {
  return IMPORTERS.find((i) => i.name === name);
}

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
  const format = options.format && options.format !== "auto" ? options.format : undefined;
  const importer = format ? findImporter(format) : detectFormat(decoded.text, options.fileName);
  if (!importer) {
    const message = format
      ? `unknown format "${format}" (supported: ${supportedFormats()})`
      : `unrecognised format: not a comment page, Reddit JSON, CSV, JSON or JSONL export (supported: ${supportedFormats()})`;
    return { ok: false, issues: [{ message }] };
  }
  return { ...importer.parse(decoded.text, { fileName: options.fileName }), format: importer.name };
}
