import { useQuery } from "@tanstack/react-query";
import { threadsQueryOptions } from "../queue/queries";
import type { ReportScope } from "./queries";

/** Picks the report's threads (none ticked = all) and an inclusive window of days. */
export function ReportScopeForm({ scope, onChange }: { scope: ReportScope; onChange: (scope: ReportScope) => void }) {
  const threads = useQuery(threadsQueryOptions()).data ?? [];
  const chosen = new Set(scope.threads);
  const toggle = (id: string, on: boolean) => onChange({ ...scope, threads: threads.map((t) => t.id).filter((t) => (t === id ? on : chosen.has(t))) });
  const summary = chosen.size === 0 ? "All threads" : chosen.size === 1 ? threads.find((t) => chosen.has(t.id))?.title ?? "1 thread" : `${chosen.size} threads`;
  const windowError = scope.since && scope.until && scope.since > scope.until ? "The start date is after the end date." : null;
  return (
    <form className="report-scope" aria-label="Report scope" onSubmit={(event) => event.preventDefault()}>
      <details className="report-threads">
        <summary>
          <span className="field-label">Threads</span> <span className="report-threads-chosen">{summary}</span>
        </summary>
        <fieldset>
          <legend className="visually-hidden">Threads in the report</legend>
          {threads.map((t) => (
            <label key={t.id} className="report-thread-option">
              <input type="checkbox" checked={chosen.has(t.id)} onChange={(event) => toggle(t.id, event.target.checked)} />
              <span>{t.title}</span> <span className="report-thread-count">{t.comment_count}</span>
            </label>
          ))}
        </fieldset>
      </details>
      <label className="field">
        <span className="field-label">From</span>
        <input type="date" value={scope.since} max={scope.until || undefined} onChange={(event) => onChange({ ...scope, since: event.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <input type="date" value={scope.until} min={scope.since || undefined} onChange={(event) => onChange({ ...scope, until: event.target.value })} />
      </label>
      {(scope.threads.length > 0 || scope.since || scope.until) && (
        <button type="button" className="button button--quiet" onClick={() => onChange({ threads: [], since: "", until: "" })}>
          Clear
        </button>
      )}
      {windowError && (
        <p className="report-scope-error" role="alert">
          {windowError}
        </p>
      )}
    </form>
  );
}
