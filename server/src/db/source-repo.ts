import { prepare, type Db } from "./connection";

/** A `sources` row without its content: what listing and choosing a file needs. */
export interface SourceMeta {
  id: number;
  sha256: string;
  file_name: string;
  format: string;
  byte_length: number;
  imported_at: string;
}

/** Stores a file's (compressed) bytes once per content hash; returns its id either way. */
export function upsertSource(db: Db, row: Omit<SourceMeta, "id"> & { content: Uint8Array }): number {
  prepare(
    db,
    `INSERT INTO sources (sha256, file_name, format, byte_length, content, imported_at)
     VALUES (@sha256, @file_name, @format, @byte_length, @content, @imported_at)
     ON CONFLICT (sha256) DO UPDATE SET file_name = excluded.file_name, imported_at = excluded.imported_at`,
  ).run(row);
  return prepare<[string], { id: number }>(db, "SELECT id FROM sources WHERE sha256 = ?").get(row.sha256)!.id;
}

/** Points a thread at the file it was last imported from. */
export function linkThreadSource(db: Db, threadId: string, sourceId: number): void {
  prepare(
    db,
    `INSERT INTO thread_sources (thread_id, source_id) VALUES (?, ?)
     ON CONFLICT (thread_id) DO UPDATE SET source_id = excluded.source_id`,
  ).run(threadId, sourceId);
}

/** Forgets a thread's file (it was re-imported from a format that cannot be written back). */
export function unlinkThreadSource(db: Db, threadId: string): void {
  prepare(db, "DELETE FROM thread_sources WHERE thread_id = ?").run(threadId);
}

/** Drops files no thread points at any more (every thread in them was re-imported from another file). */
export function deleteUnusedSources(db: Db): void {
  prepare(db, "DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM thread_sources)").run();
}

/** The file a thread was last imported from, if it was kept. */
export function findSourceOfThread(db: Db, threadId: string): SourceMeta | undefined {
  return prepare<[string], SourceMeta>(
    db,
    `SELECT s.id, s.sha256, s.file_name, s.format, s.byte_length, s.imported_at
     FROM sources s JOIN thread_sources ts ON ts.source_id = s.id WHERE ts.thread_id = ?`,
  ).get(threadId);
}

/** Kept files of one format that threads still point at, newest first. */
export function listSourcesByFormat(db: Db, format: string): SourceMeta[] {
  return prepare<[string], SourceMeta>(
    db,
    `SELECT id, sha256, file_name, format, byte_length, imported_at FROM sources
     WHERE format = ? AND id IN (SELECT source_id FROM thread_sources) ORDER BY imported_at DESC, id DESC`,
  ).all(format);
}

/** A kept file's compressed bytes. */
export function readSourceContent(db: Db, sourceId: number): { content: Uint8Array; byte_length: number } | undefined {
  return prepare<[number], { content: Uint8Array; byte_length: number }>(db, "SELECT content, byte_length FROM sources WHERE id = ?").get(sourceId);
}

/** Ids of the threads that point at a kept file. */
export function listThreadIdsOfSource(db: Db, sourceId: number): string[] {
  return prepare<[number], { thread_id: string }>(db, "SELECT thread_id FROM thread_sources WHERE source_id = ?")
    .all(sourceId)
    .map((r) => r.thread_id);
}
