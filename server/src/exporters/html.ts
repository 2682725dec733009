import {
  CATEGORY_LABELS,
  describeRemovalReason,
  formatMinutes,
  formatReportTime,
  formatPrecision,
  reportReasonLabel,
  STATUS_SERIES,
  TIMELINE_SERIES,
  timelineLabels,
  type ExportComment,
  type ExportThread,
  type ReportDocument,
  type ReportSummary,
} from "@sift/shared";
import { escapeHtml } from "./escape";
import { renderBarChart, renderColumnChart } from "./svg-charts";
import { REPORT_STYLE } from "./html-style";
import { documentSource, joinChunks, type ReportSource, type SourceThread } from "./report-source";

export { escapeHtml };

/** Past this many comments the report lists only the flagged and removed ones (the CSV has them all). */
export const FULL_LISTING_LIMIT = 1000;

const e = escapeHtml;
/** User text inside a line of other text: <bdi> stops a right-to-left override in it from reordering what follows. */
const bdi = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;
const pct = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–");

/**
 * Only web addresses become links: escaping keeps markup out but not a `javascript:` or `data:`
 * URL that an imported file put in its url column, so anything else is shown as text.
 */
function renderUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${e(url)}" rel="noopener noreferrer">${e(url)}</a>` : e(url);
}

