/**
 * The write half of an import: threads, comments and flags into the database, inside the
 * caller's transaction. Built for bulk loads (issue 8): one lookup of the stored comments per
 * thread, unchanged comments skipped by hash, flags only written where they changed, and the
 * search index filled in one statement after a large load instead of by a trigger per row.
 */
import type { CommentImport, Flag, ThreadImport } from "@sift/shared";
import { RULE_PACK_VERSION } from "@sift/shared/rules";
import {
  countComments,
  deleteComment,
  dropCommentIndexes,
  hasDecision,
  insertComment,
  listImportKeys,
  restoreCommentIndexes,
  setCommentPosition,
  updateImportedComment,
  type CommentWrite,
} from "../db/comment-repo";
import type { Db } from "../db/connection";
import { insertFlags, replaceFlags } from "../db/flag-repo";
import {
  dropSearchInsertTrigger,
  indexCommentsAfter,
  maxCommentRowid,
  rebuildCommentSearchInPlace,
  restoreSearchInsertTrigger,
} from "../db/search-repo";
import { dropViewCountsInsertTrigger, recountThreadViews, restoreViewCountsInsertTrigger } from "../db/queue-repo";
import { upsertThread } from "../db/thread-repo";
import { ImportError } from "../errors";
import { threadIdFromKey, threadKey } from "./ids";
import { PROGRESS_EVERY, type ImportProgress } from "./import-progress";
import { importHashOf, toCommentWrite } from "./import-rows";
import { removeByRule } from "./rule-service-actions";

/** What `import` reports per thread (the CONTRACT's `--json` shape). */
export interface ImportedThread {
  id: string;
  title: string;
  format: string;
  comments: number;
  flagged: number;
}

export interface CommentWithFlags {
  comment: CommentImport;
  flags: readonly Flag[];
  /** Its import hash when already computed (by a rules worker, off the write lock); else computed here. */
  hash?: string;
}

/**
 * From how many comments in one file the search index and the view counts are filled in bulk
 * rather than by their insert triggers. Below it the triggers' per-row cost (~0.1 ms) is less than
 * scanning for the new rows.
 */
export const BULK_LOAD_COMMENTS = 5_000;

/**
 * From how many comments, and only when they at least double the table, a bulk load also drops
 * the comments table's secondary indexes and builds them again at the end: measured at 1,000,000
 * rows into an empty table, 87 s with the indexes kept against 34 s (24 s of inserts, 10 s of
 * index builds). A load into a table already much larger would rebuild more than it saves.
 */
export const BULK_INDEX_COMMENTS = 50_000;

/**
 * Runs `store` (which inserts comments) with the search index's and the view counts' insert
 * triggers dropped when `comments` is a bulk load, then indexes the new rows in one statement and
 * recounts the threads stored; a load that at least doubles a large table also rebuilds the
 * comments table's secondary indexes once instead of row by row (BULK_INDEX_COMMENTS). Must run
 * inside a transaction: a rollback restores the triggers and the indexes.
 * Update and delete triggers stay, so edited and dropped comments keep both right on their own.
 */
export function withBulkLoad(
  db: Db,
  comments: number,
  store: (noteInsert: (rowid: number) => void) => ImportedThread[],
  thresholds: { bulk?: number; indexes?: number } = {},
): ImportedThread[] {
  if (comments < (thresholds.bulk ?? BULK_LOAD_COMMENTS)) return store(() => {});
  const before = maxCommentRowid(db);
  let reused = false;
  // Counted before the drop: the count is read through one of the indexes about to go.
  const rebuildIndexes = comments >= (thresholds.indexes ?? BULK_INDEX_COMMENTS) && comments >= 2 * countComments(db);
  const indexes = rebuildIndexes ? dropCommentIndexes(db) : [];
  const searchTrigger = dropSearchInsertTrigger(db);
  const countsTrigger = dropViewCountsInsertTrigger(db);
  // A new row normally gets a rowid above every old one; one that reuses a freed rowid (after a
  // delete in the same load) would be missed by "rowid > before", so then the index is rebuilt.
  const threads = store((rowid) => {
    if (rowid <= before) reused = true;
  });
  restoreCommentIndexes(db, indexes);
  if (reused) rebuildCommentSearchInPlace(db);
  else indexCommentsAfter(db, before);
  for (const thread of threads) recountThreadViews(db, thread.id);
  restoreSearchInsertTrigger(db, searchTrigger);
  restoreViewCountsInsertTrigger(db, countsTrigger);
  return threads;
}

