import { z } from "zod";
import { CategorySchema } from "./thread";

/** What a site's own rule does when it matches: flag for review, hold (flag and keep hidden until decided), or remove. */
export const SiteRuleActionSchema = z.enum(["flag", "hold", "remove"]);
export type SiteRuleAction = z.infer<typeof SiteRuleActionSchema>;

/** A rule a site adds to the built-in pack. */
export const SiteRuleSchema = z.object({
  id: z.string().min(1).max(64),
  /** word: one whole word, disguises seen through; phrase: words in a row; regex: a JavaScript regular expression, case-insensitive. */
  kind: z.enum(["word", "phrase", "regex"]),
  pattern: z.string().trim().min(1).max(200),
  category: CategorySchema,
  action: SiteRuleActionSchema.default("flag"),
  enabled: z.boolean().default(true),
  /** Why the rule exists, shown to moderators in the flag's explanation. */
  note: z.string().max(300).optional(),
});
export type SiteRule = z.infer<typeof SiteRuleSchema>;

/** "This word is fine for this rule on this site": clears the rule's flags whose evidence is that word. */
export const RuleExceptionSchema = z.object({
  rule: z.string().min(1),
  word: z.string().trim().min(1).max(100),
});
export type RuleException = z.infer<typeof RuleExceptionSchema>;

// The backtest API's answer (POST /api/rules/backtest), shared by the server that builds it and the Rules page that shows it.

/** A comment a backtest would newly flag or clear, with the words that decide it. */
export interface BacktestExample {
  commentId: string;
  threadId: string;
  author: string;
  /** Up to about 160 characters of the body around the evidence. */
  excerpt: string;
  /** Where the excerpt starts in the body. */
  excerptStart: number;
  /** Offsets into `excerpt` (end exclusive), or null for a whole-comment flag. */
  evidence: { start: number | null; end: number | null; text: string };
}

export interface BacktestResult {
  /** Comments (for a rule) or flags of the rule (for an exception) looked at. */
  scanned: number;
  newlyFlagged: { count: number; examples: BacktestExample[] };
  cleared: { count: number; examples: BacktestExample[] };
  /** Moderators' past decisions on what the rule matches (for an exception: on what it would clear). */
  precision: { removed: number; approved: number; pending: number; value: number | null };
  /** How long the scan took, for the page to show and for tuning. */
  ms: number;
}
