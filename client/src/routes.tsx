import { lazy, Suspense } from "react";
import { AppShell } from "./components/app-shell";
import { usePathname } from "./components/router";
import { DecisionLogPage } from "./features/decision-log/decision-log-page";
import { ImportPage } from "./features/imports/import-page";
import { QueuePage } from "./features/queue/queue-page";
import { ThreadPage } from "./features/thread/thread-page";

// Loaded on first visit: the rules form validates with the shared zod schema, which the other pages do not need.
const RulesPage = lazy(() => import("./features/rules/rules-page").then((m) => ({ default: m.RulesPage })));

/** Picks the page for the current path; unknown paths show the queue. */
export function AppRoutes() {
  const pathname = usePathname();
  const thread = /^\/threads\/([^/]+)$/.exec(pathname);
  if (thread) return <ThreadPage threadId={decodeURIComponent(thread[1]!)} />;
  if (pathname === "/log") return <DecisionLogPage />;
  if (pathname === "/import") return <ImportPage />;
  if (pathname === "/rules") {
    return (
      <Suspense
        fallback={
          <AppShell>
            <p className="list-note">Loading rules…</p>
          </AppShell>
        }
      >
        <RulesPage />
      </Suspense>
    );
  }
  return <QueuePage />;
}
