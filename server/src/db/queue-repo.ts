import type { Category, CommentStatus } from "@sift/shared";
import { prepare, type Db } from "./connection";
import { FTS_CONDITION, FTS_WALK_CONDITION, isCommonSearch, toFtsQuery } from "./search-repo";

/** The queue views: "review" is pending comments that carry flags, most severe first. */
export type QueueView = "review" | "pending" | "approved" | "removed" | "all";

/** Sort key of a queue row: (severity rank or 0, oldest known time, thread id, position). */
export type QueueKey = [number, string, string, number];

export interface QueueFilter {
  view: QueueView;
  threadId?: string;
  category?: Category;
  /** Id of a rule that flagged the comment, e.g. "threat.violence". */
  rule?: string;
  /** Exact author name. */
  author?: string;
  /** Words that must all start a word of the body or author (full-text, FTS5). */
  q?: string;
  limit: number;
  /** Keyset cursor: only rows strictly after this key. */
  after?: QueueKey;
}

/** One queue row with what the list shows and its sort key. */
export interface QueueRow {
  id: string;
  thread_id: string;
  thread_title: string;
  position: number;
  parent_id: string | null;
  author: string;
  posted_at: string | null;
  body: string;
  status: CommentStatus;
  decided_at: string | null;
  version: number;
  /** Decisions that an undo could still revert. */
  undo_depth: number;
  k0: number;
  k1: string;
  k2: string;
  k3: number;
}

const VIEW_CONDITION: Record<QueueView, string> = {
  review: "c.status = 'pending' AND c.severity IS NOT NULL",
  pending: "c.status = 'pending'",
  approved: "c.status = 'approved'",
  removed: "c.status = 'removed'",
  all: "1 = 1",
};

// posted_at, else when the thread was first imported (see 0002_queue_order.sql).
const TIME_KEY = "c.sort_at";

/** Flags of one category or rule at most this many: the filter drives the query from them instead of walking the queue order. */
const FEW_FLAGS = 2000;

/**
 * The condition of a category or rule filter. A common one is tested on each row as the queue index
 * is walked in order (the page fills after a few hundred rows); a rare one (or one that flagged
 * nothing) would make that walk visit the whole view, ~0.8 s at a million comments, so its few
 * comments are looked up through the flags index and sorted instead. Counting up to the cap is an
 * index range of at most FEW_FLAGS entries.
 */
