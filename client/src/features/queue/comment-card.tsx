import type { MouseEvent, Ref } from "react";
import type { ApiComment, ApiFlag } from "../../api";
import { Link, paths } from "../../components/router";
import { CommentBody } from "./comment-body";
import { CommentParent } from "./comment-parent";
import { useCanDecide } from "../auth/use-session";
import { useDecisionActions } from "./decision-actions";
import { FlagChips } from "./flag-chips";
import { STATUS_LABELS, formatPostedAt } from "./format";

interface CommentCardProps {
  comment: ApiComment;
  /** The card keyboard shortcuts (a, r, u, x) act on. */
  isSelected: boolean;
  onSelect: () => void;
  /** Ticked for a bulk action. */
  isChecked: boolean;
  /** Shift-click ticks the range from the last ticked card. */
  onToggleCheck: (withRange: boolean) => void;
  onOpenAuthor: (author: string, threadId: string) => void;
  /** Admins: a flag chip offers an exception for its evidence. */
  onAddException?: (flags: ApiFlag[]) => void;
  ref?: Ref<HTMLElement>;
}

/** One comment in the queue: who, where, what was flagged, the comment it answers, and the decision buttons. */
export function CommentCard({ comment, isSelected, onSelect, isChecked, onToggleCheck, onOpenAuthor, onAddException, ref }: CommentCardProps) {
  const { busy, actions } = useDecisionActions(comment, isSelected);
  // Bulk selection only leads to bulk decisions, which viewers cannot make.
  const canSelect = useCanDecide();
  const { status } = comment;
  const postedAt = formatPostedAt(comment.posted_at);
  const author = comment.author || "Unknown author";

  return (
    <article
      ref={ref}
      className={`comment-card comment-card--${status}${isSelected ? " is-selected" : ""}${isChecked ? " is-checked" : ""}`}
      aria-label={`Comment by ${comment.author || "unknown author"}`}
      aria-current={isSelected ? "true" : undefined}
      aria-busy={busy}
      tabIndex={-1}
      onClick={onSelect}
      onFocus={onSelect}
    >
      <header className="comment-meta">
        {canSelect && (
          <input
            type="checkbox"
            className="comment-check"
            aria-label={`Select comment by ${author}`}
            checked={isChecked}
            // onClick, not onChange: only the click event says whether Shift was held.
            onClick={(event: MouseEvent<HTMLInputElement>) => onToggleCheck(event.shiftKey)}
            onChange={() => {}}
          />
        )}
        <button
          type="button"
          className="comment-author link-button"
          title={`Show ${author}'s other comments`}
          onClick={() => onOpenAuthor(comment.author, comment.thread_id)}
        >
          {author}
        </button>
        {postedAt && <time dateTime={comment.posted_at ?? undefined}>{postedAt}</time>}
        <span className="comment-thread">
          in{" "}
          <Link href={paths.thread(comment.thread_id)} title={comment.thread_title}>
            {comment.thread_title}
          </Link>
        </span>
        <span className={`status-badge status-badge--${status}`}>{STATUS_LABELS[status]}</span>
      </header>
      {comment.parent && <CommentParent parent={comment.parent} />}
      <FlagChips flags={comment.flags} onAddException={onAddException} />
      <CommentBody body={comment.body} flags={comment.flags} />
      {actions}
    </article>
  );
}
