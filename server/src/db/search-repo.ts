import { prepare, type Db } from "./connection";

/**
 * Turns what a moderator typed into an FTS5 query: every word must appear, each as a prefix
 * ("idiot" finds "idiots"), and FTS5 operators in the input (AND, NEAR, quotes, column filters)
 * are plain text. Returns null when the input holds no searchable word.
 */
export function toFtsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return null;
  // A cap keeps a pasted paragraph from becoming a very expensive query.
  return words
    .slice(0, 16)
    .map((w) => `"${w}"*`)
    .join(" ");
}

/**
 * SQL condition matching comments (alias `c`) whose body or author match `@fts`. SQLite drives the
 * query from the matches: it looks each one up and sorts them, which is right for a rare word and
 * slow for a common one (a word in 15% of a million comments: ~300 ms).
 */
export const FTS_CONDITION = "c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH @fts)";

/**
 * The same condition for a common word: the unary `+` keeps SQLite from driving the query from the
 * matches, so it collects them once into a bloom-filtered set and walks the queue index in order,
 * stopping at the page's limit (~20 ms for that same word; a rare one would walk the whole index).
 */
export const FTS_WALK_CONDITION = "+c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH @fts)";

/** At most this many matches, a search is driven from its matches; more, and it walks the queue order. */
export const FEW_MATCHES = 3000;

const commonness = new WeakMap<Db, Map<string, boolean>>();
const COMMONNESS_CACHE = 500;

/**
 * True when an FTS5 query matches more than FEW_MATCHES comments. Counted up to that cap (the
 * cost is FTS5 merging a prefix's terms, a few ms for a common word) and remembered per connection,
 * so the next pages of the same search skip it. Only the plan depends on it, never the rows, so a
 * stale answer after an import costs time, not correctness.
 */
export function isCommonSearch(db: Db, fts: string): boolean {
  let cache = commonness.get(db);
  if (!cache) commonness.set(db, (cache = new Map()));
  const known = cache.get(fts);
  if (known !== undefined) return known;
  const n = prepare<[string, number], { n: number }>(db, "SELECT COUNT(*) AS n FROM (SELECT 1 FROM comments_fts WHERE comments_fts MATCH ? LIMIT ?)")
    .get(fts, FEW_MATCHES + 1)!.n;
  if (cache.size >= COMMONNESS_CACHE) cache.clear();
  cache.set(fts, n > FEW_MATCHES);
  return n > FEW_MATCHES;
}

/** Rebuilds the full-text index from the comments table (the triggers only follow single edits). */
export function rebuildCommentSearch(db: Db): void {
  db.prepare("INSERT INTO comments_fts (comments_fts) VALUES ('rebuild')").run();
  // Merges the index's segments, so searches right after a large import stay fast.
  db.prepare("INSERT INTO comments_fts (comments_fts) VALUES ('optimize')").run();
}

/** FTS5's own consistency check; throws when the index disagrees with the comments table. */
export function checkCommentSearch(db: Db): void {
  db.prepare("INSERT INTO comments_fts (comments_fts, rank) VALUES ('integrity-check', 1)").run();
}

const INSERT_TRIGGER = "comments_fts_insert";

/**
 * Drops the trigger that indexes each inserted comment, for a bulk load inside a transaction
 * (indexing row by row costs ~7x the insert itself); returns its SQL for restoreSearchInsertTrigger.
 * DDL is transactional in SQLite: a rollback brings the trigger back with everything else.
 */
export function dropSearchInsertTrigger(db: Db): string {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(INSERT_TRIGGER) as { sql: string } | undefined;
  if (!row) throw new Error(`the ${INSERT_TRIGGER} trigger is missing`);
  db.prepare(`DROP TRIGGER ${INSERT_TRIGGER}`).run();
  return row.sql;
}

/** Re-creates the insert trigger dropSearchInsertTrigger removed (same transaction). */
export function restoreSearchInsertTrigger(db: Db, sql: string): void {
  db.exec(sql);
}

/** The largest comments rowid, 0 for an empty table: rows inserted after this call get larger ones unless rows were deleted. */
export function maxCommentRowid(db: Db): number {
  return (db.prepare("SELECT COALESCE(MAX(rowid), 0) AS n FROM comments").get() as { n: number }).n;
}

/** Indexes, in one statement, the comments with a rowid above `after` (a bulk load's new rows). */
export function indexCommentsAfter(db: Db, after: number): void {
  db.prepare("INSERT INTO comments_fts (rowid, body, author) SELECT rowid, body, author FROM comments WHERE rowid > ?").run(after);
}

/** Rebuilds the index from the comments table inside the caller's transaction (no optimize: that is for idle time). */
export function rebuildCommentSearchInPlace(db: Db): void {
  db.prepare("INSERT INTO comments_fts (comments_fts) VALUES ('rebuild')").run();
}
