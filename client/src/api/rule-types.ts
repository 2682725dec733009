import type { Category, RuleException, SiteRule, SiteRuleAction } from "@sift/shared";

// Shapes of /api/rules answers (server/src/services/rule-service*.ts). The rule itself is the
// shared SiteRule; only what the API adds (who, when, hit counts) is written here.

export type { RuleException, SiteRule, SiteRuleAction };

/** How often a rule's flags were met and how moderators decided the flagged comments. */
export interface RuleHits {
  hits: number;
  approved: number;
  removed: number;
}

export interface ApiBuiltinRule extends RuleHits {
  id: string;
  category: Category;
  description: string;
}

/** A stored site rule; its flags carry the rule id `site.<id>`. */
export interface ApiSiteRule extends RuleHits {
  id: string;
  kind: SiteRule["kind"];
  pattern: string;
  category: Category;
  action: SiteRuleAction;
  enabled: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** "This word is fine for this rule": the word is stored normalised. */
export interface ApiRuleException {
  id: number;
  rule: string;
  word: string;
  createdAt: string;
  createdBy: string;
}

/** GET /api/rules. */
export interface ApiRulesOverview {
  packVersion: string;
  builtin: ApiBuiltinRule[];
  site: ApiSiteRule[];
  exceptions: ApiRuleException[];
}

export type { BacktestExample, BacktestResult } from "@sift/shared";

/** GET /api/rules/suggestions: evidence moderators keep approving for a rule. */
export interface ExceptionSuggestion {
  rule: string;
  word: string;
  approved: number;
  removed: number;
}

/** POST /api/rules/rescan. */
export interface RescanResult {
  scanned: number;
  changed: number;
}
