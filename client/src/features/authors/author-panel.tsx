import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { RemoveDialog } from "../../components/remove-dialog";
import { defaultRemovalReason } from "../../components/removal-reasons";
import { Link, paths } from "../../components/router";
import { useCanDecide } from "../auth/use-session";
import { FlagChips } from "../queue/flag-chips";
import { STATUS_LABELS, formatPostedAt } from "../queue/format";
import { useRemovePendingByAuthor } from "./mutations";
import { authorActivityQueryOptions } from "./queries";

interface AuthorPanelProps {
  author: string;
  /** The thread the panel was opened from: "remove all pending" acts there only. */
  threadId: string;
  onClose: () => void;
}

/** An author's other comments across threads, and removing all their pending comments in this thread. */
export function AuthorPanel({ author, threadId, onClose }: AuthorPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const activity = useQuery(authorActivityQueryOptions(author));
  const removeAll = useRemovePendingByAuthor();
  const canDecide = useCanDecide();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);

  const comments = activity.data?.comments ?? [];
  const pendingHere = comments.filter((c) => c.thread_id === threadId && c.status === "pending");
  const name = author || "Unknown author";

  return createPortal(
    <dialog ref={dialog} className="modal modal--panel" aria-labelledby="author-panel-title" onClose={onClose}>
      <header className="panel-header">
        <h2 id="author-panel-title" className="modal-title">
          Comments by {name}
        </h2>
        <form method="dialog">
          <button type="submit" className="button button--quiet">
            Close
          </button>
        </form>
      </header>
      {activity.isPending && <p className="list-note">Loading…</p>}
      {activity.isError && <p role="alert">Could not load this author's comments: {activity.error.message}</p>}
      {activity.data && (
        <>
          <p className="panel-summary">
            {activity.data.counts.pending} pending · {activity.data.counts.approved} approved · {activity.data.counts.removed} removed
          </p>
          {canDecide && (
            <div className="panel-actions">
              <button type="button" className="button button--remove" disabled={pendingHere.length === 0 || removeAll.isPending} onClick={() => setAsking(true)}>
                Remove all {pendingHere.length} pending in this thread
              </button>
              {removeAll.isSuccess && <span role="status">Removed {removeAll.data.decided.length}.</span>}
              {removeAll.isError && <span role="alert">Could not remove: {removeAll.error.message}</span>}
            </div>
          )}
          <ul className="author-comments" aria-label={`Comments by ${name}`}>
            {comments.map((c) => (
              <li key={c.id} className={`author-comment comment-card--${c.status}`}>
                <div className="comment-meta">
                  <Link href={paths.thread(c.thread_id)} onClick={onClose}>
                    {c.thread_title}
                  </Link>
                  {formatPostedAt(c.posted_at) && <time dateTime={c.posted_at ?? undefined}>{formatPostedAt(c.posted_at)}</time>}
                  <span className={`status-badge status-badge--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                </div>
                <FlagChips flags={c.flags} />
                <p className="author-comment-body">{c.body}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {asking && (
        <RemoveDialog
          title={`Remove ${pendingHere.length} pending ${pendingHere.length === 1 ? "comment" : "comments"} by ${name} in this thread`}
          defaultReason={defaultRemovalReason(pendingHere.flatMap((c) => c.flags))}
          onClose={() => setAsking(false)}
          onConfirm={(reason) => {
            setAsking(false);
            removeAll.mutate({ author, thread: threadId, reason });
          }}
        />
      )}
    </dialog>,
    document.body,
  );
}
