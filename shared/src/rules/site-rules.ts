import type { Flag } from "../schemas/flag";
import type { RuleException, SiteRule } from "../schemas/site-rule";
import { spanFlag, type CommentContext } from "./context";
import { normalizeWord, tokenize } from "./text";

/** A site's rules and exceptions, compiled once per evaluation run. */
export interface SiteRuleSet {
  rules: CompiledRule[];
  /** rule id → normalised words whose flags are cleared. */
  exceptions: Map<string, Set<string>>;
}

interface CompiledRule {
  rule: SiteRule;
  /** word and phrase rules: the normalised words in order. */
  words: string[];
  regex: RegExp | null;
}

/** A problem with one rule, reported instead of throwing, so one bad regex never blocks the others. */
export interface SiteRuleProblem {
  id: string;
  message: string;
}

/** Checks and compiles a site's rules; disabled rules are left out. */
export function compileSiteRules(rules: SiteRule[], exceptions: RuleException[] = []): { set: SiteRuleSet; problems: SiteRuleProblem[] } {
  const compiled: CompiledRule[] = [];
  const problems: SiteRuleProblem[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.kind === "regex") {
      try {
        compiled.push({ rule, words: [], regex: new RegExp(rule.pattern, "giu") });
      } catch (err) {
        problems.push({ id: rule.id, message: `not a valid regular expression: ${(err as Error).message}` });
      }
      continue;
    }
    const words = tokenize(rule.pattern).map((t) => t.norm);
    if (words.length === 0) problems.push({ id: rule.id, message: "the pattern has no words" });
    else if (rule.kind === "word" && words.length > 1) problems.push({ id: rule.id, message: "a word rule takes one word; use a phrase rule for several" });
    else compiled.push({ rule, words, regex: null });
  }
  const byRule = new Map<string, Set<string>>();
  for (const e of exceptions) {
    const set = byRule.get(e.rule) ?? new Set<string>();
    set.add(normalizeWord(e.word).norm);
    byRule.set(e.rule, set);
  }
  return { set: { rules: compiled, exceptions: byRule }, problems };
}

/** Flags from the site's own rules. */
export function siteRulesPhase(ctx: CommentContext, set: SiteRuleSet): Flag[] {
  const flags: Flag[] = [];
  for (const { rule, words, regex } of set.rules) {
    const why = `Matches this site's ${rule.kind} rule "${rule.pattern}"${rule.note ? ` (${rule.note})` : ""}; action: ${rule.action}.`;
    const make = (start: number, end: number) => ({ ...spanFlag(ctx, rule.category, `site.${rule.id}`, start, end, why, 0.9), action: rule.action });
    if (regex) {
      regex.lastIndex = 0;
      for (const m of ctx.body.matchAll(regex)) {
        if (!m[0]) break; // an empty match would loop forever
        flags.push(make(m.index ?? 0, (m.index ?? 0) + m[0].length));
      }
      continue;
    }
    for (let i = 0; i + words.length <= ctx.tokens.length; i++) {
      if (words.every((w, k) => ctx.tokens[i + k]!.norm === w || ctx.tokens[i + k]!.squeezed?.includes(w))) {
        flags.push(make(ctx.tokens[i]!.start, ctx.tokens[i + words.length - 1]!.end));
      }
    }
  }
  return flags;
}

/** Drops flags the site has excepted (this word, for this rule). */
export function applyExceptions(flags: Flag[], set: SiteRuleSet): Flag[] {
  if (set.exceptions.size === 0) return flags;
  return flags.filter((f) => {
    const words = set.exceptions.get(f.rule);
    return !words || !words.has(normalizeWord(f.evidence).norm);
  });
}
