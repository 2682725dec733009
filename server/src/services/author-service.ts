import type { CommentStatus } from "@sift/shared";
import type { Db } from "../db/connection";
import { listCommentsByAuthor, type AuthorCommentRow } from "../db/comment-repo";
import { listFlagsForComments } from "../db/flag-repo";
import { groupFlags, type ExportFlag } from "./present";

/** An author's history as the author panel shows it. */
export interface AuthorActivity {
  author: string;
  /** Of the comments listed. */
  counts: Record<CommentStatus, number>;
  comments: (Omit<AuthorCommentRow, "severity"> & { flags: ExportFlag[] })[];
}

/** An author's comments across threads, newest first, with statuses and flags. */
export function getAuthorActivity(db: Db, author: string, limit: number): AuthorActivity {
  const rows = listCommentsByAuthor(db, author, limit);
  const flags = groupFlags(listFlagsForComments(db, rows.map((r) => r.id)));
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, removed: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    author,
    counts,
    comments: rows.map(({ severity: _severity, ...r }) => ({ ...r, flags: flags.get(r.id) ?? [] })),
  };
}
