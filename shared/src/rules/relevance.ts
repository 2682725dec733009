/**
 * How much a comment is about its article: the share of the comment's
 * distinctive words (not function words, not everyday words) that the
 * article also uses, with light stemming and prefix matching so that
 * "Syrian" meets "Syria" and "Iranians" meets "Iran".
 */

import { topicsOfText, topicsOfWord } from "./relevance-topics";
import { topicWords } from "./relevance-words";

export { stem, topicWord, topicWords, topicWordsOf } from "./relevance-words";

/**
 * The vocabulary of an article (and of any context added later), ready for prefix-aware lookups.
 * Text added is only read at the first lookup (a parent comment's vocabulary is often never asked),
 * and answers are remembered (an article's vocabulary is asked about by every comment of its thread).
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  /** Prefixes of the words (see `has`), built at the first lookup after words were added. */
  private prefixes: Set<string> | null = null;
  private pending: string[] = [];
  private readonly answers = new Map<string, boolean>();
  /** Bits of the subjects (pack/topics.json) the text is about, worked out when it is read. */
  private topicMask = 0;

  add(text: string): this {
    this.pending.push(text);
    this.answers.clear();
    return this;
  }

  /** Adds topic words already extracted (see topicWordsOf). */
  addWords(words: string[]): this {
    for (const w of words) this.words.add(w);
    this.topicMask = topicsOfText(this.words);
    this.prefixes = null;
    this.answers.clear();
    return this;
  }

  get size(): number {
    this.readPending();
    return this.words.size;
  }

  /** True when the word, or a word sharing most of its stem, is in the vocabulary. */
  has(word: string): boolean {
    let answer = this.answers.get(word);
    if (answer === undefined) {
      if (this.answers.size > 20_000) this.answers.clear();
      this.answers.set(word, (answer = this.lookUp(word)));
    }
    return answer;
  }

  /** Bits of the subjects the vocabulary's text is about (see relevance-topics.ts). */
  get topics(): number {
    this.readPending();
    return this.topicMask;
  }

  private lookUp(word: string): boolean {
    this.readPending();
    if (this.words.has(word) || this.prefixesOfWords().has(word)) return true;
    for (let l = word.length - 1; l >= Math.max(4, Math.ceil(word.length * 0.55)); l--) {
      if (this.words.has(word.slice(0, l))) return true;
    }
    return false;
  }

  private readPending(): void {
    if (this.pending.length === 0) return;
    const texts = this.pending;
    this.pending = [];
    const all: string[] = [];
    for (const text of texts) for (const w of topicWords(text)) all.push(w);
    this.addWords(all);
  }

  private prefixesOfWords(): Set<string> {
    if (this.prefixes) return this.prefixes;
    const prefixes = new Set<string>();
    for (const w of this.words) for (let l = Math.max(4, Math.ceil(w.length * 0.55)); l < w.length; l++) prefixes.add(w.slice(0, l));
    return (this.prefixes = prefixes);
  }
}

/** How a comment's topic words stand to its context. */
export interface Relevance {
  /** Share of the topic words that the context uses, words of its subjects counting half (1 when there are none). */
  score: number;
  topicWordCount: number;
  /** Words the context itself uses (the article's or the parent's own words, entities included). */
  shared: number;
  /** Words neither used by the context nor of its subjects, in order. */
  unrelated: string[];
  /** Unrelated words that belong to some other subject ("plumber", "mortgage"): evidence the comment is about something else. */
  foreign: string[];
}

const RELATED_WEIGHT = 0.5;

function anyHas(vocabularies: Vocabulary[], word: string): boolean {
  for (const v of vocabularies) if (v.has(word)) return true;
  return false;
}

/** Relevance of a comment's topic words to its context (the article, the comment it answers). */
export function relevance(words: string[], vocabularies: Vocabulary[]): Relevance {
  if (words.length === 0) return { score: 1, topicWordCount: 0, shared: 0, unrelated: [], foreign: [] };
  let contextTopics = 0;
  for (const v of vocabularies) contextTopics |= v.topics;
  let shared = 0;
  let related = 0;
  const unrelated: string[] = [];
  const foreign: string[] = [];
  for (const w of words) {
    if (anyHas(vocabularies, w)) shared++;
    else {
      const topics = topicsOfWord(w);
      if ((topics & contextTopics) !== 0) {
        related++;
        continue;
      }
      unrelated.push(w);
      if (topics !== 0) foreign.push(w);
    }
  }
  // A word of the article's subject is weaker evidence than the article's own word ("bread" under a story that mentions shops).
  return { score: (shared + related * RELATED_WEIGHT) / words.length, topicWordCount: words.length, shared, unrelated, foreign };
}
