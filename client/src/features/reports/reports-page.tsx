import { useQuery } from "@tanstack/react-query";
import type { ReportSummary } from "@sift/shared";
import { CATEGORY_LABELS, formatMinutes, formatPrecision, reportReasonLabel, STATUS_SERIES, TIMELINE_SERIES, timelineLabels } from "@sift/shared/report";
import { useState } from "react";
import { AppShell } from "../../components/app-shell";
import { ReportDownloads } from "./report-downloads";
import { BarChart, ColumnChart } from "./report-charts";
import { ReportScopeForm } from "./report-scope-form";
import { reportSummaryQueryOptions, type ReportScope } from "./queries";
import "./reports.css";

/** How many rules the rule chart shows (the table and the downloads list them all). */
const CHART_RULES = 12;

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}% of comments` : "");

function Figures({ s }: { s: ReportSummary }) {
  const t = s.totals;
  const items = [
    ["Comments", String(t.comments), `${t.threads} thread${t.threads === 1 ? "" : "s"}`],
    ["Flagged", String(t.flagged), pct(t.flagged, t.comments)],
    ["Removed", String(t.removed), pct(t.removed, t.comments)],
    ["Approved", String(t.approved), ""],
    ["Pending", String(t.pending), "awaiting a decision"],
    ["Median time to decision", formatMinutes(s.median_minutes_to_decision), `${t.decisions} decisions`],
  ] as const;
  return (
    <dl className="report-figures">
      {items.map(([label, value, note]) => (
        <div key={label} className="report-figure">
          <dt>{label}</dt>
          <dd className="report-figure-value">{value}</dd>
          {note && <dd className="report-figure-note">{note}</dd>}
        </div>
      ))}
    </dl>
  );
}

function Table({ caption, headers, rows, numeric }: { caption: string; headers: readonly string[]; rows: readonly (readonly (string | number)[])[]; numeric: readonly number[] }) {
  if (rows.length === 0) return <p className="report-empty">None in this report.</p>;
  const num = new Set(numeric);
  return (
    <table className="report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {headers.map((h, i) => (
            <th key={h} scope="col" className={num.has(i) ? "num" : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i} className={num.has(i) ? "num" : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReportBody({ s }: { s: ReportSummary }) {
  const labels = timelineLabels(s.timeline.rows.map((r) => r.start), s.timeline.bucket);
  const timeline = s.timeline.rows.map((r, i) => ({ label: labels[i]!, values: [r.comments, r.approved, r.removed] }));
  return (
    <>
      <Figures s={s} />
      <div className="report-grid">
        <section className="report-card" aria-labelledby="report-categories">
          <h3 id="report-categories">Flags by category</h3>
          <BarChart
            title="Flagged comments by category and status"
            rows={s.by_category.map((c) => ({ label: CATEGORY_LABELS[c.category], values: [c.removed, c.approved, c.pending] }))}
            series={STATUS_SERIES}
          />
        </section>
        <section className="report-card" aria-labelledby="report-timeline">
          <h3 id="report-timeline">Comments and decisions per {s.timeline.bucket}</h3>
          {timeline.length ? <ColumnChart title={`Comments and decisions per ${s.timeline.bucket}`} groups={timeline} series={TIMELINE_SERIES} /> : <p className="report-empty">No dated comments.</p>}
        </section>
      </div>
      <section className="report-card" aria-labelledby="report-rules">
        <h3 id="report-rules">How the rules did</h3>
        <p className="report-note">Comments each rule flagged, by what moderators decided. Approved means the flag was overturned.</p>
        {s.rules.length > 0 && (
          <BarChart
            title="Rule hits by outcome"
            rows={s.rules.slice(0, CHART_RULES).map((r) => ({ label: r.rule, values: [r.removed, r.approved, r.pending] }))}
            series={STATUS_SERIES}
          />
        )}
        <Table
          caption="Rules"
          headers={["Rule", "Category", "Hits", "Removed", "Approved (overturned)", "Pending", "Precision"]}
          rows={s.rules.map((r) => [r.rule, CATEGORY_LABELS[r.category], r.hits, r.removed, r.approved, r.pending, formatPrecision(r.precision)])}
          numeric={[2, 3, 4, 5, 6]}
        />
      </section>
      <div className="report-grid">
        <section className="report-card" aria-labelledby="report-reasons">
          <h3 id="report-reasons">Removals by reason</h3>
          <Table caption="Removals by reason" headers={["Reason", "Removals"]} rows={s.removals_by_reason.map((r) => [reportReasonLabel(r.reason), r.count])} numeric={[1]} />
        </section>
        <section className="report-card" aria-labelledby="report-moderators">
          <h3 id="report-moderators">Decisions by moderator</h3>
          <Table
            caption="Decisions by moderator"
            headers={["Moderator", "Approvals", "Removals", "Undos", "Median time"]}
            rows={s.moderators.map((m) => [m.moderator, m.approvals, m.removals, m.undos, formatMinutes(m.median_minutes_to_decision)])}
            numeric={[1, 2, 3, 4]}
          />
        </section>
      </div>
      <section className="report-card" aria-labelledby="report-authors">
        <h3 id="report-authors">Most-flagged authors</h3>
        <Table caption="Most-flagged authors" headers={["Author", "Comments", "Flagged", "Removed"]} rows={s.top_authors.map((a) => [a.author, a.comments, a.flagged, a.removed])} numeric={[1, 2, 3]} />
      </section>
    </>
  );
}

/** Reports: the figures of a scope (threads, days) as charts and tables, and the same report to download. */
export function ReportsPage() {
  const [scope, setScope] = useState<ReportScope>({ threads: [], since: "", until: "" });
  const report = useQuery(reportSummaryQueryOptions(scope));
  return (
    <AppShell>
      <main className="reports-page">
        <div className="reports-header">
          <h2 className="section-title">Reports</h2>
          <ReportDownloads scope={scope} />
        </div>
        <ReportScopeForm scope={scope} onChange={setScope} />
        {report.isPending && <p className="list-note">Loading the report…</p>}
        {report.isError && (
          <p className="list-note list-note--error" role="alert">
            Could not load the report: {report.error.message}
          </p>
        )}
        {report.data && (
          <div className={report.isPlaceholderData ? "report-body report-body--stale" : "report-body"} aria-busy={report.isPlaceholderData}>
            <ReportBody s={report.data} />
          </div>
        )}
      </main>
    </AppShell>
  );
}
