import { createHash } from "node:crypto";
import { basename } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Db } from "../db/connection";
import {
  deleteUnusedSources,
  linkThreadSource,
  readSourceContent,
  unlinkThreadSource,
  upsertSource,
} from "../db/source-repo";

/** Formats whose original file Sift keeps, so its decisions can be written back into that file. */
export const WRITE_BACK_FORMATS: ReadonlySet<string> = new Set(["wxr", "disqus-xml"]);

/** A file's bytes, compressed and hashed while the file is prepared (outside the write lock). */
export interface KeptSource {
  sha256: string;
  fileName: string;
  format: string;
  byteLength: number;
  content: Uint8Array;
}

/** What to keep of an imported file: its bytes when its format can be written back, else nothing. */
export function keepSource(file: string, bytes: Uint8Array, format: string | undefined): KeptSource | undefined {
  if (!format || !WRITE_BACK_FORMATS.has(format)) return undefined;
  return {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    fileName: basename(file),
    format,
    byteLength: bytes.byteLength,
    // Level 1: a 200 MB export compresses in a couple of seconds and still shrinks several-fold.
    content: gzipSync(bytes, { level: 1 }),
  };
}

/**
 * Points each imported thread at its kept file, or forgets the file of a thread now imported
 * from a format that cannot be written back; drops files no thread needs. Inside the import's transaction.
 */
export function storeSource(db: Db, source: KeptSource | undefined, threadIds: readonly string[], now: string): void {
  const id = source
    ? upsertSource(db, {
        sha256: source.sha256,
        file_name: source.fileName,
        format: source.format,
        byte_length: source.byteLength,
        content: source.content,
        imported_at: now,
      })
    : undefined;
  for (const threadId of threadIds) {
    if (id === undefined) unlinkThreadSource(db, threadId);
    else linkThreadSource(db, threadId, id);
  }
  deleteUnusedSources(db);
}

/**
 * A kept file's original bytes. Inflated into one buffer of the size the file had: zlib's default
 * gathers 16 KiB pieces and joins them, which for a 200 MB file held it twice (380 MB more at
 * peak, against 200 MB) and took twice as long.
 */
export function loadSourceBytes(db: Db, sourceId: number): Buffer | undefined {
  const source = readSourceContent(db, sourceId);
  return source ? gunzipSync(source.content, { chunkSize: Math.max(64 * 1024, source.byte_length + 1) }) : undefined;
}
