import type { Db } from "./connection";

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

/** SQL condition matching comments (alias `c`) whose body or author match `@fts`. */
export const FTS_CONDITION = "c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH @fts)";

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
