/**
 * How an imported comment becomes a `comments` row, and the hash that lets a re-import skip it
 * when nothing changed. No database here, so the rules worker threads can compute hashes too,
 * off the store's write lock.
 */
import { hash } from "node:crypto";
import type { CommentImport, Flag, ThreadImport } from "@sift/shared";
import { RULE_PACK_VERSION } from "@sift/shared/rules";
import type { CommentWrite } from "../db/comment-repo";
import { commentIdFor, threadIdFromKey, threadKey } from "./ids";
import { severityOf } from "./present";
import { statusUnderRules } from "./rule-service-actions";

/**
 * The row for the comment at 1-based `position`, given the external ids seen before it on the page.
 * A reply whose parent is not on the page (deleted upstream) is shown as top-level rather than dangling.
 */
export function toCommentWrite(
  threadId: string,
  comment: CommentImport,
  flags: readonly Flag[],
  position: number,
  seenBefore: ReadonlySet<string>,
): CommentWrite {
  const parentKnown = comment.parent_external_id !== null && seenBefore.has(comment.parent_external_id);
  return {
    id: commentIdFor(threadId, comment.external_id),
    thread_id: threadId,
    external_id: comment.external_id,
    position,
    parent_id: parentKnown ? commentIdFor(threadId, comment.parent_external_id!) : null,
    author: comment.author,
    posted_at: comment.posted_at,
    body: comment.body,
    status: statusUnderRules(comment.initial_status, flags),
    severity: severityOf(flags),
  };
}

/** What identifies an unchanged comment: every field an import writes, and its flags under this rule pack. */
export function importHashOf(row: CommentWrite, flags: readonly Flag[]): string {
  const fields = [row.position, row.parent_id, row.author, row.posted_at, row.body, row.status, row.severity, RULE_PACK_VERSION, flags];
  // crypto.hash: one call, ~5x cheaper than createHash for short inputs; not a security use.
  return hash("sha1", JSON.stringify(fields), "base64");
}

/** The import hash of every comment of a thread, in page order, as storeThread would compute them. */
export function importHashesOf(thread: ThreadImport, flags: readonly (readonly Flag[])[]): string[] {
  const threadId = threadIdFromKey(threadKey(thread));
  const seen = new Set<string>();
  return thread.comments.map((comment, i) => {
    const commentFlags = flags[i] ?? [];
    const row = toCommentWrite(threadId, comment, commentFlags, i + 1, seen);
    seen.add(comment.external_id);
    return importHashOf(row, commentFlags);
  });
}
