import type { Flag } from "../schemas/flag";
import type { RuleException, SiteRule } from "../schemas/site-rule";
import type { CommentContext } from "./context";
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
  /** word and phrase rules: the first word with any letter repeated, to skip plain comments without it cheaply. */
  firstWord?: RegExp;
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
      const unsafe = regexProblem(rule.pattern);
      if (unsafe) {
        problems.push({ id: rule.id, message: unsafe });
        continue;
      }
      try {
        new RegExp(rule.pattern, "giu"); // the pattern must be valid as a Unicode regex
        compiled.push({ rule, words: [], regex: new RegExp(rule.pattern, regexFlags(rule.pattern)) });
      } catch (err) {
        problems.push({ id: rule.id, message: `not a valid regular expression: ${(err as Error).message}` });
      }
      continue;
    }
    const words = tokenize(rule.pattern).map((t) => t.norm);
    if (words.length === 0) problems.push({ id: rule.id, message: "the pattern has no words" });
    else if (rule.kind === "word" && words.length > 1) problems.push({ id: rule.id, message: "a word rule takes one word; use a phrase rule for several" });
    else compiled.push({ rule, words, regex: null, firstWord: firstWordPattern(words[0]!) });
  }
  const byRule = new Map<string, Set<string>>();
  for (const e of exceptions) {
    const set = byRule.get(e.rule) ?? new Set<string>();
    set.add(normalizeWord(e.word).norm);
    byRule.set(e.rule, set);
  }
  return { set: { rules: compiled, exceptions: byRule }, problems };
}

/** How much of a comment a site regex reads: bounds what a slow (e.g. quadratic) pattern can cost on a 100 KB comment. */
export const MAX_REGEX_TEXT = 10_000;

/** The rule id a site rule's flags carry. */
export function siteRuleFlagId(id: string): string {
  return `site.${id}`;
}

/** Flags from the site's own rules. Needs only the body and its tokens, so a backtest can skip the rest of the context. */
export function siteRulesPhase(ctx: Pick<CommentContext, "body" | "tokens">, set: SiteRuleSet): Flag[] {
  const flags: Flag[] = [];
  for (const { rule, words, regex } of set.rules) {
    const why = `Matches this site's ${rule.kind} rule "${rule.pattern}"${rule.note ? ` (${rule.note})` : ""}; action: ${rule.action}.`;
    const make = (start: number, end: number): Flag => ({
      category: rule.category,
      rule: siteRuleFlagId(rule.id),
      evidence: ctx.body.slice(start, end),
      start,
      end,
      explanation: why,
      confidence: 0.9,
      action: rule.action,
    });
    if (regex) {
      // Only the start of a huge comment: a pattern that is quadratic on long text stays cheap.
      const text = ctx.body.length > MAX_REGEX_TEXT ? ctx.body.slice(0, MAX_REGEX_TEXT) : ctx.body;
      // One test first: most comments do not match, and matchAll's iterator costs more than the test.
      regex.lastIndex = 0;
      if (!regex.test(text)) continue;
      regex.lastIndex = 0;
      for (const m of text.matchAll(regex)) {
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

/**
 * The site rules' flags on one text, building only what they need (tokens only for word and phrase
 * rules): what a backtest over a whole archive runs per comment.
 */
export function siteRuleFlagsForText(body: string, set: SiteRuleSet): Flag[] {
  if (set.rules.length === 0) return [];
  const tokens = set.rules.some((r) => r.regex === null) && mayMatchWords(body, set) ? tokenize(body) : [];
  return siteRulesPhase({ body, tokens }, set);
}

/**
 * False only when no word or phrase rule can match: the body is ASCII (so no lookalike letters,
 * accents or zero-width characters) and none of the rules' first words appears in it, even
 * disguised by leetspeak, repeated letters or separators. Tokenising is most of a backtest's cost,
 * and most comments fail this test.
 */
function mayMatchWords(body: string, set: SiteRuleSet): boolean {
  if (!ASCII.test(body)) return true;
  for (const r of set.rules) if (r.regex === null && r.firstWord?.test(body)) return true;
  return false;
}

const ASCII = /^[\x00-\x7f]*$/;

/** ASCII characters the tokeniser reads as each letter (text.ts LEET). */
const LEET_FOR: Record<string, string> = { a: "4@", e: "3", i: "1!|", o: "0", s: "5$", t: "7" };

/**
 * `zork` → /[z]+[.\-_*\s]?[o0]+[.\-_*\s]?[r]+[.\-_*\s]?[k]+/i: the word with each letter repeatable,
 * leetspeak symbols allowed for it, and one separator between letters. Matches at least wherever an
 * ASCII comment has a token normalising to the word. Never fails for a word that is not plain letters.
 */
function firstWordPattern(word: string): RegExp {
  if (!/^[a-z]+$/.test(word)) return /(?:)/;
  const letter = (c: string) => `[${c}${(LEET_FOR[c] ?? "").replace(/[|$!@]/g, "\\$&")}]+`;
  return new RegExp([...word].map(letter).join("[.\\-_*\\s]?"), "i");
}

/**
 * "giu" in general; "gi" when the pattern is ASCII and has nothing whose meaning the Unicode flag
 * changes (`.`, negated classes and escapes, `\p`, `\u{…}`), where both match the same text and
 * V8 runs the non-Unicode form several times faster (a backtest runs it on every stored comment).
 */
function regexFlags(pattern: string): string {
  if (/[^\x20-\x7e]|\.|\[\^|\\[pPuSWDB]/.test(pattern)) return "giu";
  try {
    new RegExp(pattern, "gi");
    return "gi";
  } catch {
    return "giu";
  }
}

/** The longest regular expression a site may add. */
export const MAX_REGEX_LENGTH = 200;

/**
 * Why a site regex is unsafe to run on every comment, or null. Rejects what makes JavaScript's
 * backtracking engine take exponential time on hostile text: a quantified group that itself
 * contains a quantifier (`(a+)+`, `(\w*\s?)*`) or an alternation (`(a|aa)*`), and backreferences.
 * Conservative: a few safe patterns are refused too, and the message says how to rewrite them.
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length > MAX_REGEX_LENGTH) return `the regular expression is longer than ${MAX_REGEX_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return "backreferences (\\1, \\k<name>) are not allowed: they can make matching very slow";
  // Per open group: does it contain a quantifier or an alternation?
  const stack: { risky: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") stack.push({ risky: false });
    else if (ch === "|") {
      const top = stack[stack.length - 1];
      if (top) top.risky = true;
    } else if (ch === ")") {
      const group = stack.pop();
      const quantified = isQuantifier(pattern, i + 1);
      if (group?.risky && quantified) {
        return "a repeated group contains a repetition or alternatives (like (a+)+ or (a|b)*), which can take forever on some comments; repeat a character class instead, e.g. [ab]+";
      }
      const parent = stack[stack.length - 1];
      if (parent && (group?.risky || quantified)) parent.risky = true;
    } else if (isQuantifier(pattern, i)) {
      const top = stack[stack.length - 1];
      if (top) top.risky = true;
    }
  }
  return null;
}

/** True when a repeating quantifier (*, +, {n,}, {n,m} with m > 1) starts at `i`. */
function isQuantifier(pattern: string, i: number): boolean {
  const ch = pattern[i];
  if (ch === "*" || ch === "+") return true;
  if (ch !== "{") return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 1;
  return m[3] === "" || Number(m[3]) > 1;
}
