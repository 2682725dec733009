import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { DomUtils, parseDocument } from "htmlparser2";

/** Result of turning a file's bytes into text; `declared` when an HTML page named its own encoding. */
export type DecodeResult = { ok: true; text: string; encoding: string; declared?: true } | { ok: false; message: string };

/**
 * Largest file decoded whole: 256 MiB. Only formats read whole come here from a file (saved pages,
 * Reddit JSON, JSON arrays); CSV, JSON Lines and the XML exports stream at any size (import-stream.ts).
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** How many leading bytes/characters the sniffing heuristics look at; enough to be representative, cheap on huge files. */
export const SNIFF_LENGTH = 64 * 1024;

/**
 * Decodes a file's bytes to text with LF line endings.
 * Handles UTF-8 (with or without BOM), UTF-16 LE/BE (BOM or NUL-byte pattern) and falls back to
 * Windows-1252 for bytes that are not valid UTF-8 (old Excel CSV exports). Rejects empty,
 * whitespace-only, binary and oversized files with a message meant for the user.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: "the file is empty" };
  if (bytes.length > MAX_FILE_BYTES) {
    const mib = (bytes.length / (1024 * 1024)).toFixed(1);
    return { ok: false, message: `the file is too large (${mib} MiB; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MiB for a file read whole: CSV, JSON Lines and XML exports of any size stream)` };
  }
  const decoded = decodeWithDetectedEncoding(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, message: "the file contains only whitespace" };
  if (looksBinary(text)) return { ok: false, message: "looks like a binary file, not text" };
  return { ...decoded, text };
}

/** How bytes held in memory are to be read: chooseEncoding with the facts taken from all of them. */
export function chooseBytesEncoding(bytes: Uint8Array): EncodingChoice {
  return chooseEncoding(bytes.subarray(0, SNIFF_LENGTH), {
    hasNul: bytes.includes(0),
    // Only asked when there is no BOM, so the whole file is what must be valid.
    validUtf8: () => isUtf8(detectBom(bytes) === "utf-8" ? bytes.subarray(3) : bytes),
  });
}

function decodeWithDetectedEncoding(bytes: Uint8Array): DecodeResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const choice = chooseBytesEncoding(bytes);
  if (!choice.ok) return choice;
  const body = buffer.subarray(choice.skip);
  if (choice.encoding === "utf-16le" || choice.encoding === "utf-16be") return decodeUtf16(body, choice.encoding);
  const text = choice.encoding === "utf-8" ? body.toString("utf8") : iconv.decode(body, choice.decodeAs ?? choice.encoding);
  return { ok: true, text, encoding: choice.encoding, ...(choice.declared ? { declared: true as const } : {}) };
}

/** How to read a file: its encoding, the BOM bytes to skip, and whether the page declared it. */
export type EncodingChoice =
  | { ok: true; encoding: string; skip: number; declared?: true; /** The decoder to use when it differs from the label (Latin-1 is read as 1252). */ decodeAs?: string }
  | { ok: false; message: string };

/**
 * Facts about the whole file that the choice needs beyond its first bytes; a streaming reader
 * gathers them in one pass over the file before decoding it.
 */
export interface WholeFileFacts {
  /** Any NUL byte anywhere: binary, unless the file is UTF-16. */
  hasNul: boolean;
  /** Whether every byte after a UTF-8 BOM (or from the start) is valid UTF-8. */
  validUtf8: () => boolean;
}

/**
 * Picks the encoding from the first bytes (BOM, UTF-16 NUL pattern, XML prolog, HTML meta) and
 * the whole-file facts: the one decision both decodeBytes and the streaming file reader follow.
 */
