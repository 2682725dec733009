import type { Flag } from "../schemas/flag";
import type { Category } from "../schemas/thread";
import { canonicalWord, plainText } from "./canonical";
import { detectLanguage, type Language } from "./language";
import { sentences, tokenize, type Sentence, type Token } from "./text";

/** Everything a phase may look at for one comment. Built once, shared by all phases. */
export interface CommentContext {
  body: string;
  author: string;
  tokens: Token[];
  /** Every token's normalised form: phases check it before running costly patterns. */
  words: Set<string>;
  sentences: Sentence[];
  /** The comment this one answers (its parent, or for flat pages the comment it visibly follows up), if known. */
  replyTo: { body: string; offTopic: boolean } | null;
  /** Lowercased body with runs of whitespace collapsed, for phrase patterns. */
  lower: string;
  /** The body lowercased with disguised words written plainly ("k1ll" → "kill", "kiiiill" → "kill   "), same length: phrase patterns run on this, offsets still point into the body. */
  plain: string;
  /** Lowercased words of the names of people in the conversation and the article (authors, people named), so a real person's name is never read as an epithet. */
  knownNames: ReadonlySet<string>;
  /** "other" when the comment is not English: English-only rules say so in their flags. */
  language: Language;
}

export function buildCommentContext(
  body: string,
  author: string,
  replyTo: CommentContext["replyTo"],
  knownNames: ReadonlySet<string> = new Set(),
): CommentContext {
  const tokens = tokenize(body);
  const words = new Set<string>();
  const canonical = tokens.map(canonicalWord);
  for (const [i, t] of tokens.entries()) {
    words.add(t.norm);
    const c = canonical[i];
    if (c) words.add(c);
  }
  const plain = plainText(body, tokens, canonical);
  // Sentences come from the plain text, so the dots of "s.h.o.o.t" do not end one.
  return { body, author, tokens, words, sentences: sentences(plain), replyTo, lower: body.toLowerCase(), plain, knownNames, language: detectLanguage(tokens) };
}

/** True when any of the words occurs in the comment (a cheap gate before regular expressions). */
export function hasAny(ctx: CommentContext, words: ReadonlySet<string>): boolean {
  const [small, large] = ctx.words.size <= words.size ? [ctx.words, words] : [words, ctx.words];
  for (const w of small) if (large.has(w)) return true;
  return false;
}

/** Makes a flag whose evidence is the text between two offsets of the body. */
export function spanFlag(
  ctx: CommentContext,
  category: Category,
  rule: string,
  start: number,
  end: number,
  explanation: string,
  confidence: number,
): Flag {
  return { category, rule, evidence: ctx.body.slice(start, end), start, end, explanation, confidence: round(confidence) };
}

/** Makes a flag about the whole comment (no span). */
export function wholeFlag(category: Category, rule: string, evidence: string, explanation: string, confidence: number): Flag {
  return { category, rule, evidence, start: null, end: null, explanation, confidence: round(confidence) };
}

function round(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}
