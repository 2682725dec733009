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
  /** Hash of what the last import wrote (import-store.ts); null when unknown. */
  import_hash: string | null;
}

/** What an import writes for one comment; status only applies to comments no moderator has decided on. */
export type CommentWrite = Omit<CommentRow, "decided_at" | "version" | "sort_at" | "import_hash">;

/** A comment already stored for a thread, as the import service needs to see it. */
export interface StoredCommentKey {
  id: string;
  position: number;
  decided: 0 | 1;
}

// A comment with a decision in the log keeps its status: a re-import must never undo a moderator's work.
const STATUS_AFTER_IMPORT = `CASE WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.comment_id = comments.id)
  THEN comments.status ELSE @status END`;
const SORT_AT = "COALESCE(@posted_at, (SELECT t.imported_at FROM threads t WHERE t.id = @thread_id), '')";

const INSERT_COMMENT = `INSERT INTO comments (id, thread_id, external_id, position, parent_id, author, posted_at, body, status, severity, sort_at, import_hash)
  VALUES (@id, @thread_id, @external_id, @position, @parent_id, @author, @posted_at, @body, @status, @severity, ${SORT_AT}, @import_hash)
  ON CONFLICT (thread_id, external_id) DO NOTHING`;

// Only rows that actually change are written, so re-importing an unchanged file is a no-op and keeps versions.
const UPDATE_COMMENT = `UPDATE comments SET
    position = @position, parent_id = @parent_id, author = @author, posted_at = @posted_at, body = @body,
    severity = @severity, sort_at = ${SORT_AT}, status = ${STATUS_AFTER_IMPORT}, version = version + 1
  WHERE thread_id = @thread_id AND external_id = @external_id
    AND NOT (position IS @position AND parent_id IS @parent_id AND author IS @author AND posted_at IS @posted_at
      AND body IS @body AND severity IS @severity AND status IS ${STATUS_AFTER_IMPORT})`;

/**
 * Inserts a comment or updates it in place by (thread_id, external_id), bumping the version only
 * when something changed. Two statements rather than one UPSERT: an UPSERT that may rewrite
 * parent_id makes SQLite run its self-referencing foreign-key checks on every insert (~4x slower).
 */
export function upsertComment(db: Db, row: CommentWrite): void {
  if (prepare(db, INSERT_COMMENT).run({ ...row, import_hash: null }).changes > 0) return;
  prepare(db, UPDATE_COMMENT).run(row);
}

/**
 * Inserts a comment new to its thread; returns its rowid (the search index's key), or null when
 * (thread_id, external_id) is already stored. One statement, so a bulk load pays one step per row.
 */
export function insertComment(db: Db, row: CommentWrite & { import_hash: string | null }): number | null {
  const result = prepare(db, INSERT_COMMENT).run(row);
  return result.changes > 0 ? Number(result.lastInsertRowid) : null;
}

/** Updates a stored comment in place (version bumped only if a field changed) and records its import hash. */
export function updateImportedComment(db: Db, row: CommentWrite & { import_hash: string | null }): void {
  prepare(db, UPDATE_COMMENT).run(row);
  prepare(db, "UPDATE comments SET import_hash = @import_hash WHERE id = @id AND import_hash IS NOT @import_hash").run({
    id: row.id,
    import_hash: row.import_hash,
  });
}

/** Forgets a comment's import hash (its flags were rewritten outside an import), so the next import compares it in full. */
export function clearImportHash(db: Db, id: string): void {
  prepare(db, "UPDATE comments SET import_hash = NULL WHERE id = ? AND import_hash IS NOT NULL").run(id);
}

/** A stored comment as a re-import needs it: its key and what the last import wrote. */
export interface ImportKeyRow {
  id: string;
  external_id: string;
  import_hash: string | null;
}

