/** Result of turning a file's bytes into text. */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; message: string };

/** Decodes a file's bytes to text (placeholder: UTF-8 only; encodings come next). */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: "the file is empty" };
  let text = new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, encoding: "utf-8" };
}
