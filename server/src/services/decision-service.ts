import type { CommentStatus } from "@sift/shared";
import type { Db } from "../db/connection";
import { findCommentById, listPendingIdsByAuthorInThread, setCommentStatus, type CommentRow } from "../db/comment-repo";
import { findThreadById } from "../db/thread-repo";
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

/** Records one decision on a stored comment and applies it; must run inside a transaction. */
function applyDecision(db: Db, comment: CommentRow, input: DecisionInput, at: string): CommentStatus {
  let to: CommentStatus;
  if (input.action === "undo") {
    const restored = statusToRestore(listDecisions(db, comment.id));
    if (restored === undefined) throw new ConflictError(`comment ${comment.id} has no decision to undo`);
    to = restored;
  } else {
    to = TARGET[input.action];
  }
  insertDecision(db, {
    comment_id: comment.id,
    action: input.action,
    from_status: comment.status,
    to_status: to,
    reason: input.reason ?? null,
    moderator: input.moderator ?? null,
    decided_at: at,
  });
  setCommentStatus(db, comment.id, to, to === "pending" ? null : at);
  return to;
}

const DONE: Record<DecisionAction, string> = { approve: "approved", remove: "removed", undo: "undid the decision on" };

/**
 * 409 for a decision made on an outdated view: names who decided first, when, and the status now,
 * so the dashboard can show it instead of silently overwriting a colleague's decision.
 */
function staleDecisionError(db: Db, comment: CommentRow, seenVersion: number): ConflictError {
  const last = listDecisions(db, comment.id).at(-1);
  const current = { status: comment.status, version: comment.version, decided_by: last?.moderator ?? null, decided_at: last?.decided_at ?? null };
  const message = last
    ? `${last.moderator ?? "Someone"} ${DONE[last.action]} this comment first (at ${last.decided_at}); it is now ${comment.status}.`
    : `This comment changed since it was loaded (version ${comment.version}, not ${seenVersion}); it is now ${comment.status}.`;
  return new ConflictError(message, [{ path: ["version"], message, current }]);
}

/** Records a moderator's decision in the log and applies it; returns the updated comment. */
export function decideComment(db: Db, commentId: string, input: DecisionInput, now: Date = new Date()): QueueItem {
  db.transaction(() => {
    const comment = findCommentById(db, commentId);
    if (!comment) throw new NotFoundError(`no comment with id ${commentId}`);
    if (input.version !== undefined && input.version !== comment.version) throw staleDecisionError(db, comment, input.version);
    applyDecision(db, comment, input, now.toISOString());
  }).immediate();
  return getQueueItem(db, commentId);
}

/** What a decision on many comments did. */
export interface BulkDecisionResult {
  /** Comments whose status changed, with their new status and version. */
  decided: { id: string; status: CommentStatus; version: number }[];
  /** Comments left alone: already in the target status, or unknown. */
  skipped: { id: string; reason: "already_decided" | "not_found" }[];
}

/**
 * Approves or removes many comments in ONE transaction, one log entry per comment, so each can
 * be undone on its own. Comments already in the target status are skipped rather than logged
 * twice; unknown ids are reported, not fatal (another moderator's import may have dropped one).
 */
export function decideComments(
  db: Db,
  ids: readonly string[],
  input: Omit<DecisionInput, "version" | "action"> & { action: Exclude<DecisionAction, "undo"> },
  now: Date = new Date(),
): BulkDecisionResult {
  const at = now.toISOString();
  return db
    .transaction((): BulkDecisionResult => {
      const result: BulkDecisionResult = { decided: [], skipped: [] };
      for (const id of new Set(ids)) {
        const comment = findCommentById(db, id);
        if (!comment) result.skipped.push({ id, reason: "not_found" });
        else if (comment.status === TARGET[input.action]) result.skipped.push({ id, reason: "already_decided" });
        else {
          const status = applyDecision(db, comment, input, at);
          result.decided.push({ id, status, version: comment.version + 1 });
        }
      }
      return result;
    })
    .immediate();
}

/** Removes every pending comment an author wrote in one thread (one log entry per comment). */
export function removePendingByAuthor(
  db: Db,
  author: string,
  threadId: string,
  input: { reason?: string; moderator?: string | null },
  now: Date = new Date(),
): BulkDecisionResult {
  if (!findThreadById(db, threadId)) throw new NotFoundError(`no thread with id ${threadId}`);
  // A comment another moderator decides between this read and the write is skipped by decideComments.
  return decideComments(db, listPendingIdsByAuthorInThread(db, author, threadId), { ...input, action: "remove" }, now);
}

/** A comment's decision log, oldest first. */
export function listCommentDecisions(db: Db, commentId: string): DecisionRow[] {
  if (!findCommentById(db, commentId)) throw new NotFoundError(`no comment with id ${commentId}`);
  return listDecisions(db, commentId);
}
