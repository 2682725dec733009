import type { ExportThread } from "@sift/shared";
import type { Db } from "../db/connection";
import { listCommentsByThread } from "../db/comment-repo";
import { listUndoableIdsByThread } from "../db/decision-repo";
import { listFlagsByThread } from "../db/flag-repo";
import { findThreadById, listThreadSummaries, listThreads, type ThreadRow } from "../db/thread-repo";
import { NotFoundError } from "../errors";
import { groupFlags } from "./present";

/** A thread as the thread list shows it. */
export interface ThreadSummary {
  id: string;
  title: string;
  url: string | null;
  format: string;
  source_note: string | null;
  declared_comment_count: number | null;
  imported_at: string;
  updated_at: string;
  comment_count: number;
  flagged_count: number;
  pending_count: number;
}

/** A thread in export shape, with per-comment version and decision time for the dashboard. */
export type ThreadDetail = Omit<ExportThread, "comments"> & {
  imported_at: string;
  updated_at: string;
  comments: ThreadDetailComment[];
};
export type ThreadDetailComment = ExportThread["comments"][number] & { version: number; decided_at: string | null };

export function listThreadOverview(db: Db): ThreadSummary[] {
  return listThreadSummaries(db).map((t) => ({
    id: t.id,
    title: t.title,
    url: t.url,
    format: t.format,
    source_note: t.source_note,
    declared_comment_count: t.declared_comment_count,
    imported_at: t.imported_at,
    updated_at: t.updated_at,
    comment_count: t.comment_count,
    flagged_count: t.flagged_count,
    pending_count: t.pending_count,
  }));
}

/** A stored thread's fields in the export's shape, without its comments. */
export function presentThreadFields(t: ThreadRow): Omit<ExportThread, "comments"> {
  return {
    id: t.id,
    title: t.title,
    url: t.url,
    format: t.format,
    source_note: t.source_note,
    article: { title: t.article_title, body: t.article_body },
    declared_comment_count: t.declared_comment_count,
  };
}

/** Builds the export shape of one stored thread (comments in page order, flags in rule order). */
export function presentThread(db: Db, t: ThreadRow): ThreadDetail {
  const flags = groupFlags(listFlagsByThread(db, t.id));
  return {
    ...presentThreadFields(t),
    imported_at: t.imported_at,
    updated_at: t.updated_at,
    comments: listCommentsByThread(db, t.id).map((c) => ({
      id: c.id,
      position: c.position,
      parent_id: c.parent_id,
      author: c.author,
      posted_at: c.posted_at,
      body: c.body,
      status: c.status,
      flags: flags.get(c.id) ?? [],
      version: c.version,
      decided_at: c.decided_at,
    })),
  };
}

/** One thread in detail, each comment saying whether an undo would revert something; NotFoundError when unknown. */
export function getThreadDetail(db: Db, id: string): ThreadDetail & { comments: (ThreadDetailComment & { can_undo: boolean })[] } {
  const t = findThreadById(db, id);
  if (!t) throw new NotFoundError(`no thread with id ${id}`);
  const thread = presentThread(db, t);
  const undoable = new Set(listUndoableIdsByThread(db, id));
  return { ...thread, comments: thread.comments.map((c) => ({ ...c, can_undo: undoable.has(c.id) })) };
}

/** Stored threads in import order, or only the given one (NotFoundError when unknown). */
export function selectThreads(db: Db, threadId?: string): ThreadRow[] {
  if (threadId === undefined) return listThreads(db);
  const t = findThreadById(db, threadId);
  if (!t) throw new NotFoundError(`no thread with id ${threadId}`);
  return [t];
}
