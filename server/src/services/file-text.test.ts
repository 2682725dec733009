import { isUtf8 } from "node:buffer";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { chooseEncoding, decodeBytes } from "../importers/decode";
import { inspectFileText, readFileText, TextChunkDecoder } from "./file-text";

const TEXT = "id,body\r\n1,\"Zoë said: naïve — ☕ 𝄞\"\r2,ok\n3,fin\r\n";

const SAMPLES: [string, Buffer][] = [
  ["UTF-8", Buffer.from(TEXT)],
  ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
  ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, "utf16le")])],
  ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, "utf16be")])],
  ["UTF-16LE without BOM", iconv.encode(TEXT.replace(/[☕𝄞]/gu, "x"), "utf16le")],
  ["Windows-1252", iconv.encode(TEXT.replace(/[☕𝄞—]/gu, "x"), "windows-1252")],
  ["Latin-9 declared in an XML prolog", iconv.encode(`<?xml version="1.0" encoding="ISO-8859-15"?>\r\n<a>€ café</a>\r\n`, "iso-8859-15")],
];

function decodeInTwo(bytes: Buffer, at: number): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const choice = chooseEncoding(bytes, { hasNul: bytes.includes(0), validUtf8: () => isUtf8(bom ? bytes.subarray(3) : bytes) });
  if (!choice.ok) throw new Error(choice.message);
  const decoder = new TextChunkDecoder(choice);
  return decoder.write(bytes.subarray(0, at)) + decoder.write(bytes.subarray(at)) + decoder.end();
}

const dir = mkdtempSync(join(tmpdir(), "sift-file-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("TextChunkDecoder", () => {
  it.each(SAMPLES)("decodes %s cut at every byte exactly as the whole file", (_name, bytes) => {
    const whole = decodeBytes(bytes);
    if (!whole.ok) throw new Error(whole.message);
    for (let at = 0; at <= bytes.length; at++) expect(decodeInTwo(bytes, at)).toBe(whole.text);
  });
});

describe("inspectFileText and readFileText", () => {
  it.each(SAMPLES)("read %s from a file as decodeBytes reads it", async (name, bytes) => {
    const path = join(dir, `${name}.txt`);
    writeFileSync(path, bytes);
    const info = await inspectFileText(path);
    if (!info.ok) throw new Error(info.message);
    const whole = decodeBytes(bytes);
    if (!whole.ok) throw new Error(whole.message);
    expect(info.choice.encoding).toBe(whole.encoding);
    let text = "";
    for await (const chunk of readFileText(path, info.choice)) text += chunk;
    expect(text).toBe(whole.text);
  });

  it("sees invalid UTF-8 at the very end of a large file, past the sniffed head", async () => {
    const bytes = Buffer.concat([Buffer.from("body\n" + "plain ascii line\n".repeat(200_000)), Buffer.from([0xe9, 0x0a])]);
    const path = join(dir, "late-latin1.csv");
    writeFileSync(path, bytes);
    const info = await inspectFileText(path);
    expect(info.ok && info.choice.encoding).toBe("windows-1252");
  });

  it("keeps a UTF-8 character split across the MiB read boundary valid", async () => {
    const filler = "a".repeat(1024 * 1024 - 1);
    const path = join(dir, "split.csv");
    writeFileSync(path, `${filler}é tail\n`);
    const info = await inspectFileText(path);
    expect(info.ok && info.choice.encoding).toBe("utf-8");
  });

  it.each([
    ["empty", Buffer.alloc(0), "the file is empty"],
    ["binary", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0x00, 0x00]), "looks like a binary file, not text"],
  ])("refuses a %s file", async (name, bytes, message) => {
    const path = join(dir, `${name}.bin`);
    writeFileSync(path, bytes);
    expect(await inspectFileText(path)).toEqual({ ok: false, message });
  });

  it("refuses a whitespace-only file once read", async () => {
    const path = join(dir, "blank.txt");
    writeFileSync(path, " \n\t\n");
    const info = await inspectFileText(path);
    if (!info.ok) throw new Error(info.message);
    const read = async () => {
      for await (const _ of readFileText(path, info.choice)) void _;
    };
    await expect(read()).rejects.toThrow("the file contains only whitespace");
  });
});
