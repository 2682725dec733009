/**
 * Chrome's and Edge's "Webpage, Single File" (.mhtml): a MIME message whose
 * first text/html part is the page and whose other text/html parts are its
 * frames (Disqus's and Facebook's comments live in frames), linked from the
 * page by `cid:` addresses. Unpacked here so the HTML importer reads it like
 * any saved page, frames included.
 */
import iconv from "iconv-lite";

/** The page's HTML and its frames' HTML by every address the page may use for them (`cid:…`, Content-Location). */
export interface UnpackedMhtml {
  html: string;
  frames: Map<string, string>;
}

/** True when the text opens with MIME headers announcing a multipart/related page. */
export function isMhtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^(?:From: <Saved by [^>]*>|MIME-Version:)/im.test(head) && /^Content-Type:\s*multipart\/related/im.test(head);
}

/** Headers of one MIME block, lower-cased names, continuation lines folded. */
function readHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Quoted-printable to bytes: "=3D" is one byte, "=" at a line's end joins it to the next. */
function decodeQuotedPrintable(body: string): Buffer {
  const soft = body.replace(/=\r?\n/g, "");
  const out = Buffer.alloc(soft.length * 3);
  let n = 0;
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? soft.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      n += out.write(soft[i] ?? "", n, "utf8");
    }
  }
  return out.subarray(0, n);
}

/** A part's text: transfer encoding undone, then its charset (UTF-8 unless the part says otherwise). */
function decodePart(headers: Map<string, string>, body: string): string {
  const transfer = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const charset = /charset="?([\w.:-]+)/i.exec(headers.get("content-type") ?? "")?.[1] ?? "utf-8";
  if (transfer !== "quoted-printable" && transfer !== "base64") return body;
  const bytes = transfer === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64") : decodeQuotedPrintable(body);
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString("utf8");
}

/** Unpacks an .mhtml file; null when it is not one or holds no HTML part. */
export function unpackMhtml(text: string): UnpackedMhtml | null {
  if (!isMhtml(text)) return null;
  const headerEnd = text.search(/\r?\n\r?\n/);
  const top = readHeaders(text.slice(0, headerEnd === -1 ? text.length : headerEnd));
  const boundary = /boundary="?([^";]+)"?/i.exec(top.get("content-type") ?? "")?.[1];
  if (!boundary) return null;
  let html: string | null = null;
  const frames = new Map<string, string>();
  for (const raw of text.split(`--${boundary}`).slice(1)) {
    const split = raw.search(/\r?\n\r?\n/);
    if (split === -1) continue;
    const headers = readHeaders(raw.slice(0, split));
    if (!/^text\/html\b/i.test(headers.get("content-type") ?? "")) continue;
    const part = decodePart(headers, raw.slice(split).replace(/^\r?\n\r?\n/, ""));
    if (html === null) {
      // The page's address lives in the MIME headers: written as the note Chrome puts in "Save as HTML", where the importer looks.
      const location = headers.get("content-location") ?? top.get("snapshot-content-location");
      html = location ? `<!-- saved from url=(${String(location.length).padStart(4, "0")})${location} -->\n${part}` : part;
      continue;
    }
    const cid = /<([^>]+)>/.exec(headers.get("content-id") ?? "")?.[1];
    if (cid) frames.set(`cid:${cid}`, part);
    const location = headers.get("content-location");
    if (location) frames.set(location, part);
  }
  return html === null ? null : { html, frames };
}
