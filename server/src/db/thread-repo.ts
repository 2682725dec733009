import { prepare, type Db } from "./connection";

/** A `threads` row as stored. */
export interface ThreadRow {
  id: string;
  key: string;
  external_id: string | null;
  format: string;
  title: string;
  url: string | null;
  source_note: string | null;
  article_title: string;
  article_body: string;
  declared_comment_count: number | null;
  source_file: string | null;
  imported_at: string;
  updated_at: string;
}

/** A thread with the counts the thread list shows. */
export interface ThreadSummaryRow extends ThreadRow {
  comment_count: number;
  flagged_count: number;
  pending_count: number;
}

/** Inserts a thread or updates it in place; `imported_at` keeps the first import's time. */
export function upsertThread(db: Db, row: ThreadRow): void {
  prepare(
    db,
    `INSERT INTO threads (id, key, external_id, format, title, url, source_note, article_title, article_body,
       declared_comment_count, source_file, imported_at, updated_at)
     VALUES (@id, @key, @external_id, @format, @title, @url, @source_note, @article_title, @article_body,
       @declared_comment_count, @source_file, @imported_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET
       external_id = excluded.external_id, format = excluded.format, title = excluded.title, url = excluded.url,
       source_note = excluded.source_note, article_title = excluded.article_title, article_body = excluded.article_body,
       declared_comment_count = excluded.declared_comment_count, source_file = excluded.source_file,
       updated_at = excluded.updated_at`,
  ).run(row);
}

export function findThreadById(db: Db, id: string): ThreadRow | undefined {
  return prepare<[string], ThreadRow>(db, "SELECT * FROM threads WHERE id = ?").get(id);
}

/** Threads in import order (oldest first). */
export function listThreads(db: Db): ThreadRow[] {
  return prepare<[], ThreadRow>(db, "SELECT * FROM threads ORDER BY imported_at, id").all();
}

export function countThreads(db: Db): number {
  return prepare<[], { n: number }>(db, "SELECT COUNT(*) AS n FROM threads").get()?.n ?? 0;
}

/** Threads in import order with comment, flagged and pending counts. */
export function listThreadSummaries(db: Db): ThreadSummaryRow[] {
  return prepare<[], ThreadSummaryRow>(
    db,
    `SELECT t.*,
       (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id) AS comment_count,
       (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.severity IS NOT NULL) AS flagged_count,
       (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.status = 'pending') AS pending_count
     FROM threads t ORDER BY t.imported_at, t.id`,
  ).all();
}
