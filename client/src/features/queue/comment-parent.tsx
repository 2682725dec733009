import { useState } from "react";
import type { ApiCommentPreview } from "../../api";
import { STATUS_LABELS } from "./format";

/**
 * The comment a reply answers, collapsed until opened: context without the noise. Its text is
 * only rendered when open, so searching a card's text never finds the parent's words.
 */
export function CommentParent({ parent }: { parent: ApiCommentPreview }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="comment-parent" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>In reply to {parent.author || "Unknown author"}</summary>
      {open && (
        <div className="comment-parent-body">
          {parent.body}
          <span className="comment-parent-status"> · {STATUS_LABELS[parent.status].toLowerCase()}</span>
        </div>
      )}
    </details>
  );
}
