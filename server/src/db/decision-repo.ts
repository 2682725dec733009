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
}

export function insertDecision(db: Db, row: Omit<DecisionRow, "id">): number {
  const result = prepare(
    db,
    `INSERT INTO decisions (comment_id, action, from_status, to_status, reason, moderator, decided_at)
     VALUES (@comment_id, @action, @from_status, @to_status, @reason, @moderator, @decided_at)`,
  ).run(row);
  return Number(result.lastInsertRowid);
}

/** A comment's decisions, oldest first. */
export function listDecisions(db: Db, commentId: string): DecisionRow[] {
  return prepare<[string], DecisionRow>(db, "SELECT * FROM decisions WHERE comment_id = ? ORDER BY id").all(commentId);
}
