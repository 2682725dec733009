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

/**
 * The number of a gate set, or -1 when it has none yet (seen for the first time, or changed size
 * since it was numbered): ask with a plain intersection then. Gates should be constants.
 */
export function gateNumber(gate: ReadonlySet<string>): number {
  let g = GATES.get(gate);
  if (g === undefined) {
    if (gateCount >= MAX_GATES || !SEEN_ONCE.has(gate)) {
      SEEN_ONCE.add(gate);
      return -1;
    }
    g = { id: gateCount++, size: gate.size };
    for (const w of gate) {
      const ids = GATES_OF_WORD.get(w);
      if (ids) ids.push(g.id);
      else GATES_OF_WORD.set(w, [g.id]);
    }
    GATES.set(gate, g);
  }
  return g.size === gate.size ? g.id : -1;
}

/** The marks of the words asked about last (phases run one comment at a time), and whose words they are. */
let marks = new Uint8Array(64);
let marksOwner: object | null = null;
let marksCount = -1;

/**
 * True when gate number `id` holds one of `words` (null entries are skipped). `owner` stands for the
 * words (a comment context, whose words never change): asked again about the same owner, the marks
 * made by the first question answer.
 */
export function gateHit(owner: object, words: readonly (string | null)[], id: number): boolean {
  if (owner !== marksOwner || marksCount !== gateCount) {
    if (marks.length < gateCount) marks = new Uint8Array(gateCount * 2);
    else marks.fill(0);
    for (const w of words) {
      if (w === null) continue;
      const ids = GATES_OF_WORD.get(w);
      if (ids) for (const g of ids) marks[g] = 1;
    }
    marksOwner = owner;
    marksCount = gateCount;
  }
  return marks[id] === 1;
}

/** True when the two sets share a word. */
export function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) return true;
  return false;
}

/** True when the set holds one of the words. */
export function holdsAny(set: ReadonlySet<string>, words: readonly string[]): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** What the context knows about a token list, so that word lookups (findWords) can skip a comment that holds none of their words. */
export interface TokenSummary {
  /** True when a token's norm (or canonical word) is in the gate. */
  hasAnyOf(gate: ReadonlySet<string>): boolean;
  /** The squeezed spellings of tokens with a letter twice ("all" → "al"): looked up too. */
  readonly squeezed: readonly string[];
  /** Some token is stretched (a letter three times) or censored (*): the tokens must be looked up one by one. */
  readonly irregular: boolean;
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
