import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AppShell } from "../../components/app-shell";
import { Link, paths } from "../../components/router";
import { apiUrl, type ApiFlag, type ApiThreadDetail } from "../../api";
import { useSessionUser } from "../auth/use-session";
import { CommentBody } from "../queue/comment-body";
import { useDecisionActions } from "../queue/decision-actions";
import { FlagChips } from "../queue/flag-chips";
import { STATUS_LABELS, formatPostedAt } from "../queue/format";
import { AddExceptionDialog } from "../rules/add-exception-dialog";
import { buildCommentTree, type TreeNode } from "./comment-tree";
import { threadQueryOptions } from "./queries";

type ThreadComment = ApiThreadDetail["comments"][number];

/** A thread as readers met it: the article, then the comments as a tree, each decidable in place. */
export function ThreadPage({ threadId }: { threadId: string }) {
  const thread = useQuery(threadQueryOptions(threadId));
  return (
    <AppShell>
      <main className="thread-page">
        <p className="back-link">
          <Link href={paths.queue()}>← Back to the queue</Link>
        </p>
        {thread.isPending && <p className="list-note">Loading thread…</p>}
        {thread.isError && (
          <p className="list-note list-note--error" role="alert">
            Could not load this thread: {thread.error.message}
          </p>
        )}
        {thread.data && <ThreadContent thread={thread.data} />}
      </main>
    </AppShell>
  );
}

function ThreadContent({ thread }: { thread: ApiThreadDetail }) {
  const tree = buildCommentTree(thread.comments);
  const pending = thread.comments.filter((c) => c.status === "pending").length;
  // Admins add an exception from a flag chip, as in the queue.
  const isAdmin = useSessionUser()?.role === "admin";
  const [exceptionFor, setExceptionFor] = useState<ApiFlag[] | null>(null);
  const onAddException = isAdmin ? setExceptionFor : undefined;
  return (
    <>
      <section className="article" aria-labelledby="article-title">
        <h2 id="article-title" className="article-title">
          {thread.article.title || thread.title}
        </h2>
        {thread.source_note && <p className="article-source">{thread.source_note}</p>}
        {thread.article.body.split(/\n{2,}/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </section>
      <section aria-labelledby="comments-title">
        <div className="thread-comments-header">
          <h2 id="comments-title" className="section-title">
            {thread.comments.length} comments · {pending} pending
          </h2>
          <PlatformDownloads threadId={thread.id} format={thread.format} />
        </div>
        <CommentTreeList nodes={tree} depth={0} onAddException={onAddException} />
      </section>
      {exceptionFor && <AddExceptionDialog flags={exceptionFor} onClose={() => setExceptionFor(null)} />}
    </>
  );
}

type OnAddException = ((flags: ApiFlag[]) => void) | undefined;

function CommentTreeList({ nodes, depth, onAddException }: { nodes: TreeNode<ThreadComment>[]; depth: number; onAddException: OnAddException }) {
  return (
    <ol className={depth === 0 ? "comment-tree" : "comment-replies"}>
      {nodes.map((node) => (
        <li key={node.comment.id}>
          <ThreadCommentCard comment={node.comment} onAddException={onAddException} />
          {node.replies.length > 0 && <CommentTreeList nodes={node.replies} depth={depth + 1} onAddException={onAddException} />}
        </li>
      ))}
    </ol>
  );
}

function ThreadCommentCard({ comment, onAddException }: { comment: ThreadComment; onAddException: OnAddException }) {
  const { busy, actions } = useDecisionActions(comment, false);
  const postedAt = formatPostedAt(comment.posted_at);
  return (
    <article className={`comment-card comment-card--${comment.status}`} aria-label={`Comment by ${comment.author || "unknown author"}`} aria-busy={busy}>
      <header className="comment-meta">
        <span className="comment-author">{comment.author || "Unknown author"}</span>
        {postedAt && <time dateTime={comment.posted_at ?? undefined}>{postedAt}</time>}
        <span className={`status-badge status-badge--${comment.status}`}>{STATUS_LABELS[comment.status]}</span>
      </header>
      <FlagChips flags={comment.flags} onAddException={onAddException} />
      <CommentBody body={comment.body} flags={comment.flags} />
      {actions}
    </article>
  );
}

/** What the platform a thread came from can take back: its own file with Sift's decisions, and an actions CSV for any source. */
const WRITE_BACK: Record<string, { format: string; label: string }> = {
  wxr: { format: "wxr", label: "WordPress file with decisions" },
  "disqus-xml": { format: "disqus-xml", label: "Disqus file with decisions" },
};

function PlatformDownloads({ threadId, format }: { threadId: string; format: string }) {
  const writeBack = WRITE_BACK[format];
  return (
    <nav className="thread-downloads" aria-label="Send decisions back">
      {writeBack && (
        <a className="button button--quiet" href={apiUrl("exports/platform", { format: writeBack.format, thread: threadId })} download>
          {writeBack.label}
        </a>
      )}
      <a className="button button--quiet" href={apiUrl("exports/platform", { format: "actions", thread: threadId })} download>
        Actions CSV
      </a>
    </nav>
  );
}
