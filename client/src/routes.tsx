import { usePathname } from "./components/router";
import { DecisionLogPage } from "./features/decision-log/decision-log-page";
import { ImportPage } from "./features/imports/import-page";
import { QueuePage } from "./features/queue/queue-page";
import { ThreadPage } from "./features/thread/thread-page";

/** Picks the page for the current path; unknown paths show the queue. */
export function AppRoutes() {
  const pathname = usePathname();
  const thread = /^\/threads\/([^/]+)$/.exec(pathname);
  if (thread) return <ThreadPage threadId={decodeURIComponent(thread[1]!)} />;
  if (pathname === "/log") return <DecisionLogPage />;
  if (pathname === "/import") return <ImportPage />;
  return <QueuePage />;
}
