import type { CommentStatus } from "@sift/shared";
import { prepare, type Db } from "./connection";

export type DecisionAction = "approve" | "remove" | "undo";

/** A `decisions` row: one entry of the append-only moderation log. */
export interface DecisionRow {
  id: number;
  comment_id: string;
  action: DecisionAction;
  from_status: CommentStatus;
  to_status: CommentStatus;
  reason: string | null;
  moderator: string | null;
  decided_at: string;
  /** The rule pack that had flagged the comment when it was decided; null when no rule had. */
  rule_pack_version: string | null;
}

/**
 * Appends a decision. The rule pack version is read from the comment's flags in the same
 * statement, so it is the pack in force at that moment even if a rescan runs right after.
 */
export function insertDecision(db: Db, row: Omit<DecisionRow, "id" | "rule_pack_version">): number {
  const result = prepare(
    db,
    `INSERT INTO decisions (comment_id, action, from_status, to_status, reason, moderator, decided_at, rule_pack_version)
     VALUES (@comment_id, @action, @from_status, @to_status, @reason, @moderator, @decided_at,
             (SELECT MAX(rule_pack_version) FROM flags WHERE comment_id = @comment_id))`,
  ).run(row);
  return Number(result.lastInsertRowid);
}

/** A comment's decisions, oldest first. */
export function listDecisions(db: Db, commentId: string): DecisionRow[] {
  return prepare<[string], DecisionRow>(db, "SELECT * FROM decisions WHERE comment_id = ? ORDER BY id").all(commentId);
}

/** A log entry with what a reader of the log needs to recognise the comment. */
export interface DecisionLogRow extends DecisionRow {
  author: string;
  thread_id: string;
  thread_title: string;
  /** The start of the comment's body. */
  excerpt: string;
}

/** Decisions newest first, optionally older than `before` (an id) and by one moderator or action. */
export function listDecisionLog(
  db: Db,
  filter: { limit: number; before?: number; moderator?: string; action?: string },
): DecisionLogRow[] {
  return prepare<[Record<string, unknown>], DecisionLogRow>(
    db,
    `SELECT d.*, c.author, c.thread_id, t.title AS thread_title, substr(c.body, 1, 160) AS excerpt
     FROM decisions d JOIN comments c ON c.id = d.comment_id JOIN threads t ON t.id = c.thread_id
     WHERE (@before IS NULL OR d.id < @before)
       AND (@moderator IS NULL OR d.moderator = @moderator)
       AND (@action IS NULL OR d.action = @action)
     ORDER BY d.id DESC LIMIT @limit`,
  ).all({ limit: filter.limit, before: filter.before ?? null, moderator: filter.moderator ?? null, action: filter.action ?? null });
}

/** Ids of a thread's comments with a decision an undo could still revert. */
export function listUndoableIdsByThread(db: Db, threadId: string): string[] {
  return prepare<[string], { comment_id: string }>(
    db,
    `SELECT d.comment_id FROM decisions d JOIN comments c ON c.id = d.comment_id WHERE c.thread_id = ?
     GROUP BY d.comment_id HAVING SUM(CASE d.action WHEN 'undo' THEN -1 ELSE 1 END) > 0`,
  )
    .all(threadId)
    .map((r) => r.comment_id);
}

/** The newest log entry of each decided comment in a thread: who set its current status, when and why. */
export function listLatestDecisionsByThread(db: Db, threadId: string): DecisionRow[] {
  return prepare<[string], DecisionRow>(
    db,
    `SELECT d.* FROM decisions d
     WHERE d.id IN (SELECT MAX(d2.id) FROM decisions d2 JOIN comments c ON c.id = d2.comment_id WHERE c.thread_id = ? GROUP BY d2.comment_id)`,
  ).all(threadId);
}

/** A decision with the keys a platform knows the comment by. */
export interface ThreadDecisionRow extends DecisionRow {
  comment_external_id: string;
  comment_status: CommentStatus;
}

/** A thread's decisions in page order, each comment's oldest first: what replaying the log per comment needs. */
export function listThreadDecisions(db: Db, threadId: string): ThreadDecisionRow[] {
  return prepare<[string], ThreadDecisionRow>(
    db,
    `SELECT d.*, c.external_id AS comment_external_id, c.status AS comment_status
     FROM decisions d JOIN comments c ON c.id = d.comment_id
     WHERE c.thread_id = ? ORDER BY c.position, d.id`,
  ).all(threadId);
}
