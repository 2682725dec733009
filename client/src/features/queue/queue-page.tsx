import { useCallback, useState } from "react";
import type { ApiFlag, QueueView } from "../../api";
import { AppShell } from "../../components/app-shell";
import { useSessionUser } from "../auth/use-session";
import { AuthorPanel } from "../authors/author-panel";
import { AddExceptionDialog } from "../rules/add-exception-dialog";
import { CommentList } from "./comment-list";
import type { QueueFilters } from "./queries";
import { QueueFiltersBar } from "./queue-filters";
import { tabId, ViewTabs } from "./view-tabs";

const PANEL_ID = "queue-panel";

type Narrowing = Pick<QueueFilters, "thread" | "category" | "rule" | "author">;

/** The moderation queue: pick a view, narrow it down, decide comment by comment or in bulk. */
export function QueuePage() {
  const [view, setView] = useState<QueueView>("review");
  const [narrowing, setNarrowing] = useState<Narrowing>({ thread: "", category: "", rule: "", author: "" });
  const [q, setQ] = useState("");
  const [authorPanel, setAuthorPanel] = useState<{ author: string; threadId: string } | null>(null);
  const onSearch = useCallback((value: string) => setQ(value), []);
  const onOpenAuthor = useCallback((author: string, threadId: string) => setAuthorPanel({ author, threadId }), []);
  // Held here, not in the card: adding an exception rescans, and the card may leave the view.
  const [exceptionFor, setExceptionFor] = useState<ApiFlag[] | null>(null);
  const isAdmin = useSessionUser()?.role === "admin";

  return (
    <AppShell headerControls={<ViewTabs view={view} thread={narrowing.thread} onChange={setView} panelId={PANEL_ID} />}>
      <main className="queue">
        <QueueFiltersBar filters={narrowing} onChange={(patch) => setNarrowing((current) => ({ ...current, ...patch }))} onSearch={onSearch} />
        <section id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)}>
          <CommentList filters={{ view, q, ...narrowing }} onOpenAuthor={onOpenAuthor} onAddException={isAdmin ? setExceptionFor : undefined} />
        </section>
      </main>
      {exceptionFor && <AddExceptionDialog flags={exceptionFor} onClose={() => setExceptionFor(null)} />}
      {authorPanel && <AuthorPanel author={authorPanel.author} threadId={authorPanel.threadId} onClose={() => setAuthorPanel(null)} />}
    </AppShell>
  );
}