function flagCondition(db: Db, column: "category" | "rule", value: string): string {
  const flags = prepare<[string, number], { n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM flags WHERE ${column} = ? LIMIT ?)`,
  ).get(value, FEW_FLAGS + 1)!.n;
  return flags > FEW_FLAGS
    ? `EXISTS (SELECT 1 FROM flags f WHERE f.comment_id = c.id AND f.${column} = @${column})`
    : `c.id IN (SELECT f.comment_id FROM flags f WHERE f.${column} = @${column})`;
}

/** The WHERE conditions and parameters of a filter, shared by the list and the id listing. */
function filterConditions(db: Db, filter: Omit<QueueFilter, "limit" | "after">): { where: string[]; params: Record<string, unknown> } | null {
  const where = [VIEW_CONDITION[filter.view]];
  const params: Record<string, unknown> = {};
  if (filter.threadId !== undefined) {
    where.push("c.thread_id = @thread");
    params.thread = filter.threadId;
  }
  if (filter.category !== undefined) {
    where.push(flagCondition(db, "category", filter.category));
    params.category = filter.category;
  }
  if (filter.rule !== undefined) {
    where.push(flagCondition(db, "rule", filter.rule));
    params.rule = filter.rule;
  }
  if (filter.author !== undefined) {
    where.push("c.author = @author");
    params.author = filter.author;
  }
  if (filter.q) {
    const fts = toFtsQuery(filter.q);
    // Punctuation only: nothing a word index can match.
    if (fts === null) return null;
    where.push(isCommonSearch(db, fts) ? FTS_WALK_CONDITION : FTS_CONDITION);
    params.fts = fts;
  }
  return { where, params };
}

/** Ids of every comment a filter matches, in queue order, at most `limit` (for "select all matching"). */
export function listQueueIds(db: Db, filter: Omit<QueueFilter, "after">): string[] {
  const conditions = filterConditions(db, filter);
  if (!conditions) return [];
  const order = filter.view === "review" ? ["c.severity", TIME_KEY, "c.thread_id", "c.position"] : [TIME_KEY, "c.thread_id", "c.position"];
  const sql = `SELECT c.id FROM comments c WHERE ${conditions.where.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT @limit`;
  return prepare<[Record<string, unknown>], { id: string }>(db, sql)
    .all({ ...conditions.params, limit: filter.limit })
    .map((r) => r.id);
}

/** Id, author and body of every comment a filter matches, in queue order, at most `limit` (duplicate detection). */
export function listQueueTexts(db: Db, filter: Omit<QueueFilter, "after">): { id: string; author: string; body: string }[] {
  const conditions = filterConditions(db, filter);
  if (!conditions) return [];
  const order = filter.view === "review" ? ["c.severity", TIME_KEY, "c.thread_id", "c.position"] : [TIME_KEY, "c.thread_id", "c.position"];
  const sql = `SELECT c.id, c.author, c.body FROM comments c WHERE ${conditions.where.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT @limit`;
  return prepare<[Record<string, unknown>], { id: string; author: string; body: string }>(db, sql).all({ ...conditions.params, limit: filter.limit });
}

/** One page of the moderation queue, in a stable order suitable for keyset paging. */
export function listQueue(db: Db, filter: QueueFilter): QueueRow[] {
  const rankKey = filter.view === "review" ? "c.severity" : "0";
  const conditions = filterConditions(db, filter);
  if (!conditions) return [];
  const { where } = conditions;
  const params: Record<string, unknown> = { ...conditions.params, limit: filter.limit };
  // Order by the indexed columns themselves (not aliases, and without the constant rank outside
  // "review") so SQLite walks comments_queue_* in order and stops at the limit.
  const order = filter.view === "review" ? ["c.severity", TIME_KEY, "c.thread_id", "c.position"] : [TIME_KEY, "c.thread_id", "c.position"];
  if (filter.after) {
    const [k0, k1, k2, k3] = filter.after;
    const keys = filter.view === "review" ? { k0, k1, k2, k3 } : { k1, k2, k3 };
    where.push(`(${order.join(", ")}) > (${Object.keys(keys).map((k) => `@${k}`).join(", ")})`);
    Object.assign(params, keys);
  }
  const sql = `SELECT c.id, c.thread_id, t.title AS thread_title, c.position, c.parent_id, c.author, c.posted_at,
      c.body, c.status, c.decided_at, c.version,
      COALESCE((SELECT SUM(CASE d.action WHEN 'undo' THEN -1 ELSE 1 END) FROM decisions d WHERE d.comment_id = c.id), 0) AS undo_depth,
      ${rankKey} AS k0, ${TIME_KEY} AS k1, c.thread_id AS k2, c.position AS k3
    FROM comments c JOIN threads t ON t.id = c.thread_id
    WHERE ${where.join(" AND ")}
    ORDER BY ${order.join(", ")}
    LIMIT @limit`;
  return prepare<[Record<string, unknown>], QueueRow>(db, sql).all(params);
}

/** Row of one comment in queue shape, or undefined. */
export function findQueueRowById(db: Db, id: string): QueueRow | undefined {
  return prepare<[string], QueueRow>(
    db,
    `SELECT c.id, c.thread_id, t.title AS thread_title, c.position, c.parent_id, c.author, c.posted_at,
       c.body, c.status, c.decided_at, c.version,
       COALESCE((SELECT SUM(CASE d.action WHEN 'undo' THEN -1 ELSE 1 END) FROM decisions d WHERE d.comment_id = c.id), 0) AS undo_depth,
       COALESCE(c.severity, 0) AS k0, ${TIME_KEY} AS k1, c.thread_id AS k2, c.position AS k3
     FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = ?`,
  ).get(id);
}

/** How many comments each view holds, optionally within one thread. */
export type QueueCounts = Record<QueueView, number>;

/** Read from the maintained view_counts table (migration 0012): one row per thread, never a scan of comments. */
export function countQueueViews(db: Db, threadId?: string): QueueCounts {
  const row = prepare<[string | null, string | null], QueueCounts>(
    db,
    `SELECT COALESCE(SUM(review), 0) AS review, COALESCE(SUM(pending), 0) AS pending,
       COALESCE(SUM(approved), 0) AS approved, COALESCE(SUM(removed), 0) AS removed, COALESCE(SUM(total), 0) AS "all"
     FROM view_counts WHERE (? IS NULL OR thread_id = ?)`,
  ).get(threadId ?? null, threadId ?? null);
  return row ?? { review: 0, pending: 0, approved: 0, removed: 0, all: 0 };
}

/** The same counts by scanning the comments: the truth view_counts must agree with (tests, `sift check`). */
export function recountQueueViews(db: Db, threadId?: string): QueueCounts {
  const row = prepare<[string | null, string | null], QueueCounts>(
    db,
    `SELECT
       COALESCE(SUM(status = 'pending' AND severity IS NOT NULL), 0) AS review,
       COALESCE(SUM(status = 'pending'), 0) AS pending,
       COALESCE(SUM(status = 'approved'), 0) AS approved,
       COALESCE(SUM(status = 'removed'), 0) AS removed,
       COUNT(*) AS "all"
     FROM comments WHERE (? IS NULL OR thread_id = ?)`,
  ).get(threadId ?? null, threadId ?? null);
  return row ?? { review: 0, pending: 0, approved: 0, removed: 0, all: 0 };
}

const VIEW_COUNTS_INSERT_TRIGGER = "view_counts_insert";

/** Drops the per-row counts trigger for a bulk load (inside its transaction); returns its SQL to restore. */
export function dropViewCountsInsertTrigger(db: Db): string {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(VIEW_COUNTS_INSERT_TRIGGER) as
    | { sql: string }
    | undefined;
  if (!row) throw new Error(`the ${VIEW_COUNTS_INSERT_TRIGGER} trigger is missing`);
  db.prepare(`DROP TRIGGER ${VIEW_COUNTS_INSERT_TRIGGER}`).run();
  return row.sql;
}

/** Re-creates a trigger dropped by dropViewCountsInsertTrigger (same transaction). */
export function restoreViewCountsInsertTrigger(db: Db, sql: string): void {
  db.exec(sql);
}

/** Recomputes one thread's view_counts row from its comments (after a bulk load skipped the trigger). */
export function recountThreadViews(db: Db, threadId: string): void {
  prepare(
    db,
    `INSERT OR REPLACE INTO view_counts (thread_id, review, pending, approved, removed, total)
     SELECT @thread_id, COALESCE(SUM(status = 'pending' AND severity IS NOT NULL), 0), COALESCE(SUM(status = 'pending'), 0),
       COALESCE(SUM(status = 'approved'), 0), COALESCE(SUM(status = 'removed'), 0), COUNT(*)
     FROM comments WHERE thread_id = @thread_id`,
  ).run({ thread_id: threadId });
}

/** Rules that flagged comments and the authors who wrote them, with counts, for the queue's filters. */
export interface QueueFacets {
  rules: { rule: string; category: Category; count: number }[];
  authors: { author: string; count: number }[];
}

/** The queue filter choices, optionally within one thread; authors limited to the most prolific. */
export function listQueueFacets(db: Db, threadId: string | undefined, authorLimit: number): QueueFacets {
  const thread = threadId ?? null;
  const rules = prepare<[string | null, string | null], QueueFacets["rules"][number]>(
    db,
    `SELECT f.rule, MIN(f.category) AS category, COUNT(DISTINCT f.comment_id) AS count
     FROM flags f JOIN comments c ON c.id = f.comment_id
     WHERE (? IS NULL OR c.thread_id = ?) GROUP BY f.rule ORDER BY f.rule`,
  ).all(thread, thread);
  const authors = prepare<[string | null, string | null, number], QueueFacets["authors"][number]>(
    db,
    `SELECT author, COUNT(*) AS count FROM comments WHERE (? IS NULL OR thread_id = ?) AND author <> ''
     GROUP BY author ORDER BY count DESC, author LIMIT ?`,
  ).all(thread, thread, authorLimit);
  return { rules, authors };
}
