import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { findWords } from "../lexicon-match";
import { layoutOf, phraseAt, type Layout } from "./slur-phrases";
import { belittled, groupAbuse, groupBlame, PLAIN_PERSONS, RUIN } from "./insult-group";
import { ABUSIVE_NOUNS, ADJECTIVES, AGENTIVE, BRIDGE, CLAUSE_STOPS, GROUP_NOUNS, I, LINKED_SUBJECTS, LINKS, MODIFIERS, NAME_CALLING, NOUNS, NOUN_NEXT, PERSONS, PREDICATIVE_NEXT, SELF, SHARP, THIRD_PERSON, YOU, excused, subjectOf, walkBack, type Hit, type View } from "./insult-roles";

/** Name-calling aimed at someone (the roles are described in insult-roles.ts). */

/** The insulting words of the comment: name-calling (any spelling), insult nouns and adjectives. */
function findInsultWords(ctx: View): Hit[] {
  const tokens = ctx.tokens;
  const hits: Hit[] = [];
  const byStart = new Map(findWords(tokens, NAME_CALLING).map((h) => [h.start, h]));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const named = byStart.get(t.start);
    if (named) {
      const end = tokens.findIndex((u, k) => k >= i && u.end >= named.end) + 1;
      hits.push({ start: i, end: Math.max(end, i + 1), kind: "name", plural: t.norm.endsWith("s") });
      i = Math.max(end, i + 1) - 1;
      continue;
    }
    const length = phraseAt(tokens, i, NOUNS);
    if (length) {
      hits.push({ start: i, end: i + length, kind: "noun", plural: tokens[i + length - 1]!.norm.endsWith("s") });
      i += length - 1;
    } else if (ADJECTIVES.has(t.norm)) hits.push({ start: i, end: i + 1, kind: "adj", plural: false });
  }
  return hits;
}

/** Who the insult is aimed at, as a short phrase for the explanation, or null when nobody is. */
function targetOf(ctx: View, layout: Layout, h: Hit, words: readonly string[]): string | null {
  const tokens = ctx.tokens;
  const sentence = layout.sentence[h.start];
  const inSentence = (j: number) => j >= 0 && j < tokens.length && layout.sentence[j] === sentence;
  const after = tokens[h.end]?.norm ?? "";
  // "tool maker", "creature of habit", "clown car": the noun is part of a longer name for something else.
  // A participle after the noun says what the person is doing: "this absolute melt defending a phone".
  if (h.kind === "noun" && inSentence(h.end) && !layout.clauseBreak[h.end] && !NOUN_NEXT.has(after) && !LINKS.has(after) && !(after.length > 5 && after.endsWith("ing"))) return null;
  // The reader: "you clown", "you're a total wally", "are you dense", "you sound like an imbecile".
  const attributive = h.kind === "adj" && inSentence(h.end) && !layout.clauseBreak[h.end] && !PREDICATIVE_NEXT.has(after) && !PERSONS.has(after) && !NOUNS.has(after) && !ABUSIVE_NOUNS.has(after);
  if (h.kind === "adj" && after === "of" && SELF.has(tokens[h.end + 1]?.norm ?? "")) return null; // "that was stupid of me"
  for (let j = h.start - 1; j >= Math.max(0, h.start - 7) && inSentence(j) && !attributive; j--) {
    const w = tokens[j]!.norm;
    if (layout.clauseBreak[j + 1] && !(MODIFIERS.has(w) && MODIFIERS.has(tokens[j + 1]!.norm))) break;
    if (YOU.has(w)) return "the person addressed";
    if (!BRIDGE.has(w) && w !== "this" && w !== "that") break;
  }
  if (after === "like" && YOU.has(tokens[h.end + 1]?.norm ?? "")) return "the person addressed"; // "clowns like you"
  const before = walkBack(tokens, layout, h.start);
  if (h.kind !== "adj") {
    // Addressed: "Get lost, jerk.", "Listen here, dimwit, the bins…", "Dimwit, the bins…".
    let first = h.start;
    while (first > 0 && inSentence(first - 1) && !layout.clauseBreak[first] && MODIFIERS.has(tokens[first - 1]!.norm)) first--;
    const startsClause = first === 0 || !inSentence(first - 1) || layout.clauseBreak[first];
    const endsClause = h.end >= tokens.length || !inSentence(h.end) || layout.clauseBreak[h.end];
    // "Absolute joke." or "Total disgrace, the gritters never came." opening a sentence is a verdict on the matter, not a word to someone.
    const opensSentence = first === 0 || !inSentence(first - 1);
    if (startsClause && endsClause && !h.plural && first > 0 && !(opensSentence && VERDICTS_ON_THINGS.has(tokens[h.end - 1]!.norm))) return "the person addressed";
    // "look at this absolute melt": someone pointed out to the readers.
    if (first >= 3 && (tokens[first - 1]!.norm === "this" || tokens[first - 1]!.norm === "that") && tokens[first - 2]!.norm === "at" && LOOK.has(tokens[first - 3]!.norm) && inSentence(first - 3)) return "someone";
    // "What a berk", "what a numpty our goalkeeper is".
    if (before >= 0 && tokens[before]!.norm === "what") {
      if (endsClause) return "someone";
      // "What a numpty our goalkeeper is" names a person; "what a joke this timetable is" a thing.
      for (let j = h.end; j < Math.min(tokens.length, h.end + 5) && inSentence(j); j++) {
        const w = tokens[j]!.norm;
        if (PERSONS.has(w) || THIRD_PERSON.has(w) || YOU.has(w) || (j > h.end && /^\p{Lu}/u.test(tokens[j]!.text))) return "someone";
        if (LINKS.has(w)) break;
      }
      return null;
    }
  }
  // "What a pathetic little man you are."
  if (before >= 0 && tokens[before]!.norm === "what" && tokens.slice(h.end, h.end + 4).some((t, k) => YOU.has(t.norm) && inSentence(h.end + k))) return "the person addressed";
  // Someone described: "the mayor is a total bozo", "he's a weasel", "Okoro is a donkey", "the keeper is a liability and a clown".
  let linkAt = -1;
  for (let j = h.start - 1; j >= Math.max(0, h.start - 7) && inSentence(j); j--) {
    const w = words[j]!;
    if (LINKS.has(w) || LINKED_SUBJECTS.has(w) || w.endsWith("'s") || (LIKENING.has(w) && j > 0)) {
      linkAt = j;
      break;
    }
    if (CLAUSE_STOPS.has(w) || (layout.clauseBreak[j + 1] && !MODIFIERS.has(w) && !MODIFIERS.has(words[j + 1] ?? ""))) break;
  }
  if (linkAt < 0) return null;
  const subject = subjectOf(ctx, layout, linkAt, words);
  if (h.kind !== "adj" || !subject) return subject;
  const plural = words[linkAt] === "are" || words[linkAt] === "were";
  if (plural) return AGENTIVE.test(words[linkAt - 1] ?? "") || PERSONS.has(words[linkAt - 1] ?? "") ? subject : null;
  return SHARP.has(words[h.start]!) ? subject : null;
}

