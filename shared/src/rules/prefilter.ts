/**
 * Cheap gates before costly patterns. Phases ask "does this comment hold any of these words?"
 * about a dozen times per comment; here each constant word set gets a number the second time
 * it is asked about, and one pass over a comment's words marks every numbered set it hits, so
 * later questions about that comment are one array read.
 */

const GATES = new WeakMap<ReadonlySet<string>, { id: number; size: number }>();
const SEEN_ONCE = new WeakSet<ReadonlySet<string>>();
const GATES_OF_WORD = new Map<string, number[]>();
/** Sets made afresh on every call are never numbered (they are not seen twice); this caps the rest. */
const MAX_GATES = 1024;
let gateCount = 0;
/** The gates hit by the words asked about last (phases run one comment at a time). */
let hitsFor: ReadonlySet<string> | null = null;
let hitsSize = -1;
let hitsCount = 0;
let hits = new Uint8Array(64);

/** True when the two sets share a word. `gate` should be a constant: a set that changes size is no longer answered from the marks. */
export function sharesWord(words: ReadonlySet<string>, gate: ReadonlySet<string>): boolean {
  let g = GATES.get(gate);
  if (g === undefined && gateCount < MAX_GATES && SEEN_ONCE.has(gate)) g = numberGate(gate);
  if (g === undefined || g.size !== gate.size) {
    SEEN_ONCE.add(gate);
    return intersects(words, gate);
  }
  if (hitsFor !== words || hitsSize !== words.size || hitsCount !== gateCount) markGates(words);
  return hits[g.id] === 1;
}

function numberGate(gate: ReadonlySet<string>): { id: number; size: number } {
  const g = { id: gateCount++, size: gate.size };
  for (const w of gate) {
    const ids = GATES_OF_WORD.get(w);
    if (ids) ids.push(g.id);
    else GATES_OF_WORD.set(w, [g.id]);
  }
  GATES.set(gate, g);
  return g;
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

/** What the context knows about a token list, so that word lookups (findWords) can skip a comment that holds none of their words. */
export interface TokenSummary {
  /** Every token's norm (and canonical word). */
  words: ReadonlySet<string>;
  /** The squeezed spellings of tokens with a letter twice ("all" → "al"): looked up too. */
  squeezed: readonly string[];
  /** Some token is stretched (a letter three times) or censored (*): the tokens must be looked up one by one. */
  irregular: boolean;
}

/** The summary of the token list built last (a WeakMap of every comment's tokens would burden the garbage collector). */
let summarized: readonly object[] | null = null;
let summary: TokenSummary | undefined;

export function summarizeTokens(tokens: readonly object[], of: TokenSummary): void {
  summarized = tokens;
  summary = of;
}

/** The summary of these tokens, if they are the ones summarised last. */
export function tokenSummary(tokens: readonly object[]): TokenSummary | undefined {
  return tokens === summarized ? summary : undefined;
}
