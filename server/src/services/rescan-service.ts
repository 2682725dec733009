import type { Flag } from "@sift/shared";
import { evaluateThread, RULE_PACK_VERSION, type SiteRuleSet, type ThreadInput } from "@sift/shared/rules";
import { clearImportHash, listCommentsByThread, upsertComment, type CommentRow } from "../db/comment-repo";
import type { Db } from "../db/connection";
import { listFlagsByThread, replaceFlags, type FlagRow } from "../db/flag-repo";
import { findThreadById, listThreads, type ThreadRow } from "../db/thread-repo";
import { NotFoundError } from "../errors";
import { recordAudit } from "./audit-service";
import { severityOf } from "./present";
import { loadSiteRuleSet } from "./rule-service";
import { removeByRule, statusUnderRules } from "./rule-service-actions";

/** What `rescan` reports per thread. */
export interface RescannedThread {
  id: string;
  title: string;
  comments: number;
  /** Comments with at least one flag after the rescan. */
  flagged: number;
  /** Comments whose flags differ from what was stored (a rule was added, fixed or removed). */
  changed: number;
}

/**
 * Re-runs the current rules on stored comments, one transaction per thread, and replaces their
 * flags and severity. Statuses, decisions and everything else a moderator did are left alone, so
 * a rescan after a rule change can never undo anyone's work. The site's stored rules and exceptions
 * apply as at import: a `hold` keeps an undecided comment out of approved, and a `remove` removes
 * an undecided comment through the decision log (as `sift-rules`, undoable). Throws NotFoundError
 * for an unknown thread.
 */
export function rescanThreads(db: Db, options: RescanOptions = {}): RescannedThread[] {
  const { threads, rescanOne, finish } = startRescan(db, options);
  return finish(threads.map(rescanOne));
}

/**
 * The same rescan for the HTTP server: it yields to the event loop between threads, so the
 * dashboard keeps answering while a large archive is rescanned after a rule change.
 */
export async function rescanThreadsInTurns(db: Db, options: RescanOptions = {}): Promise<RescannedThread[]> {
  const { threads, rescanOne, finish } = startRescan(db, options);
  const results: RescannedThread[] = [];
  for (const thread of threads) {
    results.push(rescanOne(thread));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return finish(results);
}

export interface RescanOptions {
  threadId?: string;
  now?: () => Date;
  /** Who asked, for the audit log; without it nothing is logged. */
  actor?: string;
}

function startRescan(db: Db, options: RescanOptions) {
  const threads = options.threadId === undefined ? listThreads(db) : [findThreadOrThrow(db, options.threadId)];
  const siteRules = loadSiteRuleSet(db);
  const now = options.now ?? (() => new Date());
  return {
    threads,
    // IMMEDIATE takes the write lock up front, so a concurrent import or decision makes us wait instead of failing mid-thread.
    rescanOne: (thread: ThreadRow) => db.transaction(() => rescanThread(db, thread, siteRules, now().toISOString())).immediate(),
    finish: (results: RescannedThread[]) => {
      if (options.actor) {
        recordAudit(db, { actor: options.actor, action: "rules.rescan", target: options.threadId ?? null, detail: { threads: results.length, ...summariseRescan(results) } }, now());
      }
      return results;
    },
  };
}

/** Totals over a rescan: comments looked at and comments whose flags changed. */
export function summariseRescan(threads: readonly RescannedThread[]): { scanned: number; changed: number } {
  return { scanned: threads.reduce((n, t) => n + t.comments, 0), changed: threads.reduce((n, t) => n + t.changed, 0) };
}

function findThreadOrThrow(db: Db, id: string): ThreadRow {
  const thread = findThreadById(db, id);
  if (!thread) throw new NotFoundError(`no thread with id ${id}`);
  return thread;
}

/** Must run inside a transaction. */
function rescanThread(db: Db, thread: ThreadRow, siteRules: SiteRuleSet, at: string): RescannedThread {
  const comments = listCommentsByThread(db, thread.id);
  const before = groupStoredFlags(listFlagsByThread(db, thread.id));
  const flags = evaluateThread(toThreadInput(thread, comments), { siteRules });
  let flagged = 0;
  let changed = 0;
  comments.forEach((comment, i) => {
    const next = flags[i] ?? [];
    if (next.length > 0) flagged++;
    if (fingerprint(next, RULE_PACK_VERSION) === (before.get(comment.id) ?? "")) return;
    changed++;
    replaceFlags(db, comment.id, next, RULE_PACK_VERSION);
    // The flags no longer match what the last import wrote: the next import must compare in full.
    clearImportHash(db, comment.id);
    // Written back with its own status: the repo keeps a decided comment's status anyway, and an
    // undecided one keeps the status it has. Only the severity (derived from the flags) can change.
    const { decided_at: _decidedAt, version: _version, sort_at: _sortAt, import_hash: _importHash, ...row } = comment;
    upsertComment(db, { ...row, status: statusUnderRules(row.status, next), severity: severityOf(next) });
    removeByRule(db, comment.id, next, at);
  });
  return { id: thread.id, title: thread.title, comments: comments.length, flagged, changed };
}

/** The thread as the rules engine sees it at import: the article, and comments in page order with their parents. */
function toThreadInput(thread: ThreadRow, comments: readonly CommentRow[]): ThreadInput {
  const externalIdOf = new Map(comments.map((c) => [c.id, c.external_id]));
  return {
    article: { title: thread.article_title, body: thread.article_body },
    comments: comments.map((c) => ({
      external_id: c.external_id,
      parent_external_id: c.parent_id === null ? null : (externalIdOf.get(c.parent_id) ?? null),
      author: c.author,
      body: c.body,
    })),
  };
}

/** Stored flags per comment, as comparable fingerprints. */
function groupStoredFlags(rows: readonly FlagRow[]): Map<string, string> {
  const byComment = new Map<string, { flags: Flag[]; version: string }>();
  for (const r of rows) {
    const flag: Flag = { category: r.category, rule: r.rule, evidence: r.evidence, start: r.start_offset, end: r.end_offset, explanation: r.explanation, confidence: r.confidence, ...(r.action ? { action: r.action } : {}) };
    const entry = byComment.get(r.comment_id) ?? { flags: [], version: r.rule_pack_version };
    entry.flags.push(flag);
    byComment.set(r.comment_id, entry);
  }
  return new Map([...byComment].map(([id, { flags, version }]) => [id, fingerprint(flags, version)]));
}

/**
 * Flags as a string that changes when any rule, span, wording or confidence changes, or when they
 * were raised by another rule-pack version (so stored flags always name the rules now in force).
 */
function fingerprint(flags: readonly Flag[], rulePackVersion: string): string {
  if (flags.length === 0) return "";
  return JSON.stringify([rulePackVersion, flags.map((f) => [f.category, f.rule, f.evidence, f.start, f.end, f.explanation, f.confidence, f.action ?? null])]);
}
