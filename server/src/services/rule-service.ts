import { runInNewContext } from "node:vm";
import { RuleExceptionSchema, SiteRuleSchema, type RuleException, type SiteRule } from "@sift/shared";
import { BUILTIN_RULES, compileSiteRules, normalizeWord, RULE_PACK_VERSION, siteRuleFlagId, type SiteRuleSet } from "@sift/shared/rules";
import type { Db } from "../db/connection";
import {
  countRuleHits,
  deleteRuleException,
  deleteSiteRule as deleteSiteRuleRow,
  findRuleExceptionByWord,
  findRuleExceptionRow,
  findSiteRuleRow,
  hasFlagsOfRule,
  insertRuleException,
  insertSiteRule,
  listRuleExceptionRows,
  listSiteRuleRows,
  updateSiteRule as updateSiteRuleRow,
  type RuleExceptionRow,
  type SiteRuleRow,
} from "../db/rule-repo";
import { AppError, ConflictError, NotFoundError } from "../errors";
import { deleteFlagsOfRule, listFlagsForComments } from "../db/flag-repo";
import { setCommentSeverity } from "../db/comment-repo";
import { recordAudit } from "./audit-service";
import { groupFlags, severityOf } from "./present";

/** A site rule or exception that cannot be saved: the message names the problem. */
export class InvalidRuleError extends AppError {
  constructor(message: string) {
    super("invalid_rule", message, 400);
  }
}

