import type { CommentStatus, QueueView } from "../../api";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "25 Nov 2026, 10:00", or null when the source gave no usable time. */
export function formatPostedAt(postedAt: string | null): string | null {
  if (!postedAt) return null;
  const date = new Date(postedAt);
  return Number.isNaN(date.getTime()) ? null : dateTime.format(date);
}

export const STATUS_LABELS: Record<CommentStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  removed: "Removed",
};

/** The tabs, in the order a moderator works through them. */
export const VIEWS: readonly { view: QueueView; label: string; empty: string }[] = [
  { view: "review", label: "Needs review", empty: "Nothing needs review. Flagged comments will appear here." },
  { view: "pending", label: "All pending", empty: "No comments are waiting for a decision." },
  { view: "approved", label: "Approved", empty: "No approved comments yet." },
  { view: "removed", label: "Removed", empty: "No removed comments yet." },
  { view: "all", label: "All", empty: "No comments yet. Import a thread to start." },
];
