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
  /** The comment this one replies to (queue answers only); null for top-level comments. */
  parent?: ApiCommentPreview | null;
}

/** Enough of a comment to show it as context. */
export interface ApiCommentPreview {
  id: string;
  author: string;
  body: string;
  status: CommentStatus;
  posted_at: string | null;
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

/** A stored thread with its article and every comment in page order (GET /api/threads/:id). */
export interface ApiThreadDetail {
  id: string;
  title: string;
  url: string | null;
  format: string;
  source_note: string | null;
  article: { title: string; body: string };
  declared_comment_count: number | null;
  comments: (Omit<ApiComment, "thread_id" | "thread_title" | "parent"> & { can_undo: boolean })[];
}

/** Choices for the queue's rule and author filters (GET /api/facets). */
export interface ApiFacets {
  rules: { rule: string; category: Category; count: number }[];
  authors: { author: string; count: number }[];
}

/** What POST /api/comments/bulk-decision and /api/authors/remove-pending did. */
export interface BulkDecisionResult {
  decided: { id: string; status: CommentStatus; version: number }[];
  skipped: { id: string; reason: "already_decided" | "not_found" }[];
}

/** An author's comments across threads (GET /api/authors/comments). */
export interface ApiAuthorActivity {
  author: string;
  counts: Record<CommentStatus, number>;
  comments: { id: string; thread_id: string; thread_title: string; posted_at: string | null; body: string; status: CommentStatus; flags: ApiFlag[]; version: number }[];
}

/** One entry of the decision log (GET /api/decisions). */
export interface ApiDecisionLogEntry {
  id: number;
  comment_id: string;
  action: DecisionAction;
  from_status: CommentStatus;
  to_status: CommentStatus;
  reason: string | null;
  moderator: string | null;
  decided_at: string;
  author: string;
  thread_id: string;
  thread_title: string;
  excerpt: string;
}
