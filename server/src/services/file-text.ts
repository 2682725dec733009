/**
 * A file's text in chunks, decoded as decodeBytes would decode the whole file, without ever
 * holding the file: one quick pass gathers what the encoding choice needs from the whole file
 * (NUL bytes, UTF-8 validity), then the text is read in pieces. For imports of any size (issue 8).
 */
import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import iconv from "iconv-lite";
import { chooseEncoding, looksBinary, SNIFF_LENGTH, type EncodingChoice } from "../importers/decode";

/** How much of the file each read takes. */
export const CHUNK_BYTES = 1024 * 1024;

/** A file ready to be read as text, or why it cannot be. */
export type FileTextInfo =
  | { ok: true; size: number; choice: EncodingChoice & { ok: true }; head: string }
  | { ok: false; message: string };

/**
 * Reads the file once to choose its encoding (the same choice decodeBytes makes) and decodes its
 * first 64 KiB, which format detection reads. Rejects empty, binary and whitespace-only files.
 */
export async function inspectFileText(path: string): Promise<FileTextInfo> {
  let size = 0;
  let hasNul = false;
  const utf8 = new Utf8Check();
  let head: Buffer | undefined;
  for await (const chunk of readChunks(path)) {
    if (head === undefined) head = Buffer.from(chunk.subarray(0, SNIFF_LENGTH));
    else if (head.length < SNIFF_LENGTH) head = Buffer.concat([head, chunk.subarray(0, SNIFF_LENGTH - head.length)]);
    size += chunk.length;
    if (!hasNul && chunk.includes(0)) hasNul = true;
    utf8.write(size === chunk.length && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk);
  }
  if (size === 0 || head === undefined) return { ok: false, message: "the file is empty" };
  const choice = chooseEncoding(head, { hasNul, validUtf8: () => utf8.end() });
  if (!choice.ok) return choice;
  const decoder = new TextChunkDecoder(choice);
  const text = decoder.write(head.subarray(0, Math.min(head.length, SNIFF_LENGTH)));
  // A NUL that survives UTF-16 decoding means the NUL pattern was a coincidence of binary data.
  if (looksBinary(text) || (choice.encoding.startsWith("utf-16") && text.includes("\u0000"))) return { ok: false, message: "looks like a binary file, not text" };
  return { ok: true, size, choice, head: text };
}

/**
 * The file's text in pieces of about a MiB (LF line endings, no BOM), as decodeBytes would give
 * it whole; `onBytes` sees every raw chunk first (for a hash, a compressed copy, a progress bar)
 * and may make the read wait (a compressor's backpressure). The chunk's memory is reused for the
 * next read: whoever keeps bytes must copy them. Throws when the text is only whitespace.
 */
export async function* readFileText(
  path: string,
  choice: EncodingChoice & { ok: true },
  onBytes?: (bytes: Buffer) => void | Promise<void>,
): AsyncGenerator<string> {
  const decoder = new TextChunkDecoder(choice);
  let blank = true;
  for await (const chunk of readChunks(path)) {
    await onBytes?.(chunk);
    const text = decoder.write(chunk);
    if (blank && text.trim() !== "") blank = false;
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (blank && rest.trim() !== "") blank = false;
  if (blank) throw new FileTextError("the file contains only whitespace");
  if (rest !== "") yield rest;
}

/** A file whose text cannot be read, with a message for the user. */
export class FileTextError extends Error {}

/**
 * The file's bytes a MiB at a time, read into one buffer reused for every chunk: a fresh MiB per
 * read would leave hundreds of them for the garbage collector on a large file, and the process's
 * memory would grow with the file. A caller that keeps bytes copies them.
 */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, "r");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** UTF-8 validity over chunks: a sequence cut by a chunk's end is checked with the next chunk. */
class Utf8Check {
  private valid = true;
  private carry: Buffer = Buffer.alloc(0);

  write(chunk: Buffer): void {
    if (!this.valid) return;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = incompleteTail(bytes);
    this.valid = isUtf8(bytes.subarray(0, cut));
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** Where a UTF-8 sequence that the bytes' end cuts short begins (the length when none is). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/**
 * Decodes chunks in the chosen encoding: skips the BOM, turns CRLF and CR into LF across chunk
 * boundaries, and drops a UTF-16 BOM-less file's leading U+FEFF, as decodeBytes does.
 */
export class TextChunkDecoder {
  private readonly decoder: { write(bytes: Buffer): string; end(): string | undefined };
  private skip: number;
  private started = false;
  private pendingCr = false;

  constructor(private readonly choice: EncodingChoice & { ok: true }) {
    this.skip = choice.skip;
    const encoding = choice.decodeAs ?? choice.encoding;
    if (encoding === "utf-8") this.decoder = new StringDecoder("utf8");
    else if (encoding === "utf-16le") this.decoder = new StringDecoder("utf16le");
    else this.decoder = iconv.getDecoder(encoding === "utf-16be" ? "utf16be" : encoding);
  }

  write(chunk: Buffer): string {
    let bytes = chunk;
    if (this.skip > 0) {
      const dropped = Math.min(this.skip, bytes.length);
      bytes = bytes.subarray(dropped);
      this.skip -= dropped;
    }
    return this.normalise(this.decoder.write(bytes), false);
  }

  end(): string {
    return this.normalise(this.decoder.end() ?? "", true);
  }

  private normalise(text: string, last: boolean): string {
    let out = this.pendingCr ? `\r${text}` : text;
    this.pendingCr = !last && out.endsWith("\r");
    if (this.pendingCr) out = out.slice(0, -1);
    if (!this.started && out !== "") {
      this.started = true;
      if (out.charCodeAt(0) === 0xfeff && this.choice.encoding.startsWith("utf-16")) out = out.slice(1);
    }
    return out.includes("\r") ? out.replace(/\r\n?/g, "\n") : out;
  }
}
