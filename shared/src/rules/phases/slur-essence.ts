import type { CommentContext } from "../context";
import { IDENTITY_PACK } from "../lexicon";
import { isCounterSpeech, PREDICATES, type Mention, type PredicateHit } from "./slur-derogation";
import { indexPhrases, phraseAt, type Layout } from "./slur-phrases";

/**
 * Essentialising: a vice said to be in a people's blood, culture or nature
 * ("lying comes naturally to X, it's in their blood", "thieving is part of
 * their culture, these X"). The essence frame alone is no attack ("cooking is
 * in their blood"): it needs a negative predicate in the same or the previous
 * sentence, and the group named there too.
 */

/** Frames that make a trait a people's nature. */
const ESSENCE = indexPhrases([
  "in their blood", "in their culture", "in their nature", "in their genes", "in their dna", "in their religion",
  "part of their culture", "part of their religion", "part of who they are", "comes naturally to", "come naturally to",
  "second nature to", "bred into them", "in the blood", "how they're raised", "how they are raised", "what they do",
]);
export const ESSENCE_GATE = new Set(["blood", "culture", "nature", "genes", "dna", "naturally", "bred", "raised", "religion"]);
const NEGATIONS = new Set(IDENTITY_PACK.negations);

/** Flags a sentence whose essence frame, group and negative predicate stand together (or the frame in the sentence after). */
export function essentialised(ctx: CommentContext, layout: Layout, bounds: [number, number][], mentions: Mention[], add: (m: Mention, hit: PredicateHit, why: string, c: number) => void): void {
  const tokens = ctx.tokens;
  for (let s = 0; s < bounds.length; s++) {
    const [sStart, sEnd] = bounds[s]!;
    let frame = -1;
    for (let j = sStart; j < sEnd && frame < 0; j++) if (phraseAt(tokens, j, ESSENCE, sEnd)) frame = j;
    if (frame < 0) continue;
    const from = s > 0 ? bounds[s - 1]![0] : sStart;
    const m = mentions.find((o) => o.start >= from && o.start < sEnd && !isCounterSpeech(ctx, o, ...bounds[layout.sentence[o.start]!]!));
    if (!m) continue;
    for (let j = from; j < sEnd; j++) {
      const length = phraseAt(tokens, j, PREDICATES, sEnd);
      if (!length || (j > 0 && NEGATIONS.has(tokens[j - 1]!.norm))) continue;
      const text = ctx.body.slice(tokens[j]!.start, tokens[j + length - 1]!.end);
      add(m, { start: j, end: j + length, text, kind: "phrase" }, `Says "${text}" is in the nature of ${m.word}: derogates people for who they are.`, 0.6);
      return;
    }
  }
}
