import type { Category, SiteRuleAction } from "@sift/shared";
import { prepare, type Db } from "./connection";

/** A `site_rules` row as stored (`enabled` is 0/1, `note` null when absent). */
export interface SiteRuleRow {
  id: string;
  kind: "word" | "phrase" | "regex";
  pattern: string;
  category: Category;
  action: SiteRuleAction;
  enabled: 0 | 1;
  note: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A `rule_exceptions` row: `word` is already normalised. */
export interface RuleExceptionRow {
  id: number;
  rule: string;
  word: string;
  created_at: string;
  created_by: string;
}

export function listSiteRuleRows(db: Db): SiteRuleRow[] {
  return prepare<[], SiteRuleRow>(db, "SELECT * FROM site_rules ORDER BY id").all();
}

export function findSiteRuleRow(db: Db, id: string): SiteRuleRow | undefined {
  return prepare<[string], SiteRuleRow>(db, "SELECT * FROM site_rules WHERE id = ?").get(id);
}

export function insertSiteRule(db: Db, row: SiteRuleRow): void {
  prepare(
    db,
    `INSERT INTO site_rules (id, kind, pattern, category, action, enabled, note, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @kind, @pattern, @category, @action, @enabled, @note, @created_at, @created_by, @updated_at, @updated_by)`,
  ).run(row);
}

/** Writes every editable column of an existing rule (the service merges a partial change first). */
export function updateSiteRule(db: Db, row: SiteRuleRow): void {
  prepare(
    db,
    `UPDATE site_rules SET kind = @kind, pattern = @pattern, category = @category, action = @action, enabled = @enabled,
       note = @note, updated_at = @updated_at, updated_by = @updated_by WHERE id = @id`,
  ).run(row);
}

export function deleteSiteRule(db: Db, id: string): void {
  prepare(db, "DELETE FROM site_rules WHERE id = ?").run(id);
}

export function listRuleExceptionRows(db: Db): RuleExceptionRow[] {
  return prepare<[], RuleExceptionRow>(db, "SELECT * FROM rule_exceptions ORDER BY rule, word").all();
}

export function findRuleExceptionRow(db: Db, id: number): RuleExceptionRow | undefined {
  return prepare<[number], RuleExceptionRow>(db, "SELECT * FROM rule_exceptions WHERE id = ?").get(id);
}

export function findRuleExceptionByWord(db: Db, rule: string, word: string): RuleExceptionRow | undefined {
  return prepare<[string, string], RuleExceptionRow>(db, "SELECT * FROM rule_exceptions WHERE rule = ? AND word = ?").get(rule, word);
}

export function insertRuleException(db: Db, row: Omit<RuleExceptionRow, "id">): number {
  return Number(
    prepare(db, "INSERT INTO rule_exceptions (rule, word, created_at, created_by) VALUES (@rule, @word, @created_at, @created_by)").run(row)
      .lastInsertRowid,
  );
}

export function deleteRuleException(db: Db, id: number): void {
  prepare(db, "DELETE FROM rule_exceptions WHERE id = ?").run(id);
}

/** How often each rule fired and what moderators made of the comments it flagged. */
export interface RuleHitRow {
  rule: string;
  hits: number;
  approved: number;
  removed: number;
}

/**
 * Per rule: flagged comments (a comment flagged twice by one rule counts once) and how many of
 * them are approved or removed. One pass over the flags_rule index, each status read from the
 * covering comments_id_status index (the planner would otherwise read every comment row).
 */
export function countRuleHits(db: Db): RuleHitRow[] {
  return prepare<[], RuleHitRow>(
    db,
    `SELECT f.rule, COUNT(*) AS hits,
       COALESCE(SUM(c.status = 'approved'), 0) AS approved, COALESCE(SUM(c.status = 'removed'), 0) AS removed
     FROM (SELECT DISTINCT rule, comment_id FROM flags) f JOIN comments c INDEXED BY comments_id_status ON c.id = f.comment_id
     GROUP BY f.rule`,
  ).all();
}

/** One stored comment as a backtest reads it: only what every comment needs, to keep the scan lean. */
export interface BacktestCommentRow {
  id: string;
  body: string;
  status: "pending" | "approved" | "removed";
}

/** Every stored comment, streamed (iterate, not all: an archive may hold hundreds of thousands). */
export function iterateCommentsForBacktest(db: Db): IterableIterator<BacktestCommentRow> {
  return prepare<[], BacktestCommentRow>(db, "SELECT id, body, status FROM comments").iterate();
}

/** Ids of the comments a rule flagged (the flags_rule index). */
export function listCommentIdsFlaggedBy(db: Db, rule: string): Set<string> {
  return new Set(prepare<[string], { comment_id: string }>(db, "SELECT DISTINCT comment_id FROM flags WHERE rule = ?").all(rule).map((r) => r.comment_id));
}

/** A stored flag of one rule with its comment's status. */
export interface RuleFlagRow {
  comment_id: string;
  status: "pending" | "approved" | "removed";
  evidence: string;
  start_offset: number | null;
  end_offset: number | null;
}

/**
 * The flags of one rule, streamed in comment order (the flags_rule index), with each comment's
 * status from the covering comments_id_status index: no comment bodies are read.
 */
export function iterateFlagsOfRule(db: Db, rule: string): IterableIterator<RuleFlagRow> {
  return prepare<[string], RuleFlagRow>(
    db,
    `SELECT f.comment_id, c.status, f.evidence, f.start_offset, f.end_offset
     FROM flags f INDEXED BY flags_rule JOIN comments c INDEXED BY comments_id_status ON c.id = f.comment_id
     WHERE f.rule = ? ORDER BY f.comment_id`,
  ).iterate(rule);
}

/** Span flags grouped by rule and exact evidence, with the status counts of the comments they are on. */
export interface EvidenceCountRow {
  rule: string;
  evidence: string;
  approved: number;
  removed: number;
}

/** Evidence of span flags on decided comments (a human approval or removal), grouped for exception suggestions. */
export function countDecidedEvidence(db: Db): EvidenceCountRow[] {
  return prepare<[], EvidenceCountRow>(
    db,
    `SELECT f.rule, f.evidence,
       COALESCE(SUM(c.status = 'approved'), 0) AS approved, COALESCE(SUM(c.status = 'removed'), 0) AS removed
     FROM flags f JOIN comments c INDEXED BY comments_id_status ON c.id = f.comment_id
     WHERE f.start_offset IS NOT NULL AND c.status IN ('approved', 'removed') AND c.decided_at IS NOT NULL
     GROUP BY f.rule, f.evidence`,
  ).all();
}

/** One flag of a rule on a comment (the first), for showing what a backtest would clear. */
export function findFlagOfRule(db: Db, rule: string, commentId: string): { evidence: string; start_offset: number | null; end_offset: number | null } | undefined {
  return prepare<[string, string], { evidence: string; start_offset: number | null; end_offset: number | null }>(
    db,
    "SELECT evidence, start_offset, end_offset FROM flags WHERE rule = ? AND comment_id = ? ORDER BY id LIMIT 1",
  ).get(rule, commentId);
}

/** Whether any stored flag names this rule (the flags_rule index). */
export function hasFlagsOfRule(db: Db, rule: string): boolean {
  return prepare<[string], { one: number }>(db, "SELECT 1 AS one FROM flags WHERE rule = ? LIMIT 1").get(rule) !== undefined;
}
