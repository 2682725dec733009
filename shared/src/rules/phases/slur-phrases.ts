import type { CommentContext } from "../context";
import type { Token } from "../text";

/** Phrases (space-separated words) indexed by their first word, so a token is only compared with the phrases it could start. */
export type PhraseIndex = Map<string, string[][]>;

/** Indexes words and multi-word phrases; one-word entries are phrases of length one. Longest phrases are tried first. */
export function indexPhrases(phrases: readonly string[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const words = phrase.split(" ").filter(Boolean);
    const list = index.get(words[0]!) ?? [];
    list.push(words);
    index.set(words[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

/** The number of tokens of the longest phrase starting at token `i` (not crossing `end`), or 0. */
export function phraseAt(tokens: readonly Token[], i: number, index: PhraseIndex, end = tokens.length): number {
  const candidates = index.get(tokens[i]?.norm ?? "");
  if (!candidates) return 0;
  outer: for (const words of candidates) {
    if (i + words.length > end) continue;
    for (let k = 1; k < words.length; k++) if (tokens[i + k]!.norm !== words[k]) continue outer;
    return words.length;
  }
  return 0;
}

/** The regular English inflections of a verb (steal → steals, stealing, stealed…); wrong guesses are harmless, they never occur in text. */
export function inflect(verb: string): string[] {
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb;
  const last = verb.at(-1)!;
  const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(verb) ? verb + last : verb;
  return [verb, `${verb}s`, `${verb}es`, `${stem}ed`, `${stem}ing`, `${doubled}ed`, `${doubled}ing`];
}

/** Sentence index of every token, and whether punctuation that ends a clause stands just before it. */
export interface Layout {
  sentence: number[];
  clauseBreak: boolean[];
}

export function layoutOf(ctx: Pick<CommentContext, "body" | "tokens" | "sentences">): Layout {
  const sentence: number[] = [];
  const clauseBreak: boolean[] = [];
  let si = 0;
  const { body, tokens, sentences } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (si < sentences.length - 1 && t.start >= sentences[si + 1]!.start) si++;
    sentence.push(si);
    let gap = false;
    for (let k = i > 0 ? tokens[i - 1]!.end : t.start; k < t.start && !gap; k++) {
      const c = body.charCodeAt(k);
      // , ; : ( ) — – and a hyphen standing between spaces
      gap = c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013 || (c === 45 && body.charCodeAt(k - 1) === 32 && body.charCodeAt(k + 1) === 32);
    }
    clauseBreak.push(gap);
  }
  return { sentence, clauseBreak };
}
