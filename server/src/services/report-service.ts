import {
  CATEGORIES,
  REMOVAL_REASONS,
  reportBound,
  type Category,
  type ReportDocument,
  type ExportThread,
  ReportScopeSchema,
  type ParsedReportScope,
  type ReportScope,
  type ReportSummary,
} from "@sift/shared";
import type { Db } from "../db/connection";
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
  type ScopeParams,
} from "../db/report-repo";
import { findThreadById, listThreads, type ThreadRow } from "../db/thread-repo";
import { NotFoundError } from "../errors";
import { bucketTimeline } from "./report-timeline";
import { presentThread } from "./thread-service";

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
        return { ...c, decision: d ? { action: d.action, moderator: d.moderator, reason: d.reason, decided_at: d.decided_at } : null };
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