/** Verbs that liken a subject to what follows, as a link does: "Jean sounds like a miserable old bat". Third person only ("look at…" is an imperative). */
const LIKENING = new Set(["sounds", "looks", "seems", "sounded", "looked", "seemed", "acts", "acted"]);
const LOOK = new Set(["look", "looking", "check", "imagine"]);

/** Insult nouns that, opening a sentence alone ("Absolute joke.", "Total disgrace, …"), usually judge a decision or a situation. */
const VERDICTS_ON_THINGS = new Set(["joke", "disgrace", "embarrassment", "waste", "trash", "garbage", "fraud"]);

/** Words too common to gate a phrase on. */
const EVERYDAY = new Set(["old", "a", "an", "of", "it", "all", "the", "case", "act", "wet", "know"]);

/** Any of these words lets the insult rules run (disguised spellings are in the comment's words as the word they stand for). */
const GATE = new Set([
  ...I.nameCalling.flatMap((e) => [e.base, ...(e.forms ?? [])].map((f) => f.split(" ")[0]!)),
  // A phrase is gated on its longest word that is not an everyday one: "old bat" on "bat", since "old" is in many comments.
  ...[...NOUNS.values()].flat().map((words) => words.filter((w) => !EVERYDAY.has(w)).reduce((a, b) => (b.length > a.length ? b : a), "") || words[0]!),
  ...ADJECTIVES,
  ...GROUP_NOUNS,
  ...RUIN,
  "sad",
  "little",
]);

/** Insults with a target, each flag naming the word and who it is aimed at. */
export function targetedInsultFlags(original: CommentContext): Flag[] {
  if (!hasAny(original, GATE)) return [];
  // Disguised spellings ("st00pid", "c*nt") are read as the word they stand for.
  const ctx: View = original.tokens.every((t) => t.ascii) ? original : { body: original.body, sentences: original.sentences, plain: original.plain, tokens: original.tokens.map((t) => (t.ascii ? t : { ...t, norm: original.plain.slice(t.start, t.end).trim() || t.norm })) };
  const hits = findInsultWords(ctx);
  const hasGroupNoun = ctx.tokens.some((t) => GROUP_NOUNS.has(t.norm));
  const blame = ctx.tokens.some((t) => RUIN.has(t.norm));
  const plainPerson = ctx.tokens.some((t) => PLAIN_PERSONS.has(t.norm));
  if (!hits.length && !hasGroupNoun && !blame && !plainPerson) return [];
  const layout = layoutOf(ctx);
  const tokens = ctx.tokens;
  const words = tokens.map((t) => t.norm);
  const flags: Flag[] = [];
  for (const h of hits) {
    if (excused(ctx, layout, h)) continue;
    const target = targetOf(ctx, layout, h, words);
    const start = tokens[h.start]!.start;
    const end = tokens[h.end - 1]!.end;
    const word = ctx.body.slice(start, end);
    if (target) flags.push(spanFlag(original, "insult", target === "the person addressed" ? "insult.addressed" : "insult.name-calling", start, end, `"${word}" is aimed at ${target}: name-calling.`, h.kind === "name" ? 0.8 : 0.7));
    else if (h.kind === "name") flags.push(spanFlag(original, "insult", "insult.name-calling", start, end, `"${word}" is name-calling.`, 0.75));
  }
  if (hasGroupNoun) flags.push(...groupAbuse(ctx, layout, original));
  if (blame) flags.push(...groupBlame(ctx, layout, original));
  if (!flags.length && plainPerson) flags.push(...belittled(ctx, layout, original));
  return flags;
}