/**
 * Writes one thread and its comments; must run inside a transaction. Comments arrive as an
 * iterable in page order so a streaming parser can feed it without holding the thread in memory
 * (only the seen external ids and the stored keys are kept, to resolve parents and catch duplicates).
 */
export function storeThread(
  db: Db,
  meta: Omit<ThreadImport, "comments">,
  comments: Iterable<CommentWithFlags>,
  ctx: { sourceFile: string | null; now: string; noteInsert?: (rowid: number) => void; progress?: ImportProgress },
): ImportedThread {
  const key = threadKey(meta);
  const threadId = threadIdFromKey(key);
  upsertThread(db, {
    id: threadId,
    key,
    external_id: meta.external_id,
    format: meta.format,
    title: meta.title,
    url: meta.url,
    source_note: meta.source_note,
    article_title: meta.article.title,
    article_body: meta.article.body,
    declared_comment_count: meta.declared_comment_count,
    source_file: ctx.sourceFile,
    imported_at: ctx.now,
    updated_at: ctx.now,
  });
  const stored = new Map(listImportKeys(db, threadId).map((r) => [r.external_id, r]));
  const seen = new Set<string>();
  let flagged = 0;
  for (const { comment, flags, hash } of comments) {
    if (seen.has(comment.external_id)) {
      throw new ImportError(ctx.sourceFile ?? meta.title, `comment id "${comment.external_id}" appears twice in thread "${meta.title}"`);
    }
    const row = toCommentWrite(threadId, comment, flags, seen.size + 1, seen);
    seen.add(comment.external_id);
    if (flags.length > 0) flagged++;
    if (seen.size % PROGRESS_EVERY === 0) ctx.progress?.advance(PROGRESS_EVERY);
    writeComment(db, row, flags, hash ?? importHashOf(row, flags), stored.get(comment.external_id)?.import_hash, ctx);
  }
  ctx.progress?.advance(seen.size % PROGRESS_EVERY);
  retireVanishedComments(db, [...stored.values()].filter((r) => !seen.has(r.external_id)), seen.size);
  return { id: threadId, title: meta.title, format: meta.format, comments: seen.size, flagged };
}

/** Inserts a new comment, updates a changed one, and leaves one the last import wrote identically alone. */
function writeComment(
  db: Db,
  row: CommentWrite,
  flags: readonly Flag[],
  importHash: string,
  storedHash: string | null | undefined,
  ctx: { now: string; noteInsert?: (rowid: number) => void },
): void {
  if (storedHash === importHash) return;
  if (storedHash === undefined) {
    const rowid = insertComment(db, { ...row, import_hash: importHash });
    if (rowid !== null) {
      ctx.noteInsert?.(rowid);
      insertFlags(db, row.id, flags, RULE_PACK_VERSION);
      removeByRule(db, row.id, flags, ctx.now);
      return;
    }
  }
  updateImportedComment(db, { ...row, import_hash: importHash });
  replaceFlags(db, row.id, flags, RULE_PACK_VERSION);
  removeByRule(db, row.id, flags, ctx.now);
}

/**
 * Comments stored before but absent from this import: drop them unless a moderator decided on
 * them (the decision log must survive), in which case they move after the page's comments.
 */
function retireVanishedComments(db: Db, vanished: { id: string }[], pageSize: number): void {
  let next = pageSize;
  // Stored order, so decided leftovers keep their relative order after the page's comments.
  for (const row of vanished) {
    if (hasDecision(db, row.id)) setCommentPosition(db, row.id, ++next);
    else deleteComment(db, row.id);
  }
}
