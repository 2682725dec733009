import type { Ref } from "react";
import type { ApiComment, DecisionAction } from "../../api";
import { useCanDecide } from "../auth/use-session";
import { CommentBody } from "./comment-body";
import { FlagChips } from "./flag-chips";
import { STATUS_LABELS, formatPostedAt } from "./format";
import { useDecideComment } from "./mutations";
import { findTopFlag } from "./severity";
import { useShortcuts } from "./use-shortcuts";

const FAILED_VERB: Record<DecisionAction, string> = { approve: "approve", remove: "remove", undo: "undo the decision on" };

interface CommentCardProps {
  comment: ApiComment;
  /** The card keyboard shortcuts (a, r, u) act on. */
  isSelected: boolean;
  onSelect: () => void;
  ref?: Ref<HTMLElement>;
}

/** One comment in the queue: who, where, what was flagged, and the decision buttons. */
export function CommentCard({ comment, isSelected, onSelect, ref }: CommentCardProps) {
  const decide = useDecideComment();
  // Viewers read only: no buttons and no shortcuts (the server refuses their decisions anyway).
  const canDecide = useCanDecide();
  const { status } = comment;
  const postedAt = formatPostedAt(comment.posted_at);
  // A status the source itself gave (e.g. imported as removed) has no decision to undo.
  const canUndo = comment.can_undo ?? status !== "pending";

  const act = (action: DecisionAction) => {
    if (decide.isPending || !canDecide) return;
    if (action === "approve" && status === "approved") return;
    if (action === "remove" && status === "removed") return;
    if (action === "undo" && !canUndo) return;
    // Removing needs no dialog: the reason defaults to the most severe flag, and Undo is one click away.
    const reason = action === "remove" ? findTopFlag(comment.flags)?.category : undefined;
    decide.mutate({ comment, action, ...(reason ? { reason } : {}) });
  };
  useShortcuts({ a: () => act("approve"), r: () => act("remove"), u: () => act("undo") }, isSelected);

  return (
    <article
      ref={ref}
      className={`comment-card comment-card--${status}${isSelected ? " is-selected" : ""}`}
      aria-label={`Comment by ${comment.author || "unknown author"}`}
      aria-current={isSelected ? "true" : undefined}
      aria-busy={decide.isPending}
      tabIndex={-1}
      onClick={onSelect}
      onFocus={onSelect}
    >
      <header className="comment-meta">
        <span className="comment-author">{comment.author || "Unknown author"}</span>
        {postedAt && <time dateTime={comment.posted_at ?? undefined}>{postedAt}</time>}
        <span className="comment-thread" title={comment.thread_title}>
          in {comment.thread_title}
        </span>
        <span className={`status-badge status-badge--${status}`}>{STATUS_LABELS[status]}</span>
      </header>
      <FlagChips flags={comment.flags} />
      <CommentBody body={comment.body} flags={comment.flags} />
      <footer className="comment-actions">
        {canDecide && status !== "approved" && (
          <button type="button" className="button button--approve" disabled={decide.isPending} onClick={() => act("approve")}>
            Approve
          </button>
        )}
        {canDecide && status !== "removed" && (
          <button type="button" className="button button--remove" disabled={decide.isPending} onClick={() => act("remove")}>
            Remove
          </button>
        )}
        {canDecide && canUndo && (
          <button type="button" className="button button--undo" disabled={decide.isPending} onClick={() => act("undo")}>
            Undo
          </button>
        )}
        {decide.isError && (
          <p className="comment-error" role="alert">
            Could not {FAILED_VERB[decide.variables.action]} this comment: {decide.error.message}
          </p>
        )}
      </footer>
    </article>
  );
}
