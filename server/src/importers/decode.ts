import iconv from "iconv-lite";
import { DomUtils, parseDocument } from "htmlparser2";

/** Result of turning a file's bytes into text; `declared` when an HTML page named its own encoding. */
export type DecodeResult = { ok: true; text: string; encoding: string; declared?: true } | { ok: false; message: string };

/** Largest file we decode: 256 MiB. Beyond that a comment export is almost certainly the wrong file, and holding it as a string would strain the server. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** How many leading bytes/characters the sniffing heuristics look at; enough to be representative, cheap on huge files. */
const SNIFF_LENGTH = 64 * 1024;

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
    return { ok: false, message: `the file is too large (${mib} MiB; the limit is ${MAX_FILE_BYTES / (1024 * 1024)} MiB)` };
  }
  const decoded = decodeWithDetectedEncoding(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, message: "the file contains only whitespace" };
  if (looksBinary(text)) return { ok: false, message: "looks like a binary file, not text" };
  return { ...decoded, text };
}

/**
 * The text exactly as stored (line endings kept), with the encoding and the BOM's length: what a
 * writer needs to map offsets in the text back to bytes and leave every other byte alone.
 */
export function decodeBytesExact(bytes: Uint8Array): (DecodeResult & { ok: true; bomLength: number }) | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "the file is empty" };
  const decoded = decodeWithDetectedEncoding(bytes);
  if (!decoded.ok) return decoded;
  const bom = detectBom(bytes);
  return { ...decoded, bomLength: bom === "utf-8" ? 3 : bom ? 2 : 0 };
}

function decodeWithDetectedEncoding(bytes: Uint8Array): DecodeResult {
  const bom = detectBom(bytes);
  if (bom === "utf-8") return decodeUtf8(bytes.subarray(3)) ?? latin1Fallback(bytes.subarray(3));
  if (bom === "utf-16le" || bom === "utf-16be") return decodeUtf16(bytes.subarray(2), bom);
  const utf16 = guessUtf16FromNuls(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  // NUL bytes never occur in real 8-bit text, so this is a binary file (image, zip, sqlite…).
  if (bytes.includes(0)) return { ok: false, message: "looks like a binary file, not text" };
  return decodeDeclared(bytes) ?? decodeUtf8(bytes) ?? declaredFallback(bytes) ?? latin1Fallback(bytes);
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

function declaredFallback(bytes: Uint8Array): DecodeResult | undefined {
  const encoding = declaredCharset(bytes);
  if (!encoding) return undefined;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return { ok: true, text, encoding, declared: true };
}

/**
 * An XML file names its encoding in the prolog (`<?xml version="1.0" encoding="ISO-8859-1"?>`),
 * and without a BOM that declaration is what the XML spec says to follow: guessing would read
 * ISO-8859-15's € as ¤. Labels that mean UTF-8 (or an encoding iconv doesn't know) fall through
 * to the detection below.
 */
function decodeDeclared(bytes: Uint8Array): DecodeResult | undefined {
  const prolog = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString("latin1");
  const label = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(prolog)?.[1]?.toLowerCase();
  if (!label || /^utf-?8$/.test(label) || label.startsWith("utf-16") || !iconv.encodingExists(label)) return undefined;
  if (/^(?:iso-?8859-1|latin-?1|l1|us-ascii|ascii|windows-1252|cp1252)$/.test(label)) {
    // Latin-1 text is almost never valid UTF-8 by accident, so valid UTF-8 under a Latin-1 label is
    // a mislabelled UTF-8 file (old WordPress sites do this); otherwise, as browsers do (WHATWG),
    // read Latin-1 as Windows-1252: 0x80–0x9F are C1 controls in true Latin-1, never meant as text.
    const utf8 = decodeUtf8(bytes);
    if (utf8) return utf8;
    return { ok: true, text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252"), encoding: label };
  }
  return { ok: true, text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label), encoding: label };
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

/** Strict UTF-8: undefined when the bytes are not valid UTF-8, so the caller can fall back. */
function decodeUtf8(bytes: Uint8Array): DecodeResult | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding: "utf-8" };
  } catch {
    return undefined;
  }
}

/** Windows-1252 maps every byte to a character, so this never fails; it is what Excel and old CMSs write. */
function latin1Fallback(bytes: Uint8Array): DecodeResult {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
  return { ok: true, text, encoding: "windows-1252" };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Text has few control characters besides tab, newline and form feed; binary data decoded as 1252 has many. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_LENGTH);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c) || code === 0x7f) controls++;
  }
  return controls > 0 && controls / sample.length > 0.05;
}
