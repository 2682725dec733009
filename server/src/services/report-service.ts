import {
  CATEGORIES,
  REMOVAL_REASONS,
  reportBound,
  type Category,
  type ExportComment,
  type ReportDocument,
  type ExportThread,
  ReportScopeSchema,
  type ParsedReportScope,
  type ReportScope,
  type ReportSummary,
} from "@sift/shared";
import { openSnapshot, type Db } from "../db/connection";
import { listLatestDecisionsByThread } from "../db/decision-repo";
import {
  countScopedByCategory,
  countScopedByDay,
  countScopedByRule,
  countScopedComments,
  countScopedDecisions,
  listFirstDecisionDelays,
  listMostFlaggedAuthors,
  listScopedCommentIds,
  listScopedRemovalReasons,
  listScopedThreadIds,
  countScopedByThread,
  iterateReportComments,
  type ReportCommentRow,
  type ScopeParams,
} from "../db/report-repo";
import type { SourceThread, ThreadCounts } from "../exporters/report-source";
import { checkExportTable, renderChunks, type ExportFormat, type ExportTable } from "./export-service";
import { presentFlag } from "./present";
import { findThreadById, listThreads, type ThreadRow } from "../db/thread-repo";
import { NotFoundError } from "../errors";
import { bucketTimeline } from "./report-timeline";
import { presentThread, presentThreadFields } from "./thread-service";

/** How many authors the "most flagged" table lists. */
const TOP_AUTHORS = 10;

/**
 * Checks the scope's threads exist (naming the first unknown one), turns it into query parameters
 * and lists the threads it covers: the ones asked for; else every thread, or under a date window
 * the threads with comments in it.
 */
