import type { Db } from "./connection";
import { dropViewCountsInsertTrigger, recountThreadViews, restoreViewCountsInsertTrigger } from "./queue-repo";
import { dropSearchInsertTrigger, indexCommentsAfter, maxCommentRowid, restoreSearchInsertTrigger } from "./search-repo";

const columns = (db: Db, table: string): string[] => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

/**
 * For the benchmark only: grows a database to at least `target` comments by copying its threads
 * (comments with their flags; decisions are not copied) under new ids, each round `k` shifted
 * `k * 400` days later, so the API can be timed at a million comments without importing them
 * (`npm run bench -- --api-comments 1000000`). One transaction; the search index and the view
 * counts are filled in bulk as an import fills them. Returns the comment count after.
 */
export function growByCopyingThreads(db: Db, target: number): number {
  const count = () => (db.prepare("SELECT COUNT(*) AS n FROM comments").get() as { n: number }).n;
  const originals = (db.prepare("SELECT id FROM threads ORDER BY imported_at, id").all() as { id: string }[]).map((t) => t.id);
  if (originals.length === 0 || count() >= target) return count();
  const threadCols = columns(db, "threads");
  const commentCols = columns(db, "comments");
  const flagCols = columns(db, "flags").filter((c) => c !== "id");
  const shifted = (col: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, @days)`;
  const threadExpr: Record<string, string> = { id: "id || @suffix", key: "key || @suffix", title: "title || @label", imported_at: shifted("imported_at"), updated_at: shifted("updated_at") };
  const commentExpr: Record<string, string> = {
    id: "id || @suffix", thread_id: "thread_id || @suffix", parent_id: "parent_id || @suffix",
    posted_at: shifted("posted_at"), sort_at: shifted("sort_at"), decided_at: "NULL", status: "'pending'", version: "1",
  };
  const copyThread = db.prepare(`INSERT INTO threads (${threadCols.join(", ")}) SELECT ${threadCols.map((c) => threadExpr[c] ?? c).join(", ")} FROM threads WHERE id = @thread`);
  // Page order keeps parents before replies, so a thread cut short by the target has no dangling reply.
  const copyComments = db.prepare(
    `INSERT INTO comments (${commentCols.join(", ")}) SELECT ${commentCols.map((c) => commentExpr[c] ?? c).join(", ")}
     FROM comments WHERE thread_id = @thread ORDER BY position, id LIMIT @limit`,
  );
  const copyFlags = db.prepare(
    `INSERT INTO flags (${flagCols.join(", ")}) SELECT ${flagCols.map((c) => (c === "comment_id" ? "f.comment_id || @suffix" : `f.${c}`)).join(", ")}
     FROM comments c JOIN flags f ON f.comment_id = c.id
     WHERE c.thread_id = @thread AND EXISTS (SELECT 1 FROM comments x WHERE x.id = c.id || @suffix) ORDER BY f.id`,
  );
  db.transaction(() => {
    const search = dropSearchInsertTrigger(db);
    const counts = dropViewCountsInsertTrigger(db);
    const before = maxCommentRowid(db);
    let n = count();
    for (let k = 1; n < target; k++) {
      for (const thread of originals) {
        if (n >= target) break;
        const params = { thread, suffix: `~${k}`, label: ` (copy ${k})`, days: `+${k * 400} days` };
        copyThread.run(params);
        n += copyComments.run({ ...params, limit: target - n }).changes;
        copyFlags.run(params);
        recountThreadViews(db, `${thread}~${k}`);
      }
    }
    indexCommentsAfter(db, before);
    restoreViewCountsInsertTrigger(db, counts);
    restoreSearchInsertTrigger(db, search);
  }).immediate();
  return count();
}
