import { useCallback, useState } from "react";
import type { QueueView } from "../../api";
import { SessionMenu } from "../auth/session-menu";
import { CommentList } from "./comment-list";
import { QueueFiltersBar } from "./queue-filters";
import { tabId, ViewTabs } from "./view-tabs";

const PANEL_ID = "queue-panel";

/** The moderation queue: pick a view, narrow it down, decide comment by comment. */
export function QueuePage() {
  const [view, setView] = useState<QueueView>("review");
  const [thread, setThread] = useState("");
  const [q, setQ] = useState("");
  const onSearch = useCallback((value: string) => setQ(value), []);

  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-inner">
          <h1 className="app-title">Sift</h1>
          <ViewTabs view={view} thread={thread} onChange={setView} panelId={PANEL_ID} />
          <SessionMenu />
        </div>
      </header>
      <main className="queue">
        <QueueFiltersBar thread={thread} onThreadChange={setThread} onSearch={onSearch} />
        <section id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)}>
          <CommentList filters={{ view, thread, q }} />
        </section>
      </main>
    </div>
  );
}
