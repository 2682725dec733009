import type { CommentStatus } from "@sift/shared";
import type { Db } from "../db/connection";
import { findCommentById, setCommentStatus } from "../db/comment-repo";
import { insertDecision, listDecisions, type DecisionAction, type DecisionRow } from "../db/decision-repo";
import { ConflictError, NotFoundError } from "../errors";
import { getQueueItem, type QueueItem } from "./queue-service";

export interface DecisionInput {
  action: DecisionAction;
  reason?: string;
  moderator?: string | null;
  /** When given, the decision is refused if the comment changed since the client read it. */
  version?: number;
}

/**
 * Replays the log as a stack: approve/remove push the status they replaced, undo pops it.
 * So undo, undo walks back two decisions, and undo on an undecided comment has nothing to pop.
 */
export function statusToRestore(log: readonly DecisionRow[]): CommentStatus | undefined {
  const stack: CommentStatus[] = [];
  for (const d of log) {
    if (d.action === "undo") stack.pop();
    else stack.push(d.from_status);
  }
  return stack[stack.length - 1];
}

const TARGET: Record<Exclude<DecisionAction, "undo">, CommentStatus> = { approve: "approved", remove: "removed" };

/** Records a moderator's decision in the log and applies it; returns the updated comment. */
export function decideComment(db: Db, commentId: string, input: DecisionInput, now: Date = new Date()): QueueItem {
  db.transaction(() => {
    const comment = findCommentById(db, commentId);
    if (!comment) throw new NotFoundError(`no comment with id ${commentId}`);
    if (input.version !== undefined && input.version !== comment.version) {
      throw new ConflictError(`comment ${commentId} changed since it was loaded (version ${comment.version}, not ${input.version})`);
    }
    let to: CommentStatus;
    if (input.action === "undo") {
      const restored = statusToRestore(listDecisions(db, commentId));
      if (restored === undefined) throw new ConflictError(`comment ${commentId} has no decision to undo`);
      to = restored;
    } else {
      to = TARGET[input.action];
    }
    const at = now.toISOString();
    insertDecision(db, {
      comment_id: commentId,
      action: input.action,
      from_status: comment.status,
      to_status: to,
      reason: input.reason ?? null,
      moderator: input.moderator ?? null,
      decided_at: at,
    });
    setCommentStatus(db, commentId, to, to === "pending" ? null : at);
  }).immediate();
  return getQueueItem(db, commentId);
}

/** A comment's decision log, oldest first. */
export function listCommentDecisions(db: Db, commentId: string): DecisionRow[] {
  if (!findCommentById(db, commentId)) throw new NotFoundError(`no comment with id ${commentId}`);
  return listDecisions(db, commentId);
}
