import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeBytes, MAX_FILE_BYTES } from "./decode";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const SAMPLE = "id,author,body\r\n1,Zoë,“Smart quotes” — café\r\n";
const SAMPLE_LF = "id,author,body\n1,Zoë,“Smart quotes” — café\n";

describe("decodeBytes: encodings", () => {
  const cases: { name: string; input: Uint8Array; encoding: string; text: string }[] = [
    { name: "UTF-8 without BOM", input: utf8(SAMPLE), encoding: "utf-8", text: SAMPLE_LF },
    { name: "UTF-8 with BOM", input: bytes([0xef, 0xbb, 0xbf], utf8(SAMPLE)), encoding: "utf-8", text: SAMPLE_LF },
    { name: "UTF-16 LE with BOM", input: iconv.encode(SAMPLE, "utf16le", { addBOM: true }), encoding: "utf-16le", text: SAMPLE_LF },
    { name: "UTF-16 BE with BOM", input: bytes([0xfe, 0xff], iconv.encode(SAMPLE, "utf16be")), encoding: "utf-16be", text: SAMPLE_LF },
    { name: "UTF-16 LE without BOM (NUL pattern)", input: iconv.encode(SAMPLE, "utf16le"), encoding: "utf-16le", text: SAMPLE_LF },
    { name: "UTF-16 BE without BOM (NUL pattern)", input: iconv.encode(SAMPLE, "utf16be"), encoding: "utf-16be", text: SAMPLE_LF },
    { name: "Windows-1252 (invalid UTF-8)", input: iconv.encode("name;text\r\nRené;Prix: 5 € – “très” cher\r\n", "windows-1252"), encoding: "windows-1252", text: "name;text\nRené;Prix: 5 € – “très” cher\n" },
    { name: "old Mac CR line endings", input: utf8("a\rb\r\rc"), encoding: "utf-8", text: "a\nb\n\nc" },
    { name: "tabs and form feeds are text", input: utf8("a\tb\fc\n"), encoding: "utf-8", text: "a\tb\fc\n" },
  ];
  it.each(cases)("$name", ({ input, encoding, text }) => {
    expect(decodeBytes(input)).toEqual({ ok: true, encoding, text });
  });
});

describe("decodeBytes: rejections", () => {
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6]);
  const controlSoup = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 20) : 0x41 + (i % 26)));
  const cases: { name: string; input: Uint8Array; message: string | RegExp }[] = [
    { name: "empty", input: new Uint8Array(0), message: "the file is empty" },
    { name: "only a BOM", input: bytes([0xef, 0xbb, 0xbf]), message: "the file contains only whitespace" },
    { name: "whitespace only", input: utf8(" \r\n\t\n  "), message: "the file contains only whitespace" },
    { name: "PNG header (NUL bytes)", input: png, message: "looks like a binary file, not text" },
    { name: "NUL late in a UTF-8 file", input: bytes(utf8("body\n" + "x".repeat(100_000)), [0], utf8("y")), message: "looks like a binary file, not text" },
    { name: "many control bytes", input: controlSoup, message: "looks like a binary file, not text" },
  ];
  it.each(cases)("$name", ({ input, message }) => {
    const result = decodeBytes(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("rejects files over the size limit without reading them", () => {
    // A view with a fake length: allocating 256 MiB in a unit test would be slow and pointless.
    const huge = { length: MAX_FILE_BYTES + 1 } as unknown as Uint8Array;
    const result = decodeBytes(huge);
    expect(result).toEqual({ ok: false, message: "the file is too large (256.0 MiB; the limit is 256 MiB for a file read whole: CSV, JSON Lines and XML exports of any size stream)" });
    expect(MAX_FILE_BYTES).toBe(256 * 1024 * 1024);
  });
});

describe("decodeBytes: the encoding an XML prolog declares", () => {
  const xml = (encoding: string, body: string) => `<?xml version="1.0" encoding="${encoding}"?>\n<a>${body}</a>\n`;
  it.each([
    { name: "ISO-8859-1 with Latin-1 bytes", input: iconv.encode(xml("ISO-8859-1", "Renée à 5 £"), "latin1"), encoding: "iso-8859-1", text: xml("ISO-8859-1", "Renée à 5 £") },
    // 0xA4 is € in ISO-8859-15 but ¤ in Windows-1252: only the declaration tells them apart.
    { name: "ISO-8859-15", input: iconv.encode(xml("ISO-8859-15", "5 €"), "iso-8859-15"), encoding: "iso-8859-15", text: xml("ISO-8859-15", "5 €") },
    { name: "windows-1251 (Cyrillic)", input: iconv.encode(xml("windows-1251", "привет"), "windows-1251"), encoding: "windows-1251", text: xml("windows-1251", "привет") },
    { name: "a Latin-1 label on valid UTF-8 (mislabelled)", input: utf8(xml("ISO-8859-1", "Renée")), encoding: "utf-8", text: xml("ISO-8859-1", "Renée") },
    { name: "an unknown label falls back to detection", input: utf8(xml("x-unknown", "Renée")), encoding: "utf-8", text: xml("x-unknown", "Renée") },
  ])("$name", ({ input, encoding, text }) => {
    expect(decodeBytes(input)).toEqual({ ok: true, encoding, text });
  });
});
