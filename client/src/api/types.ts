import type { Category, CommentStatus, Flag } from "@sift/shared";

// Shapes of the HTTP API's answers. Stored-comment fields come from the shared
// schemas; only the fields the API adds (thread_title, version…) are written here.

export type { Category, CommentStatus };

/** A flag as the API returns it; offsets are null when the flag is about the whole comment. */
export type ApiFlag = Flag;

/** The lists the queue can show; "review" = pending comments with flags, most severe first. */
export type QueueView = "review" | "pending" | "approved" | "removed" | "all";

export interface ApiComment {
  id: string;
  thread_id: string;
  thread_title: string;
  position: number;
  parent_id: string | null;
  author: string;
  posted_at: string | null;
  body: string;
  status: CommentStatus;
  flags: ApiFlag[];
  /** When the current status was decided; null while pending. */
  decided_at?: string | null;
  /** True when an `undo` would revert a moderator's decision (false for a status the source gave). */
  can_undo?: boolean;
  /** Bumped on every change; sent back with a decision so the server can refuse a stale one. */
  version: number;
}

export interface CommentsPage {
  comments: ApiComment[];
  next_cursor: string | null;
}

export interface ApiThread {
  id: string;
  title: string;
  url: string | null;
  format: string;
  source_note: string | null;
  declared_comment_count: number | null;
  comment_count: number;
  flagged_count: number;
  pending_count: number;
}

export type ViewCounts = Partial<Record<QueueView, number>>;

export type DecisionAction = "approve" | "remove" | "undo";
