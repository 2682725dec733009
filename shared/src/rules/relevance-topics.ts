import { z } from "zod";
import { loadPack, PackVersionSchema } from "./pack/load";
import raw from "./pack/topics.json";
import { topicWord } from "./relevance-words";

/**
 * Related-word knowledge for relevance: hand-made word lists of common news subjects (transport,
 * housing, schools, floods, football, phones…) in `pack/topics.json`. An article belongs to the
 * subjects whose words it uses; a comment word of one of those subjects is related to the article
 * even when the article never uses it ("handset" under a phone review). A comment word that only
 * belongs to other subjects is evidence that the comment is about something else ("plumber").
 */
const words = z.array(z.string().min(1).regex(/^[a-z][a-z'-]*$/, "lower-case letters only")).min(1);

/** The shape of `topics.json`; see the Off-topic section of `pack/README.md`. */
export const TopicsPackSchema = z.object({
  version: PackVersionSchema,
  about: z.string().min(1),
  topics: z.record(z.string().regex(/^[a-z-]+$/), words).refine((t) => Object.keys(t).length <= 30, "at most 30 topics (they are kept as bits of a number)"),
});

export const TOPICS_PACK = loadPack("topics.json", TopicsPackSchema, raw);
export const TOPIC_NAMES = Object.keys(TOPICS_PACK.topics);

/** Each topic word (as `topicWord` spells it) → the bits of the topics it belongs to. */
const TOPICS_OF_WORD = new Map<string, number>();
TOPIC_NAMES.forEach((name, i) => {
  for (const w of TOPICS_PACK.topics[name]!) {
    const t = topicWord(w);
    if (t !== null) TOPICS_OF_WORD.set(t, (TOPICS_OF_WORD.get(t) ?? 0) | (1 << i));
  }
});

/** Distinct words of a subject a text must use to be about it: one shared word is chance. */
const MIN_WORDS_OF_TOPIC = 3;
const MIN_SHARE_OF_MAIN_TOPIC = 0.2;

/** The bits of the topics a word belongs to (0 for none). */
export function topicsOfWord(word: string): number {
  return TOPICS_OF_WORD.get(word) ?? 0;
}

/** The bits of the subjects a text (its distinct topic words) is about. */
export function topicsOfText(distinctWords: Iterable<string>): number {
  const counts = new Array<number>(TOPIC_NAMES.length).fill(0);
  for (const w of distinctWords) {
    const bits = TOPICS_OF_WORD.get(w);
    if (bits) for (let i = 0; i < counts.length; i++) if (bits & (1 << i)) counts[i]!++;
  }
  // A subject the text only brushes against (three game words in a story about a game patch that
  // football shares) is not its subject: it needs a fair share of the main subject's count.
  const main = Math.max(0, ...counts);
  let mask = 0;
  counts.forEach((c, i) => {
    if (c >= MIN_WORDS_OF_TOPIC && c >= main * MIN_SHARE_OF_MAIN_TOPIC) mask |= 1 << i;
  });
  return mask;
}

/** The names of the topics in a bit mask, for explanations. */
export function topicNames(mask: number): string[] {
  return TOPIC_NAMES.filter((_, i) => mask & (1 << i));
}