function resolveScope(db: Db, scope: ParsedReportScope): { params: ScopeParams; threads: ThreadRow[]; windowed: boolean } {
  const chosen = [...new Set(scope.threads)].map((id) => {
    const t = findThreadById(db, id);
    if (!t) throw new NotFoundError(`no thread with id ${id}`);
    return t;
  });
  const params: ScopeParams = {
    threads: chosen.length > 0 ? JSON.stringify(chosen.map((t) => t.id)) : null,
    since: scope.since ? reportBound(scope.since, "start") : null,
    until: scope.until ? reportBound(scope.until, "end") : null,
  };
  const windowed = params.since !== null || params.until !== null;
  if (chosen.length > 0) return { params, threads: chosen, windowed };
  if (!windowed) return { params, threads: listThreads(db), windowed };
  const inWindow = new Set(listScopedThreadIds(db, params));
  return { params, threads: listThreads(db).filter((t) => inWindow.has(t.id)), windowed };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** A removal's reason as the report groups it: a listed reason, `other` for free text, `not_given`, or `at_source`. */
function reasonKey(reason: string | null, byDecision: boolean): string {
  if (!byDecision) return "at_source";
  if (!reason) return "not_given";
  return (REMOVAL_REASONS as readonly string[]).includes(reason) ? reason : "other";
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Decision figures per moderator, busiest first; "(unknown)" for decisions recorded without a name. */
function moderatorRows(db: Db, params: ScopeParams): Pick<ReportSummary, "moderators" | "median_minutes_to_decision"> {
  const delays = listFirstDecisionDelays(db, params).map((d) => ({ moderator: d.moderator ?? "(unknown)", minutes: Math.max(0, d.minutes) }));
  const moderators = countScopedDecisions(db, params)
    .map((m) => {
      const name = m.moderator ?? "(unknown)";
      const own = delays.filter((d) => d.moderator === name).map((d) => d.minutes);
      return { moderator: name, approvals: m.approvals, removals: m.removals, undos: m.undos, median_minutes_to_decision: median(own) };
    })
    .sort((a, b) => b.approvals + b.removals - (a.approvals + a.removals) || a.moderator.localeCompare(b.moderator));
  return { moderators, median_minutes_to_decision: median(delays.map((d) => d.minutes)) };
}

/**
 * The figures of a moderation report over a scope, read in one transaction so every table agrees
 * with the others even while moderators keep deciding.
 */
export function buildReportSummary(db: Db, input: ReportScope = {}): ReportSummary {
  const scope = ReportScopeSchema.parse(input);
  return db.transaction(() => {
    const { params, threads } = resolveScope(db, scope);
    return summarise(db, params, threads, scope);
  })();
}

function summarise(db: Db, params: ScopeParams, scopeThreads: ThreadRow[], scope: ParsedReportScope): ReportSummary {
  const totals = countScopedComments(db, params);
  const threads = scopeThreads.map((t) => ({ id: t.id, title: t.title }));
  const moderators = moderatorRows(db, params);
  const categories = new Map(countScopedByCategory(db, params).map((r) => [r.key, r]));
  const reasons = countBy(listScopedRemovalReasons(db, params), (r) => reasonKey(r.reason, r.by_decision === 1));
  return {
    scope: { threads, since: scope.since ?? null, until: scope.until ?? null },
    totals: {
      threads: threads.length,
      ...totals,
      decisions: moderators.moderators.reduce((n, m) => n + m.approvals + m.removals, 0),
    },
    by_category: CATEGORIES.map((category) => {
      const r = categories.get(category);
      return { category, comments: r?.comments ?? 0, pending: r?.pending ?? 0, approved: r?.approved ?? 0, removed: r?.removed ?? 0 };
    }),
    removals_by_reason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    ...moderators,
    top_authors: listMostFlaggedAuthors(db, params, TOP_AUTHORS),
    timeline: bucketTimeline(countScopedByDay(db, params)),
    rules: countScopedByRule(db, params)
      .map((r) => ({
        rule: r.key,
        category: r.category as Category,
        hits: r.comments,
        pending: r.pending,
        approved: r.approved,
        removed: r.removed,
        precision: r.approved + r.removed > 0 ? Math.round((r.removed / (r.approved + r.removed)) * 1000) / 1000 : null,
      }))
      .sort((a, b) => b.hits - a.hits || a.rule.localeCompare(b.rule)),
  };
}

/** Adds each comment's newest decision, and keeps only the comments in scope when a date window narrows it. */
function toReportThread(db: Db, thread: ThreadRow, inScope: Set<string> | null): ExportThread {
  const { imported_at: _i, updated_at: _u, comments, ...rest } = presentThread(db, thread);
  const latest = new Map(listLatestDecisionsByThread(db, thread.id).map((d) => [d.comment_id, d]));
  return {
    ...rest,
    comments: comments
      .filter((c) => !inScope || inScope.has(c.id))
      .map(({ version: _v, decided_at: _d, ...c }) => {
        const d = latest.get(c.id);
        return { ...c, decision: d ? { action: d.action, moderator: d.moderator, reason: d.reason, decided_at: d.decided_at, rule_pack_version: d.rule_pack_version } : null };
      }),
  };
}

/**
 * The CONTRACT's export document over a scope, each comment with its newest decision, plus the
 * report's `summary` of the same comments. One read transaction: a concurrent import or decision
 * cannot make the figures disagree with the rows.
 */
export function buildReportDocument(db: Db, input: ReportScope = {}, now: Date = new Date()): ReportDocument {
  const scope = ReportScopeSchema.parse(input);
  return db.transaction(() => {
    const { params, threads, windowed } = resolveScope(db, scope);
    const inScope = windowed ? listScopedCommentIds(db, params) : null;
    return {
      generated_at: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
      threads: threads.map((t) => toReportThread(db, t, inScope)),
      summary: summarise(db, params, threads, scope),
    };
  })();
}

function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

const NO_COMMENTS: ThreadCounts = { comments: 0, flagged: 0, pending: 0, approved: 0, removed: 0, notable: 0 };

function toExportComment(row: ReportCommentRow): ExportComment {
  return {
    id: row.id,
    position: row.position,
    parent_id: row.parent_id,
    author: row.author,
    posted_at: row.posted_at,
    body: row.body,
    status: row.status,
    flags: row.flags.map(presentFlag),
    decision: row.d_action
      ? { action: row.d_action, moderator: row.d_moderator, reason: row.d_reason, decided_at: row.d_decided_at!, rule_pack_version: row.d_rule_pack_version }
      : null,
  };
}

/**
 * Threads in report order, each handing out its own run of the one comment stream: the rows come
 * ordered by thread, so a thread's comments are the rows up to the next thread's id.
 */
function* sourceThreads(threads: ThreadRow[], counts: () => Map<string, ThreadCounts>, rows: Iterator<ReportCommentRow>): Generator<SourceThread> {
  let next = rows.next(); // the statement starts here: nothing else may read on this connection until it ends
  for (const t of threads) {
    function* comments(): Generator<ExportComment> {
      while (!next.done && next.value.thread_id === t.id) {
        yield toExportComment(next.value);
        next = rows.next();
      }
    }
    yield { thread: presentThreadFields(t), counts: () => counts().get(t.id) ?? NO_COMMENTS, comments: comments() };
  }
}

/**
 * A report streamed straight from the database: the summary first, then each comment as it is
 * read, so memory stays flat whatever the archive's size. Reads a snapshot on its own connection,
 * so the figures and the rows agree and the shared connection stays free while the stream is
 * written. Scope errors (an unknown thread) are thrown here, before anything is written; iterate
 * the result to the end (or return it) to close the snapshot.
 */
export function openReportStream(db: Db, input: ReportScope, format: ExportFormat, table: ExportTable = "comments", now: Date = new Date()): Iterable<string> {
  checkExportTable(format, table);
  const scope = ReportScopeSchema.parse(input);
  const snapshot = openSnapshot(db);
  try {
    const { params, threads } = resolveScope(snapshot.db, scope);
    // Computed when a renderer first asks (HTML at the top, JSON at the end, CSV never), always before or after the row stream, never during it.
    const summary = once(() => summarise(snapshot.db, params, threads, scope));
    const counts = once(() => countScopedByThread(snapshot.db, params));
    return (function* () {
      let rows: Iterator<ReportCommentRow> | undefined;
      try {
        // An open row statement keeps the connection busy, so whatever HTML shows above the rows is read first.
        if (format === "html" || table === "rules") summary();
        if (format === "html") counts();
        rows = table === "rules" ? [][Symbol.iterator]() : iterateReportComments(snapshot.db, threads.map((t) => t.id), params);
        const source = { generated_at: now.toISOString().replace(/\.\d{3}Z$/, "Z"), summary, threads: sourceThreads(threads, counts, rows) };
        yield* renderChunks(source, format, table);
      } finally {
        // A reader that stops early leaves the statement open; it must end before the connection can.
        rows?.return?.();
        snapshot.close();
      }
    })();
  } catch (err) {
    snapshot.close();
    throw err;
  }
}