function table(headers: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return `<p class="empty">None in this report.</p>`;
  const th = headers.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ""}>${e(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${numeric.has(i) ? ' class="num"' : ""}>${cell}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function renderScope(s: ReportSummary, generatedAt: string): string {
  const threads = s.scope.threads.length === 1 ? `Thread: ${bdi(s.scope.threads[0]!.title)}` : `${s.scope.threads.length} threads`;
  const period = s.scope.since || s.scope.until ? `Comments from ${e(s.scope.since ?? "the first")} to ${e(s.scope.until ?? "the latest")}` : "All comments";
  return `<p class="scope">${threads} · ${period} · Generated ${e(generatedAt)}</p>`;
}

function renderFigures(s: ReportSummary): string {
  const t = s.totals;
  const figure = (label: string, value: string, note = "") => `<div class="figure"><span class="value">${value}</span><span class="label">${e(label)}</span>${note ? `<span class="note">${e(note)}</span>` : ""}</div>`;
  return `<div class="figures">
${figure("Comments", String(t.comments), `${t.threads} thread${t.threads === 1 ? "" : "s"}`)}
${figure("Flagged", String(t.flagged), `${pct(t.flagged, t.comments)} of comments`)}
${figure("Removed", String(t.removed), `${pct(t.removed, t.comments)} of comments`)}
${figure("Approved", String(t.approved))}
${figure("Pending", String(t.pending), "awaiting a decision")}
${figure("Median time to decision", e(formatMinutes(s.median_minutes_to_decision)), `${t.decisions} decisions`)}
</div>`;
}

function renderCategories(s: ReportSummary): string {
  const rows = s.by_category.map((c) => ({ label: CATEGORY_LABELS[c.category], values: [c.removed, c.approved, c.pending] }));
  return `<section><h2>Flags by category</h2>
<p>Comments carrying each kind of flag, by what happened to them.</p>
${renderBarChart("Flagged comments by category and status", rows, STATUS_SERIES)}
</section>`;
}

function renderTimeline(s: ReportSummary): string {
  const { bucket, rows } = s.timeline;
  if (rows.length === 0) return "";
  const labels = timelineLabels(rows.map((r) => r.start), bucket);
  const groups = rows.map((r, i) => ({ label: labels[i]!, values: [r.comments, r.approved, r.removed] }));
  const detail = table(
    [bucket === "day" ? "Day" : bucket === "week" ? "Week of" : "Month", "Comments", "Flagged", "Approved", "Removed"],
    rows.map((r) => [e(r.start), String(r.comments), String(r.flagged), String(r.approved), String(r.removed)]),
    new Set([1, 2, 3, 4]),
  );
  return `<section><h2>Comments and decisions over time</h2>
<p>Per ${bucket}: comments by when they were posted, approvals and removals by when they were decided.</p>
${renderColumnChart(`Comments and decisions per ${bucket}`, groups, TIMELINE_SERIES)}
<details><summary>Figures per ${bucket}</summary>${detail}</details>
</section>`;
}

function renderRules(s: ReportSummary): string {
  const rows = s.rules.map((r) => [
    `<code>${e(r.rule)}</code>`,
    e(CATEGORY_LABELS[r.category]),
    String(r.hits),
    String(r.removed),
    String(r.approved),
    String(r.pending),
    r.precision === null ? "–" : `<span class="bar"><span style="width:${Math.round(r.precision * 100)}%"></span></span> ${formatPrecision(r.precision)}`,
  ]);
  return `<section><h2>How the rules did</h2>
<p>Per rule: comments it flagged, and how moderators decided them. Approved means the flag was overturned; precision is removed ÷ (removed + approved).</p>
${table(["Rule", "Category", "Hits", "Removed", "Approved (overturned)", "Pending", "Precision"], rows, new Set([2, 3, 4, 5]))}
</section>`;
}

function renderPeople(s: ReportSummary): string {
  const reasons = table(["Reason", "Removals"], s.removals_by_reason.map((r) => [e(reportReasonLabel(r.reason)), String(r.count)]), new Set([1]));
  const moderators = table(
    ["Moderator", "Approvals", "Removals", "Undos", "Median time to decision"],
    s.moderators.map((m) => [e(m.moderator), String(m.approvals), String(m.removals), String(m.undos), e(formatMinutes(m.median_minutes_to_decision))]),
    new Set([1, 2, 3, 4]),
  );
  const authors = table(
    ["Author", "Comments", "Flagged", "Removed"],
    s.top_authors.map((a) => [e(a.author), String(a.comments), String(a.flagged), String(a.removed)]),
    new Set([1, 2, 3]),
  );
  return `<div class="columns">
<section><h2>Removals by reason</h2>${reasons}</section>
<section><h2>Decisions by moderator</h2>${moderators}</section>
</div>
<section><h2>Most-flagged authors</h2>${authors}</section>`;
}

function renderFlags(c: ExportThread["comments"][number]): string {
  return c.flags.map((f) => `<span class="flag" title="${e(f.explanation ?? f.rule)}">${e(CATEGORY_LABELS[f.category])}: ${bdi(f.evidence)}</span>`).join("");
}

function renderRow(c: ExportComment): string {
  const d = c.decision;
  const decided = d && c.status !== "pending" ? `<br><small>${bdi(d.moderator ?? "")}${d.reason ? ` · ${bdi(describeRemovalReason(d.reason))}` : ""}</small>` : "";
  return `<tr class="${e(c.status)}"><td class="num">${c.position}</td><td>${e(c.author)}</td><td class="when">${e(formatReportTime(c.posted_at))}</td><td>${e(c.status)}${decided}</td><td>${renderFlags(c)}</td><td class="body">${e(c.body)}</td></tr>\n`;
}

/** One thread: its figures, then its comments (all, or the flagged and removed ones) as rows, written a batch at a time. */
function* threadChunks({ thread: t, counts: countsOf, comments }: SourceThread, everyComment: boolean): Generator<string> {
  const counts = countsOf();
  const listed = everyComment ? counts.comments : counts.notable;
  const omitted = counts.comments - listed;
  yield `<section class="thread">
<h3>${e(t.title)}</h3>
${t.url ? `<p>${renderUrl(t.url)}</p>` : ""}
<p>${counts.comments} comments, ${counts.flagged} flagged; ${counts.pending} pending, ${counts.approved} approved, ${counts.removed} removed.${omitted > 0 ? ` ${omitted} comments without flags that were not removed are not listed (the CSV export has every comment).` : ""}</p>
`;
  if (listed > 0) yield `<table class="comments"><thead><tr><th class="num">#</th><th>Author</th><th>Posted</th><th>Status</th><th>Flags</th><th>Comment</th></tr></thead><tbody>\n`;
  let batch = "";
  for (const c of comments) {
    if (!everyComment && c.flags.length === 0 && c.status !== "removed") continue;
    batch += renderRow(c);
    if (batch.length > 64_000) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}${listed > 0 ? "</tbody></table>\n" : ""}</section>\n`;
}

/**
 * A moderation report as one self-contained HTML file: inline CSS and SVG charts, no scripts and
 * no external requests, readable on screen and printed to PDF. Every user string is escaped.
 * Written a section and a batch of rows at a time, so a large report streams.
 */
export function* htmlChunks(source: ReportSource): Generator<string> {
  const s = source.summary();
  const everyComment = s.totals.comments <= FULL_LISTING_LIMIT;
  yield `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Moderation report</title>
<style>${REPORT_STYLE}</style></head>
<body>
<header><h1>Moderation report</h1>${renderScope(s, source.generated_at)}</header>
${renderFigures(s)}
${renderCategories(s)}
${renderTimeline(s)}
${renderRules(s)}
${renderPeople(s)}
<section><h2>Threads</h2>
`;
  for (const thread of source.threads) yield* threadChunks(thread, everyComment);
  yield `</section>
<footer>Made with Sift.</footer>
</body></html>
`;
}

/** The HTML report of a document in memory. */
export function renderHtml(doc: ReportDocument): string {
  return joinChunks(htmlChunks(documentSource(doc)));
}
