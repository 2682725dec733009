import type { CommentStatus } from "@sift/shared";
import { prepare, type Db } from "./connection";

/** A `comments` row as stored. */
export interface CommentRow {
  id: string;
  thread_id: string;
  external_id: string;
  position: number;
  parent_id: string | null;
  author: string;
  posted_at: string | null;
  body: string;
  status: CommentStatus;
  decided_at: string | null;
  version: number;
  severity: number | null;
  /** Queue order: posted_at, else when the thread was first imported. */
  sort_at: string;
}

/** What an import writes for one comment; status only applies to comments no moderator has decided on. */
export type CommentWrite = Omit<CommentRow, "decided_at" | "version" | "sort_at">;

/** A comment already stored for a thread, as the import service needs to see it. */
export interface StoredCommentKey {
  id: string;
  position: number;
  decided: 0 | 1;
}

const STATUS_AFTER_IMPORT = `CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = comments.id)
  THEN comments.status ELSE excluded.status END`;

/**
 * Inserts a comment or updates it in place by (thread_id, external_id). A comment with a decision
 * in the log keeps its status: a re-import must never undo a moderator's work. The version is
 * bumped only when something actually changed, so re-importing an unchanged file is a no-op.
 */
export function upsertComment(db: Db, row: CommentWrite): void {
  prepare(
    db,
    `INSERT INTO comments (id, thread_id, external_id, position, parent_id, author, posted_at, body, status, severity, sort_at)
     VALUES (@id, @thread_id, @external_id, @position, @parent_id, @author, @posted_at, @body, @status, @severity,
       COALESCE(@posted_at, (SELECT t.imported_at FROM threads t WHERE t.id = @thread_id), ''))
     ON CONFLICT (thread_id, external_id) DO UPDATE SET
       position = excluded.position, parent_id = excluded.parent_id, author = excluded.author,
       posted_at = excluded.posted_at, body = excluded.body, severity = excluded.severity, sort_at = excluded.sort_at,
       status = ${STATUS_AFTER_IMPORT},
       version = comments.version + (CASE WHEN
         comments.position IS excluded.position AND comments.parent_id IS excluded.parent_id
         AND comments.author IS excluded.author AND comments.posted_at IS excluded.posted_at
         AND comments.body IS excluded.body AND comments.severity IS excluded.severity
         AND comments.status IS ${STATUS_AFTER_IMPORT} THEN 0 ELSE 1 END)`,
  ).run(row);
}

export function findCommentById(db: Db, id: string): CommentRow | undefined {
  return prepare<[string], CommentRow>(db, "SELECT * FROM comments WHERE id = ?").get(id);
}

/** A thread's comments in page order. */
export function listCommentsByThread(db: Db, threadId: string): CommentRow[] {
  return prepare<[string], CommentRow>(db, "SELECT * FROM comments WHERE thread_id = ? ORDER BY position, id").all(threadId);
}

/** Ids, positions and whether a moderator decided on each stored comment of a thread. */
export function listCommentKeys(db: Db, threadId: string): StoredCommentKey[] {
  return prepare<[string], StoredCommentKey>(
    db,
    `SELECT c.id, c.position, EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = c.id) AS decided
     FROM comments c WHERE c.thread_id = ? ORDER BY c.position, c.id`,
  ).all(threadId);
}

export function deleteComment(db: Db, id: string): void {
  prepare(db, "DELETE FROM comments WHERE id = ?").run(id);
}

export function setCommentPosition(db: Db, id: string, position: number): void {
  prepare(db, "UPDATE comments SET position = ? WHERE id = ? AND position IS NOT ?").run(position, id, position);
}

/** Sets a moderator's status and bumps the version. */
export function setCommentStatus(db: Db, id: string, status: CommentStatus, decidedAt: string | null): void {
  prepare(db, "UPDATE comments SET status = ?, decided_at = ?, version = version + 1 WHERE id = ?").run(status, decidedAt, id);
}