export function chooseEncoding(head: Uint8Array, facts: WholeFileFacts): EncodingChoice {
  const bom = detectBom(head);
  if (bom === "utf-8") return { ok: true, encoding: facts.validUtf8() ? "utf-8" : "windows-1252", skip: 3 };
  if (bom === "utf-16le" || bom === "utf-16be") return { ok: true, encoding: bom, skip: 2 };
  const utf16 = guessUtf16FromNuls(head);
  if (utf16) return { ok: true, encoding: utf16, skip: 0 };
  // NUL bytes never occur in real 8-bit text, so this is a binary file (image, zip, sqlite…).
  if (facts.hasNul) return { ok: false, message: "looks like a binary file, not text" };
  const declared = declaredXmlEncoding(head, facts);
  if (declared) return { ok: true, skip: 0, ...declared };
  if (facts.validUtf8()) return { ok: true, encoding: "utf-8", skip: 0 };
  const fromMeta = declaredCharset(head);
  if (fromMeta) return { ok: true, encoding: fromMeta, skip: 0, declared: true };
  return { ok: true, encoding: "windows-1252", skip: 0 };
}

/** Labels the HTML standard reads as Windows-1252: pages that say Latin-1 are really written in 1252. */
const MEANS_1252 = new Set(["iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "cp1252", "windows-1252", "x-cp1252"]);

/**
 * The encoding an HTML page declares in its first 1024 bytes (`<meta charset>`
 * or the http-equiv Content-Type), as a browser's prescan reads it; only for
 * bytes that are not UTF-8, so a page that lies about UTF-8 still reads.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString("latin1");
  if (!head.trimStart().startsWith("<")) return undefined;
  const metas = DomUtils.getElementsByTagName("meta", parseDocument(head), true);
  for (const meta of metas) {
    const fromContent = /charset\s*=\s*["']?([\w.:-]+)/i.exec(meta.attribs.content ?? "")?.[1];
    const label = (meta.attribs.charset ?? fromContent)?.trim().toLowerCase();
    if (!label || label === "utf-8" || label === "utf8") continue;
    if (MEANS_1252.has(label)) return "windows-1252";
    if (iconv.encodingExists(label)) return label;
  }
  return undefined;
}

/**
 * An XML file names its encoding in the prolog (`<?xml version="1.0" encoding="ISO-8859-1"?>`),
 * and without a BOM that declaration is what the XML spec says to follow: guessing would read
 * ISO-8859-15's € as ¤. Labels that mean UTF-8 (or an encoding iconv doesn't know) fall through
 * to the detection below.
 */
function declaredXmlEncoding(head: Uint8Array, facts: WholeFileFacts): { encoding: string; decodeAs?: string } | undefined {
  const prolog = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 256)).toString("latin1");
  const label = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(prolog)?.[1]?.toLowerCase();
  if (!label || /^utf-?8$/.test(label) || label.startsWith("utf-16") || !iconv.encodingExists(label)) return undefined;
  if (/^(?:iso-?8859-1|latin-?1|l1|us-ascii|ascii|windows-1252|cp1252)$/.test(label)) {
    // Latin-1 text is almost never valid UTF-8 by accident, so valid UTF-8 under a Latin-1 label is
    // a mislabelled UTF-8 file (old WordPress sites do this); otherwise, as browsers do (WHATWG),
    // read Latin-1 as Windows-1252: 0x80–0x9F are C1 controls in true Latin-1, never meant as text.
    return facts.validUtf8() ? { encoding: "utf-8" } : { encoding: label, decodeAs: "windows-1252" };
  }
  return { encoding: label };
}

function detectBom(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * BOM-less UTF-16 of mostly-ASCII text has a NUL in every other byte: odd positions for LE,
 * even positions for BE. Binary files have NULs too, but scattered, so we require the pattern
 * to be lopsided.
 */
function guessUtf16FromNuls(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, SNIFF_LENGTH) & ~1;
  if (length < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls / pairs > 0.4 && evenNuls / pairs < 0.05) return "utf-16le";
  if (evenNuls / pairs > 0.4 && oddNuls / pairs < 0.05) return "utf-16be";
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): DecodeResult {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding === "utf-16le" ? "utf16le" : "utf16be");
  // A NUL that survives UTF-16 decoding means the NUL pattern was a coincidence of binary data.
  if (text.slice(0, SNIFF_LENGTH).includes("\u0000")) return { ok: false, message: "looks like a binary file, not text" };
  return { ok: true, text: stripBom(text), encoding };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Text has few control characters besides tab, newline and form feed; binary data decoded as 1252 has many. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_LENGTH);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c) || code === 0x7f) controls++;
  }
  return controls > 0 && controls / sample.length > 0.05;
}
