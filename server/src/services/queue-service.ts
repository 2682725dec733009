import type { Category } from "@sift/shared";
import type { Db } from "../db/connection";
import { listCommentPreviews, type CommentPreviewRow } from "../db/comment-repo";
import { listFlagsForComments } from "../db/flag-repo";
import {
  countQueueViews,
  recountQueueViews,
  findQueueRowById,
  listQueue,
  listQueueFacets,
  listQueueIds,
  type QueueFacets,
  type QueueCounts,
  type QueueKey,
  type QueueRow,
  type QueueFilter,
  type QueueView,
} from "../db/queue-repo";
import { AppError, NotFoundError } from "../errors";
import { groupFlags, type ExportFlag } from "./present";

/** One comment as the moderation queue shows it. */
export interface QueueItem {
  id: string;
  thread_id: string;
  thread_title: string;
  position: number;
  parent_id: string | null;
  author: string;
  posted_at: string | null;
  body: string;
  status: QueueRow["status"];
  decided_at: string | null;
  /** True when an `undo` decision would revert something. */
  can_undo: boolean;
  flags: ExportFlag[];
  version: number;
  /** The comment this one replies to, for context; null for top-level comments. */
  parent: CommentPreviewRow | null;
}

export interface QueuePage {
  comments: QueueItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

export interface QueueQuery {
  view: QueueView;
  thread?: string;
  category?: Category;
  rule?: string;
  author?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

function encodeCursor(row: QueueRow): string {
  return Buffer.from(JSON.stringify([row.k0, row.k1, row.k2, row.k3])).toString("base64url");
}

function decodeCursor(cursor: string): QueueKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) && key.length === 4 && typeof key[0] === "number" && typeof key[1] === "string" &&
      typeof key[2] === "string" && typeof key[3] === "number"
    ) {
      return key as QueueKey;
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new AppError("invalid_cursor", "the cursor is not one this server gave out", 400);
}

function presentRows(db: Db, rows: QueueRow[]): QueueItem[] {
  const flags = groupFlags(listFlagsForComments(db, rows.map((r) => r.id)));
  const parentIds = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
  const parents = new Map(listCommentPreviews(db, parentIds).map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    thread_id: r.thread_id,
    thread_title: r.thread_title,
    position: r.position,
    parent_id: r.parent_id,
    author: r.author,
    posted_at: r.posted_at,
    body: r.body,
    status: r.status,
    decided_at: r.decided_at,
    can_undo: r.undo_depth > 0,
    flags: flags.get(r.id) ?? [],
    version: r.version,
    parent: r.parent_id ? (parents.get(r.parent_id) ?? null) : null,
  }));
}

/** The repository's filter for an API query (the API says `thread`, the repository `threadId`). */
export function toRepoFilter(query: Omit<QueueQuery, "limit" | "cursor">): Omit<QueueFilter, "limit" | "after"> {
  return { view: query.view, threadId: query.thread, category: query.category, rule: query.rule, author: query.author, q: query.q };
}

/** One page of a queue view. Fetches one row more than asked to know whether another page exists. */
export function listQueuePage(db: Db, query: QueueQuery): QueuePage {
  const rows = listQueue(db, {
    ...toRepoFilter(query),
    limit: query.limit + 1,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { comments: presentRows(db, page), next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** One comment in queue shape; NotFoundError when unknown. */
export function getQueueItem(db: Db, commentId: string): QueueItem {
  const row = findQueueRowById(db, commentId);
  if (!row) throw new NotFoundError(`no comment with id ${commentId}`);
  return presentRows(db, [row])[0]!;
}

/** Number of comments in each view (from the maintained view_counts, never a scan). */
export function countViews(db: Db, threadId?: string): QueueCounts {
  return countQueueViews(db, threadId);
}

/** True when the maintained view counts agree with a full recount of the comments (for `sift check`). */
export function areViewCountsConsistent(db: Db): boolean {
  const kept = countQueueViews(db);
  const truth = recountQueueViews(db);
  return (Object.keys(truth) as (keyof QueueCounts)[]).every((view) => kept[view] === truth[view]);
}

/** Most comments "select all matching" may pick at once; a bulk decision takes as many. */
export const MAX_BULK_SELECTION = 5000;

/** Ids of every comment matching a queue filter (up to MAX_BULK_SELECTION), and whether there were more. */
export function listMatchingIds(db: Db, query: Omit<QueueQuery, "limit" | "cursor">): { ids: string[]; truncated: boolean } {
  const ids = listQueueIds(db, {
    ...toRepoFilter(query),
    limit: MAX_BULK_SELECTION + 1,
  });
  return { ids: ids.slice(0, MAX_BULK_SELECTION), truncated: ids.length > MAX_BULK_SELECTION };
}

/** Choices for the rule and author filters. */
export function getQueueFacets(db: Db, threadId?: string): QueueFacets {
  return listQueueFacets(db, threadId, 500);
}
