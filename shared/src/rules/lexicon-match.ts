import type { LexiconEntry } from "./lexicon";
import { holdsAny, tokenSummary } from "./prefilter";
import type { Token } from "./text";

/** A lexicon word found in a comment. */
export interface WordHit {
  entry: LexiconEntry;
  start: number;
  end: number;
  /** What had to be undone to see the word, for the explanation, or null when it was written plainly. */
  disguise: string | null;
}

/** Lookup table from every spelling (base and forms, lowercased) to its entry. Multi-word forms keep their space. */
export interface LexiconIndex {
  forms: Map<string, LexiconEntry>;
  /** Forms with every run of a letter squeezed to one, for stretched spellings ("faaaaggots", "bullshiiiit"). */
  squeezed: Map<string, LexiconEntry>;
  /** First words of the multi-word forms, so that pairs are only built where one could match. */
  pairStarts: Set<string>;
  /** Every word a token (or one of its squeezed spellings) must be for a match, unless stretched or censored: forms and pair starts. Most comments hold none. */
  gate: Set<string>;
}

export function indexLexicon(entries: LexiconEntry[]): LexiconIndex {
  const forms = new Map<string, LexiconEntry>();
  const squeezed = new Map<string, LexiconEntry>();
  const pairStarts = new Set<string>();
  for (const entry of entries) {
    for (const form of [entry.base, ...(entry.forms ?? [])]) {
      const key = form.toLowerCase();
      forms.set(key, entry);
      if (!key.includes(" ")) squeezed.set(key.replace(/(.)\1+/g, "$1"), entry);
      if (key.includes(" ")) pairStarts.add(key.split(" ")[0]!);
    }
  }
  return { forms, squeezed, pairStarts, gate: new Set([...forms.keys(), ...pairStarts]) };
}

const isCapitalised = (t: Token | undefined) => !!t && /^\p{Lu}\p{Ll}/u.test(t.text);

/** "Dick Cheney", "Philip K. Dick": a capitalised word beside another capitalised word is a name. */
function looksLikeName(tokens: Token[], i: number): boolean {
  return isCapitalised(tokens[i]) && (isCapitalised(tokens[i + 1]) || (i > 0 && isCapitalised(tokens[i - 1])));
}

/**
 * Matches a censored spelling (f*ck, sh**) against the index: each star stands for one hidden letter,
 * but a run of three or more ("n*****r") is seldom counted exactly, so it stands for one letter fewer or more.
 */
export function matchCensored(norm: string, index: LexiconIndex, loose = true): LexiconEntry | undefined {
  if (!norm.includes("*") || !/\p{L}/u.test(norm)) return undefined;
  const stars = (run: string) => (run.length < 3 || !loose ? "\\p{L}".repeat(run.length) : `\\p{L}{${run.length - 1},${run.length + 1}}`);
  const pattern = new RegExp(`^${norm.replace(/[^\p{L}*]/gu, "").replace(/\*+/g, stars)}$`, "u");
  for (const [form, entry] of index.forms) if (!form.includes(" ") && pattern.test(form)) return entry;
  return undefined;
}

/** Finds every whole-token (or two-token) occurrence of the lexicon's words. */
export function findWords(tokens: Token[], index: LexiconIndex): WordHit[] {
  const hits: WordHit[] = [];
  // Tokens of a comment context: skip them all when none is stretched or censored and no word or squeezed spelling is in the lexicon.
  const summary = tokenSummary(tokens);
  if (summary && !summary.irregular && !summary.hasAnyOf(index.gate) && !holdsAny(index.gate, summary.squeezed)) return hits;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (next && next.start - t.end <= 2 && index.pairStarts.has(t.norm)) {
      const pair = index.forms.get(`${t.norm} ${next.norm}`);
      if (pair) {
        hits.push({ entry: pair, start: t.start, end: next.end, disguise: t.disguise ?? next.disguise });
        i++;
        continue;
      }
    }
    let entry = index.forms.get(t.norm);
    let disguise = t.disguise;
    if (!entry && t.squeezed) {
      for (const v of t.squeezed) {
        entry = index.forms.get(v);
        if (entry) {
          disguise ??= "repeated letters squeezed";
          break;
        }
      }
    }
    // Only deliberate stretches (a letter three times) are squeezed all the way: "as" must not become "ass".
    if (!entry && t.squeezed && /(.)\1\1/.test(t.norm)) {
      entry = index.squeezed.get(t.norm.replace(/(.)\1+/g, "$1"));
      if (entry) disguise ??= "repeated letters squeezed";
    }
    if (!entry && t.norm.includes("*")) {
      entry = matchCensored(t.norm, index);
      if (entry) disguise = "censored with asterisks";
    }
    if (!entry) continue;
    if (entry.alsoName && looksLikeName(tokens, i)) continue;
    if (!disguise && isMisspelling(t.norm, entry.base)) disguise = "deliberate misspelling";
    hits.push({ entry, start: t.start, end: t.end, disguise });
  }
  return hits;
}

/** fcuk, phuck, biatch: close to the base word but not the word or an inflection of it. */
function isMisspelling(norm: string, base: string): boolean {
  return norm !== base && !norm.startsWith(base) && !norm.endsWith(base) && editDistance(norm.slice(0, base.length + 1), base) <= 2;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
