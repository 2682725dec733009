import { lazy, Suspense } from "react";
import { AppShell } from "./components/app-shell";
import { usePathname } from "./components/router";
import { DecisionLogPage } from "./features/decision-log/decision-log-page";
import { ImportPage } from "./features/imports/import-page";
import { QueuePage } from "./features/queue/queue-page";
import { ThreadPage } from "./features/thread/thread-page";

// Loaded on first visit: the rules form validates with the shared zod schema, which the other pages do not need.
const RulesPage = lazy(() => import("./features/rules/rules-page").then((m) => ({ default: m.RulesPage })));
// Loaded on first visit: charts and report tables are not needed to triage.
const ReportsPage = lazy(() => import("./features/reports/reports-page").then((m) => ({ default: m.ReportsPage })));

function Loading({ what }: { what: string }) {
  return (
    <AppShell>
      <p className="list-note">Loading {what}…</p>
    </AppShell>
  );
}

/** Picks the page for the current path; unknown paths show the queue. */
export function AppRoutes() {
  const pathname = usePathname();
  const thread = /^\/threads\/([^/]+)$/.exec(pathname);
  if (thread) return <ThreadPage threadId={decodeURIComponent(thread[1]!)} />;
  if (pathname === "/log") return <DecisionLogPage />;
  if (pathname === "/import") return <ImportPage />;
  if (pathname === "/rules") {
    return (
      <Suspense fallback={<Loading what="rules" />}>
        <RulesPage />
      </Suspense>
    );
  }
  if (pathname === "/reports") {
    return (
      <Suspense fallback={<Loading what="reports" />}>
        <ReportsPage />
      </Suspense>
    );
  }
  return <QueuePage />;
}
