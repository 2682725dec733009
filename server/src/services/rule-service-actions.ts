import { DEFAULT_REMOVAL_REASON, type CommentStatus, type Flag } from "@sift/shared";
import { findCommentById, setCommentStatus } from "../db/comment-repo";
import type { Db } from "../db/connection";
import { insertDecision, listDecisions } from "../db/decision-repo";

/** The moderator name the decision log shows for removals a site's `remove` rule made. */
export const RULES_MODERATOR = "sift-rules";

/** The strongest action a site rule asked for on these flags (remove > hold), or null for flag only. */
export function ruleActionOf(flags: readonly Flag[]): "hold" | "remove" | null {
  let action: "hold" | "remove" | null = null;
  for (const f of flags) {
    if (f.action === "remove") return "remove";
    if (f.action === "hold") action = "hold";
  }
  return action;
}

/**
 * The status an import or rescan gives a comment no moderator has decided on: a held (or
 * to-be-removed) comment never starts out approved, whatever its source said. The comment repo
 * keeps a decided comment's status anyway.
 */
export function statusUnderRules(status: CommentStatus, flags: readonly Flag[]): CommentStatus {
  return status === "approved" && ruleActionOf(flags) !== null ? "pending" : status;
}

/**
 * Applies a `remove` rule to a stored comment: removed, with a decision in the log by
 * `sift-rules` (reason: the removal reason for the rule's category, as the dashboard defaults it),
 * so a moderator sees it and can undo it. A comment with any decision in its log is left alone:
 * rules never override a person, nor re-remove a comment someone restored. Must run inside the import's or rescan's transaction.
 */
export function removeByRule(db: Db, commentId: string, flags: readonly Flag[], at: string): boolean {
  const rule = flags.find((f) => f.action === "remove");
  if (!rule) return false;
  const comment = findCommentById(db, commentId);
  if (!comment || comment.status === "removed" || listDecisions(db, commentId).length > 0) return false;
  insertDecision(db, {
    comment_id: commentId,
    action: "remove",
    from_status: comment.status,
    to_status: "removed",
    reason: DEFAULT_REMOVAL_REASON[rule.category],
    moderator: RULES_MODERATOR,
    decided_at: at,
  });
  setCommentStatus(db, commentId, "removed", at);
  return true;
}