/** A site rule as the API and CLI show it. */
export interface PresentedSiteRule extends Required<Omit<SiteRule, "note">> {
  note: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PresentedException {
  id: number;
  rule: string;
  word: string;
  createdAt: string;
  createdBy: string;
}

/** How often a rule fired on the stored comments and what moderators made of them. */
export interface RuleHits {
  hits: number;
  approved: number;
  removed: number;
}

export interface RulesOverview {
  packVersion: string;
  builtin: ({ id: string; category: string; description: string } & RuleHits)[];
  site: (PresentedSiteRule & RuleHits)[];
  exceptions: PresentedException[];
}

export function presentSiteRule(row: SiteRuleRow): PresentedSiteRule {
  return {
    id: row.id,
    kind: row.kind,
    pattern: row.pattern,
    category: row.category,
    action: row.action,
    enabled: row.enabled === 1,
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function presentException(row: RuleExceptionRow): PresentedException {
  return { id: row.id, rule: row.rule, word: row.word, createdAt: row.created_at, createdBy: row.created_by };
}

function toSiteRule(row: SiteRuleRow): SiteRule {
  return { id: row.id, kind: row.kind, pattern: row.pattern, category: row.category, action: row.action, enabled: row.enabled === 1, ...(row.note ? { note: row.note } : {}) };
}

/** Built-in rules with their hit counts, the site's rules, and the exceptions: the Rules page. */
export function listRules(db: Db): RulesOverview {
  const hits = new Map(countRuleHits(db).map((r) => [r.rule, { hits: r.hits, approved: r.approved, removed: r.removed }]));
  const none: RuleHits = { hits: 0, approved: 0, removed: 0 };
  return {
    packVersion: RULE_PACK_VERSION,
    builtin: BUILTIN_RULES.map((r) => ({ ...r, ...(hits.get(r.id) ?? none) })),
    site: listSiteRuleRows(db).map((row) => ({ ...presentSiteRule(row), ...(hits.get(siteRuleFlagId(row.id)) ?? none) })),
    exceptions: listRuleExceptionRows(db).map(presentException),
  };
}

export function listSiteRules(db: Db): PresentedSiteRule[] {
  return listSiteRuleRows(db).map(presentSiteRule);
}

/** The stored rules and exceptions, compiled for the rules engine (import and rescan). */
export function loadSiteRuleSet(db: Db): SiteRuleSet {
  const exceptions: RuleException[] = listRuleExceptionRows(db).map((e) => ({ rule: e.rule, word: e.word }));
  // Stored rules were checked when saved; a rule that no longer compiles is left out rather than blocking imports.
  return compileSiteRules(listSiteRuleRows(db).map(toSiteRule), exceptions).set;
}

/** Letters, digits, '.', '_' and '-': rule ids appear in flags (`site.<id>`), URLs and the CLI. */
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Long enough that exponential and cubic regexes show it, short enough that a common quadratic one
 * (`[a-z]+@[a-z]+\.com`) passes: the engine runs regexes on at most the first 10,000 characters
 * of a comment (MAX_REGEX_TEXT), which bounds what a quadratic pattern can cost.
 */
const ADVERSARIAL_LENGTH = 3_000;

/** Strings a regex with exponential backtracking chokes on: long runs, then a character that fails the match. */
function adversarialInputs(pattern: string): string[] {
  const literal = pattern.replace(/\\.|[^A-Za-z0-9 ]/g, "").slice(0, 20) || "a";
  return ["a", "1", " ", "ab", "a ", "x.", "é", literal].map((s) => `${s.repeat(Math.ceil(ADVERSARIAL_LENGTH / s.length))}\u0000!`);
}

/** How long a new regex may take on the adversarial strings together. */
const REGEX_BUDGET_MS = 200;

/**
 * Checks a rule as it would be saved: the schema, the engine's own compile checks (syntax, unsafe
 * shapes), then for a regex a run against adversarial strings within a time budget, in case a slow
 * shape slipped past the static checks. Throws InvalidRuleError naming the problem.
 */
export function validateSiteRule(input: unknown): SiteRule {
  const parsed = SiteRuleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidRuleError(`invalid rule: ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const rule = parsed.data;
  if (!RULE_ID.test(rule.id)) throw new InvalidRuleError(`invalid rule id "${rule.id}": use letters, digits, '.', '_' or '-' (at most 64)`);
  const { problems, set } = compileSiteRules([{ ...rule, enabled: true }]);
  if (problems[0]) throw new InvalidRuleError(`rule ${rule.id}: ${problems[0].message}`);
  const regex = set.rules[0]?.regex;
  if (regex) {
    try {
      runInNewContext("for (const s of inputs) { regex.lastIndex = 0; regex.test(s); }", { regex, inputs: adversarialInputs(rule.pattern) }, { timeout: REGEX_BUDGET_MS });
    } catch {
      throw new InvalidRuleError(`rule ${rule.id}: the regular expression is too slow on long comments (over ${REGEX_BUDGET_MS} ms); simplify it`);
    }
    if (new RegExp(regex.source, "u").test("")) throw new InvalidRuleError(`rule ${rule.id}: the regular expression matches empty text, so it would flag every comment`);
  }
  return rule;
}

function rowFor(rule: SiteRule, meta: Pick<SiteRuleRow, "created_at" | "created_by" | "updated_at" | "updated_by">): SiteRuleRow {
  return { id: rule.id, kind: rule.kind, pattern: rule.pattern, category: rule.category, action: rule.action, enabled: rule.enabled ? 1 : 0, note: rule.note ?? null, ...meta };
}

/** Adds a site rule (audited). 409 for a taken id. */
export function createSiteRule(db: Db, input: unknown, actor: string, now: Date = new Date()): PresentedSiteRule {
  const rule = validateSiteRule(input);
  const at = now.toISOString();
  return db.transaction(() => {
    if (findSiteRuleRow(db, rule.id)) throw new ConflictError(`a site rule with id ${rule.id} already exists`);
    const row = rowFor(rule, { created_at: at, created_by: actor, updated_at: at, updated_by: actor });
    insertSiteRule(db, row);
    recordAudit(db, { actor, action: "rule.add", target: rule.id, detail: { from: null, to: toSiteRule(row) } }, now);
    return presentSiteRule(row);
  }).immediate();
}

/** What PATCH may change; `note: null` clears the note. */
export type SiteRuleChange = Partial<Omit<SiteRule, "id" | "note">> & { note?: string | null };

/** Changes some fields of a site rule (e.g. `{ enabled: false }`); the id stays. Audited with the previous state. Disabling drops its flags. */
export function updateSiteRule(db: Db, id: string, change: SiteRuleChange, actor: string, now: Date = new Date()): PresentedSiteRule {
  return db.transaction(() => {
    const before = findSiteRuleRow(db, id);
    if (!before) throw new NotFoundError(`no site rule with id ${id}`);
    const previous = toSiteRule(before);
    const merged: Record<string, unknown> = { ...previous, ...change, id };
    if (merged.note === null || merged.note === "") delete merged.note;
    const rule = validateSiteRule(merged);
    const row = rowFor(rule, { created_at: before.created_at, created_by: before.created_by, updated_at: now.toISOString(), updated_by: actor });
    updateSiteRuleRow(db, row);
    // Switching a rule off clears its flags now; switching it on or editing it flags through a rescan, which the caller may ask for.
    if (previous.enabled && !rule.enabled) dropFlagsOfRule(db, id);
    recordAudit(db, { actor, action: "rule.update", target: id, detail: { from: previous, to: toSiteRule(row) } }, now);
    return presentSiteRule(row);
  }).immediate();
}

/**
 * Takes a rule's flags off every stored comment (and their severity with them), so a rule that is
 * switched off or deleted stops showing in the queue at once instead of at the next rescan.
 * Statuses and decisions stay: a comment the rule held or removed keeps what it has until a
 * moderator decides.
 */
function dropFlagsOfRule(db: Db, id: string): number {
  const comments = deleteFlagsOfRule(db, siteRuleFlagId(id));
  const remaining = groupFlags(listFlagsForComments(db, comments));
  for (const commentId of comments) setCommentSeverity(db, commentId, severityOf(remaining.get(commentId) ?? []));
  return comments.length;
}

/** Deletes a site rule (audited with what it was) and the flags it raised. */
export function deleteSiteRule(db: Db, id: string, actor: string, now: Date = new Date()): void {
  db.transaction(() => {
    const before = findSiteRuleRow(db, id);
    if (!before) throw new NotFoundError(`no site rule with id ${id}`);
    deleteSiteRuleRow(db, id);
    dropFlagsOfRule(db, id);
    recordAudit(db, { actor, action: "rule.delete", target: id, detail: { from: toSiteRule(before), to: null } }, now);
  }).immediate();
}

/** Checks an exception and normalises its word the way the engine normalises evidence. */
export function validateException(db: Db, input: unknown): RuleException {
  const parsed = RuleExceptionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidRuleError(`invalid exception: ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const { rule } = parsed.data;
  // A rule that raised stored flags counts too, so a flag chip can always offer its exception.
  const known =
    BUILTIN_RULES.some((r) => r.id === rule) || (rule.startsWith("site.") && findSiteRuleRow(db, rule.slice(5)) !== undefined) || hasFlagsOfRule(db, rule);
  if (!known) throw new InvalidRuleError(`unknown rule "${rule.slice(0, 80)}": use a built-in rule id or site.<id> of a site rule`);
  const word = normalizeWord(parsed.data.word).norm;
  if (!word) throw new InvalidRuleError("the exception's word is empty once normalised");
  return { rule, word };
}

/** Adds "this word is fine for this rule" (audited). 409 when it exists. */
export function addRuleException(db: Db, input: unknown, actor: string, now: Date = new Date()): PresentedException {
  return db.transaction(() => {
    const { rule, word } = validateException(db, input);
    if (findRuleExceptionByWord(db, rule, word)) throw new ConflictError(`an exception for "${word}" on ${rule} already exists`);
    const row = { rule, word, created_at: now.toISOString(), created_by: actor };
    const id = insertRuleException(db, row);
    recordAudit(db, { actor, action: "rule.exception.add", target: rule, detail: { from: null, to: { id, rule, word } } }, now);
    return presentException({ id, ...row });
  }).immediate();
}

/** Removes an exception (audited with what it was). */
export function removeRuleException(db: Db, id: number, actor: string, now: Date = new Date()): void {
  db.transaction(() => {
    const before = findRuleExceptionRow(db, id);
    if (!before) throw new NotFoundError(`no rule exception with id ${id}`);
    deleteRuleException(db, id);
    recordAudit(db, { actor, action: "rule.exception.delete", target: before.rule, detail: { from: { id, rule: before.rule, word: before.word }, to: null } }, now);
  }).immediate();
}
