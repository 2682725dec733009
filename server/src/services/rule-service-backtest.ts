import { applyExceptions, compileSiteRules, normalizeWord, siteRuleFlagId, siteRuleFlagsForText } from "@sift/shared/rules";
import type { BacktestExample, BacktestResult } from "@sift/shared";
import type { Db } from "../db/connection";
import { findCommentById } from "../db/comment-repo";
import { countDecidedEvidence, findFlagOfRule, iterateCommentsForBacktest, iterateFlagsOfRule, listCommentIdsFlaggedBy, listRuleExceptionRows } from "../db/rule-repo";
import { validateException, validateSiteRule } from "./rule-service";


const EXCERPT_CONTEXT = 60;

function example(
  row: { id: string; thread_id: string; author: string; body: string },
  evidence: { start: number | null; end: number | null; text: string },
): BacktestExample {
  if (evidence.start === null || evidence.end === null) {
    return { commentId: row.id, threadId: row.thread_id, author: row.author, excerpt: row.body.slice(0, 2 * EXCERPT_CONTEXT), excerptStart: 0, evidence };
  }
  const from = Math.max(0, evidence.start - EXCERPT_CONTEXT);
  const to = Math.min(row.body.length, evidence.end + EXCERPT_CONTEXT);
  return {
    commentId: row.id,
    threadId: row.thread_id,
    author: row.author,
    excerpt: row.body.slice(from, to),
    excerptStart: from,
    evidence: { start: evidence.start - from, end: evidence.end - from, text: evidence.text },
  };
}

function tally() {
  return { count: 0, examples: [] as BacktestExample[] };
}

function precisionOf(counts: { removed: number; approved: number; pending: number }): BacktestResult["precision"] {
  const decided = counts.removed + counts.approved;
  return { ...counts, value: decided === 0 ? null : Math.round((counts.removed / decided) * 1000) / 1000 };
}

/**
 * What a site rule (new or edited) would do to the stored archive: comments it would newly flag,
 * comments that carry its flag now and would lose it, and how moderators decided the comments it
 * matches. Validates the rule like saving does (400 naming the problem). Streams the comments and
 * compiles the rule once; plain comments that cannot match skip tokenising.
 */
export function backtestRule(db: Db, input: unknown, limit = 50): BacktestResult {
  const started = performance.now();
  const rule = validateSiteRule(input);
  const flagId = siteRuleFlagId(rule.id);
  const exceptions = listRuleExceptionRows(db).filter((e) => e.rule === flagId);
  const { set } = compileSiteRules([rule], exceptions);
  const flaggedNow = listCommentIdsFlaggedBy(db, flagId);
  const newlyFlagged = tally();
  const cleared = tally();
  const counts = { removed: 0, approved: 0, pending: 0 };
  // Examples need the thread and author; only they are looked up, not every comment's.
  const withDetails = (id: string, body: string) => {
    const c = findCommentById(db, id);
    return { id, body, thread_id: c?.thread_id ?? "", author: c?.author ?? "" };
  };
  let scanned = 0;
  for (const row of iterateCommentsForBacktest(db)) {
    scanned++;
    const flags = applyExceptions(siteRuleFlagsForText(row.body, set), set);
    const flagged = flaggedNow.has(row.id);
    if (flags.length > 0) {
      counts[row.status]++;
      if (flagged) continue;
      newlyFlagged.count++;
      const f = flags[0]!;
      if (newlyFlagged.examples.length < limit) newlyFlagged.examples.push(example(withDetails(row.id, row.body), { start: f.start, end: f.end, text: f.evidence }));
    } else if (flagged) {
      cleared.count++;
      if (cleared.examples.length >= limit) continue;
      const stored = findFlagOfRule(db, flagId, row.id);
      cleared.examples.push(example(withDetails(row.id, row.body), { start: stored?.start_offset ?? null, end: stored?.end_offset ?? null, text: stored?.evidence ?? "" }));
    }
  }
  return { scanned, newlyFlagged, cleared, precision: precisionOf(counts), ms: Math.round(performance.now() - started) };
}

/**
 * What an exception (this word, for this rule) would clear: the rule's stored flags whose evidence
 * normalises to the word, and how moderators decided those comments (a high precision means the
 * rule was right about this word and the exception would hide real problems).
 */
export function backtestException(db: Db, input: unknown, limit = 50): BacktestResult {
  const started = performance.now();
  const { rule, word } = validateException(db, input);
  const cleared = tally();
  const counts = { removed: 0, approved: 0, pending: 0 };
  let scanned = 0;
  let lastComment = "";
  for (const row of iterateFlagsOfRule(db, rule)) {
    scanned++;
    if (normalizeWord(row.evidence).norm !== word) continue;
    cleared.count++;
    // Precision counts comments: a comment with the word twice is one decision.
    if (row.comment_id !== lastComment) counts[row.status]++;
    lastComment = row.comment_id;
    if (cleared.examples.length < limit) {
      const c = findCommentById(db, row.comment_id);
      const comment = { id: row.comment_id, thread_id: c?.thread_id ?? "", author: c?.author ?? "", body: c?.body ?? "" };
      cleared.examples.push(example(comment, { start: row.start_offset, end: row.end_offset, text: row.evidence }));
    }
  }
  return { scanned, newlyFlagged: tally(), cleared, precision: precisionOf(counts), ms: Math.round(performance.now() - started) };
}

/** An exception worth suggesting: moderators keep approving comments this rule flagged for this word. */
export interface ExceptionSuggestion {
  rule: string;
  word: string;
  approved: number;
  removed: number;
}

/** How many approvals (and no removal) make a (rule, word) pair worth suggesting as an exception. */
export const SUGGEST_AFTER_APPROVALS = 3;

/**
 * (rule, evidence word) pairs whose flagged comments moderators approved at least three times and
 * never removed, with no exception yet; most approved first.
 */
export function suggestExceptions(db: Db, max = 50): ExceptionSuggestion[] {
  const existing = new Set(listRuleExceptionRows(db).map((e) => `${e.rule}\u0000${e.word}`));
  const byKey = new Map<string, ExceptionSuggestion>();
  for (const row of countDecidedEvidence(db)) {
    const word = normalizeWord(row.evidence.trim()).norm;
    if (!word) continue;
    const key = `${row.rule}\u0000${word}`;
    const entry = byKey.get(key) ?? { rule: row.rule, word, approved: 0, removed: 0 };
    entry.approved += row.approved;
    entry.removed += row.removed;
    byKey.set(key, entry);
  }
  return [...byKey]
    .filter(([key, s]) => s.approved >= SUGGEST_AFTER_APPROVALS && s.removed === 0 && !existing.has(key))
    .map(([, s]) => s)
    .sort((a, b) => b.approved - a.approved || a.rule.localeCompare(b.rule) || a.word.localeCompare(b.word))
    .slice(0, max);
}
