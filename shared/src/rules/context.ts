import type { Flag } from "../schemas/flag";
import type { Category } from "../schemas/thread";
import { canonicalWord, plainText } from "./canonical";
import { detectLanguage, type Language } from "./language";
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

/**
 * Tokens and words are built at once (every phase starts from them); the plain text, its sentences
 * and the language only when a phase first asks (most comments never reach a phrase pattern).
 */
class LazyContext implements CommentContext {
  readonly tokens: Token[];
  readonly words = new Set<string>();
  readonly lower: string;
  private readonly canonical: (string | null)[];
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
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const c = canonicalWord(t);
      canonical[i] = c;
      this.words.add(t.norm);
      if (c) this.words.add(c);
    }
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
}

/**
 * Word sets that phases gate on (module constants), each numbered the second time it is seen, and
 * for every word the numbers of the sets holding it: one pass over a comment's words then answers
 * every later `hasAny` with one lookup, instead of one pass per call.
 */
const GATES = new WeakMap<ReadonlySet<string>, { id: number; size: number }>();
const SEEN_ONCE = new WeakSet<ReadonlySet<string>>();
const GATES_OF_WORD = new Map<string, number[]>();
const MAX_GATES = 1024;
let gateCount = 0;
/** The gates hit by the words of the comment seen last (phases run one comment at a time). */
let hitsFor: ReadonlySet<string> | null = null;
let hitsSize = -1;
let hitsCount = 0;
let hits = new Uint8Array(64);

/** True when any of the words occurs in the comment (a cheap gate before regular expressions). */
export function hasAny(ctx: CommentContext, words: ReadonlySet<string>): boolean {
  let gate = GATES.get(words);
  if (gate === undefined && gateCount < MAX_GATES && SEEN_ONCE.has(words)) gate = registerGate(words);
  if (gate === undefined || gate.size !== words.size) {
    SEEN_ONCE.add(words);
    return intersects(ctx.words, words);
  }
  if (hitsFor !== ctx.words || hitsSize !== ctx.words.size || hitsCount !== gateCount) markGates(ctx.words);
  return hits[gate.id] === 1;
}

function registerGate(words: ReadonlySet<string>): { id: number; size: number } {
  const gate = { id: gateCount++, size: words.size };
  for (const w of words) {
    const ids = GATES_OF_WORD.get(w);
    if (ids) ids.push(gate.id);
    else GATES_OF_WORD.set(w, [gate.id]);
  }
  GATES.set(words, gate);
  return gate;
}

function markGates(words: ReadonlySet<string>): void {
  if (hits.length < gateCount) hits = new Uint8Array(gateCount * 2);
  else hits.fill(0);
  for (const w of words) {
    const ids = GATES_OF_WORD.get(w);
    if (ids) for (const id of ids) hits[id] = 1;
  }
  hitsFor = words;
  hitsSize = words.size;
  hitsCount = gateCount;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
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