/** Every stored comment of a thread with its import hash (one query instead of a lookup per comment). */
export function listImportKeys(db: Db, threadId: string): ImportKeyRow[] {
  return prepare<[string], ImportKeyRow>(db, "SELECT id, external_id, import_hash FROM comments WHERE thread_id = ? ORDER BY position, id").all(threadId);
}

/** True when a moderator (or a remove rule) has a decision in the comment's log. */
export function hasDecision(db: Db, id: string): boolean {
  return prepare<[string], { one: number }>(db, "SELECT 1 AS one FROM decisions WHERE comment_id = ? LIMIT 1").get(id) !== undefined;
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

/** Enough of a comment to show it as context (a reply's parent). */
export interface CommentPreviewRow {
  id: string;
  author: string;
  body: string;
  status: CommentStatus;
  posted_at: string | null;
}

/** Previews of the given comments (unknown ids are left out). */
export function listCommentPreviews(db: Db, ids: readonly string[]): CommentPreviewRow[] {
  if (ids.length === 0) return [];
  return prepare<[string], CommentPreviewRow>(
    db,
    "SELECT id, author, body, status, posted_at FROM comments WHERE id IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(ids));
}

/** An author's comments across threads, newest first, with the thread title. */
export interface AuthorCommentRow {
  id: string;
  thread_id: string;
  thread_title: string;
  author: string;
  posted_at: string | null;
  body: string;
  status: CommentStatus;
  severity: number | null;
  version: number;
}

export function listCommentsByAuthor(db: Db, author: string, limit: number): AuthorCommentRow[] {
  return prepare<[string, number], AuthorCommentRow>(
    db,
    `SELECT c.id, c.thread_id, t.title AS thread_title, c.author, c.posted_at, c.body, c.status, c.severity, c.version
     FROM comments c JOIN threads t ON t.id = c.thread_id
     WHERE c.author = ? ORDER BY c.sort_at DESC, c.thread_id, c.position LIMIT ?`,
  ).all(author, limit);
}

/** Ids of an author's pending comments in one thread, in page order. */
export function listPendingIdsByAuthorInThread(db: Db, author: string, threadId: string): string[] {
  return prepare<[string, string], { id: string }>(
    db,
    "SELECT id FROM comments WHERE author = ? AND thread_id = ? AND status = 'pending' ORDER BY position",
  )
    .all(author, threadId)
    .map((r) => r.id);
}

/**
 * Sets a comment's denormalised severity after its flags changed outside an import, bumping the
 * version so open views notice, and forgetting its import hash: the next import of its file must
 * compare it afresh instead of skipping it as unchanged.
 */
export function setCommentSeverity(db: Db, id: string, severity: number | null): void {
  prepare(db, "UPDATE comments SET severity = ?, import_hash = NULL, version = version + (severity IS NOT ?) WHERE id = ?").run(severity, severity, id);
}

/** How many comments are stored (a scan of the smallest index: tens of milliseconds at a million). */
export function countComments(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM comments").get() as { n: number }).n;
}

/**
 * Drops the secondary indexes of `comments` (the queue, author and lookup indexes the migrations
 * made; not the primary key or UNIQUE constraints) and returns their CREATE statements, for a bulk
 * load to put back with restoreCommentIndexes in the same transaction: building an index once over
 * a million rows is several times faster than updating it row by row.
 */
export function dropCommentIndexes(db: Db): string[] {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'comments' AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes.map((index) => index.sql);
}

/** Re-creates the indexes dropCommentIndexes removed. */
export function restoreCommentIndexes(db: Db, statements: readonly string[]): void {
  for (const sql of statements) db.exec(sql);
}

/**
 * Comments whose denormalised severity disagrees with their flags (NULL exactly when a comment has
 * none): the queue and the reports count flagged comments by it. Zero in a sound database.
 */
export function countSeverityMismatches(db: Db): number {
  return db.prepare("SELECT COUNT(*) FROM comments c WHERE (c.severity IS NULL) = EXISTS (SELECT 1 FROM flags f WHERE f.comment_id = c.id)").pluck().get() as number;
}
