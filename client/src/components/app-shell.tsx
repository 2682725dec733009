import type { ReactNode } from "react";
import { SessionMenu } from "../features/auth/session-menu";
import { useLiveUpdates } from "../features/queue/live-updates";
import { Link, paths, usePathname } from "./router";
import "./dashboard.css";

/** The header every page shares: the name, the main navigation, page-specific controls and who is signed in. */
export function AppShell({ children, headerControls }: { children: ReactNode; headerControls?: ReactNode }) {
  const pathname = usePathname();
  // Every signed-in page follows other moderators' decisions (queue cards, counts, thread, log).
  useLiveUpdates(true);
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header-inner">
          <h1 className="app-title">Sift</h1>
          <nav className="app-nav" aria-label="Main">
            <Link href={paths.queue()} aria-current={pathname === paths.queue() ? "page" : undefined}>
              Queue
            </Link>
            <Link href={paths.decisionLog()} aria-current={pathname === paths.decisionLog() ? "page" : undefined}>
              Decision log
            </Link>
            <Link href={paths.imports()} aria-current={pathname === paths.imports() ? "page" : undefined}>
              Import
            </Link>
            <Link href={paths.rules()} aria-current={pathname === paths.rules() ? "page" : undefined}>
              Rules
            </Link>
            <Link href={paths.reports()} aria-current={pathname === paths.reports() ? "page" : undefined}>
              Reports
            </Link>
          </nav>
          <span className="app-header-spacer" />
          <SessionMenu />
        </div>
        {/* Page controls (the queue's view tabs) get a row of their own, so nothing is squeezed at 1280 px. */}
        {headerControls && <div className="app-header-inner app-header-controls">{headerControls}</div>}
      </header>
      {children}
    </div>
  );
}
