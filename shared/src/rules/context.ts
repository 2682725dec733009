import type { Flag } from "../schemas/flag";
import type { Category } from "../schemas/thread";
import { canonicalWord, plainText } from "./canonical";
import { detectLanguage, type Language } from "./language";
import { gateHit, gateNumber, intersects, summarizeTokens, type TokenSummary } from "./prefilter";
import { sentences, tokenizeLowered, type Sentence, type Token } from "./text";

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
  /** The body lowercased (String.prototype.toLowerCase; the same length except for rare letters such as "İ"). */
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
  return new LazyContext(body, author, replyTo, knownNames);
}

/** A letter three times: looked up squeezed all the way ("fuuuuck"), see findWords. */
const STRETCHED = /(.)\1\1/;

/**
 * Tokens and words are built at once (every phase starts from them); the plain text, its sentences
 * and the language only when a phase first asks (most comments never reach a phrase pattern).
 */
class LazyContext implements CommentContext, TokenSummary {
  readonly tokens: Token[];
  readonly lower: string;
  readonly squeezed: string[] = [];
  readonly irregular: boolean = false;
  /** Each token's norm then its canonical word (or null), the words `words` holds, in a list (a set costs more to build). */
  private readonly norms: (string | null)[];
  private readonly canonical: (string | null)[];
  private wordsCache: Set<string> | undefined;
  private plainCache: string | undefined;
  private sentencesCache: Sentence[] | undefined;
  private languageCache: Language | undefined;

  constructor(
    readonly body: string,
    readonly author: string,
    readonly replyTo: CommentContext["replyTo"],
    readonly knownNames: ReadonlySet<string>,
  ) {
    this.lower = body.toLowerCase();
    const tokens = (this.tokens = tokenizeLowered(body, this.lower));
    const canonical = (this.canonical = new Array<string | null>(tokens.length));
    const norms = (this.norms = new Array<string | null>(tokens.length * 2));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const c = canonicalWord(t);
      canonical[i] = c;
      norms[2 * i] = t.norm;
      norms[2 * i + 1] = c;
      if (t.squeezed) {
        if (STRETCHED.test(t.norm)) this.irregular = true;
        else for (const v of t.squeezed) this.squeezed.push(v);
      }
      if (!t.ascii && t.norm.includes("*")) this.irregular = true;
    }
    summarizeTokens(tokens, this);
  }

  /** Every token's normalised form and canonical word. Built at the first read: phases ask `hasAny` instead. */
  get words(): Set<string> {
    if (!this.wordsCache) {
      this.wordsCache = new Set<string>();
      for (const w of this.norms) if (w) this.wordsCache.add(w);
    }
    return this.wordsCache;
  }

  get plain(): string {
    return (this.plainCache ??= plainText(this.body, this.tokens, this.canonical, this.lower));
  }

  // Sentences come from the plain text, so the dots of "s.h.o.o.t" do not end one.
  get sentences(): Sentence[] {
    return (this.sentencesCache ??= sentences(this.plain));
  }

  get language(): Language {
    return (this.languageCache ??= detectLanguage(this.tokens));
  }

  hasAnyOf(gate: ReadonlySet<string>): boolean {
    const id = gateNumber(gate);
    return id < 0 ? intersects(this.words, gate) : gateHit(this, this.norms, id);
  }
}

/** True when any of the words occurs in the comment (a cheap gate before regular expressions). */
export function hasAny(ctx: CommentContext, words: ReadonlySet<string>): boolean {
  return ctx instanceof LazyContext ? ctx.hasAnyOf(words) : intersects(ctx.words, words);
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
