import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { DEHUMANISING, GROUP_TERMS, IDENTITY_SLURS, INSULT_PACK } from "../lexicon";
import { findWords, indexLexicon } from "../lexicon-match";
import type { Token } from "../text";
import { indexPhrases, layoutOf, phraseAt, type Layout } from "./slur-phrases";

/**
 * Name-calling modelled as roles: an insulting word and who it is aimed at.
 * A target is the reader ("you clown", "are you dense?"), someone addressed
 * ("Get lost, jerk."), someone named or described ("the mayor is a total
 * bozo", "he's a weasel", "what a numpty our keeper is") or a group that is
 * not protected ("estate agents are leeches"). The same words stay clean when
 * negated ("you're not stupid"), said of oneself ("I'm such an idiot"),
 * reported ("don't call people idiots") or said of a thing ("the tool shed").
 */

const I = INSULT_PACK;
type Kind = "name" | "noun" | "adj";

const plurals = (noun: string) => [noun, `${noun}s`, `${noun}es`, ...(noun.endsWith("y") ? [`${noun.slice(0, -1)}ies`] : [])];
const NAME_CALLING = indexLexicon(I.nameCalling);
const NOUNS = indexPhrases(I.insultNouns.flatMap((n) => (n.includes(" ") ? [n] : plurals(n))));
const ADJECTIVES = new Set(I.insultAdjectives);
/** Nouns an insulting adjective may stand before and still be aimed at the person: "you stupid faggot", "you useless prat". */
const ABUSIVE_NOUNS = new Set([...I.nameCalling, ...IDENTITY_SLURS].flatMap((e) => [e.base, ...(e.forms ?? [])]));
const SHARP = new Set(I.sharpAdjectives);
/** Said of a whole group that is not protected, these nouns abuse it too: "landlords are leeches". */
const GROUP_NOUNS = new Set(DEHUMANISING.filter((w) => !w.includes(" ")));
/** Protected groups, named plainly or by a slur: what is said of them is for the slur phase to judge. */
const PROTECTED = new Set([...GROUP_TERMS, ...IDENTITY_SLURS.flatMap((e) => [e.base, ...(e.forms ?? [])])]);
const MODIFIERS = new Set([...I.intensifiers, ...I.insultAdjectives]);
const PERSONS = new Set(I.personNouns);
const SELF = new Set(I.selfCues);
const REPORTING = new Set(I.reportingCues);
const THINGS = new Set(I.aimedAtThings);
const YOU = new Set(["you", "u", "ya", "yer", "youse", "you're", "youre", "ur"]);
const LINKS = new Set(["is", "are", "was", "were", "'s", "be", "being", "r", "am", "become", "remains"]);
const LINKED_SUBJECTS = new Map([["he's", "he"], ["she's", "she"], ["they're", "they"], ["you're", "you"], ["youre", "you"], ["it's", "it"], ["that's", "that"], ["i'm", "i"], ["we're", "we"]]);
const THIRD_PERSON = new Set(["he", "she", "they", "him", "her", "them"]);
const NEGATIONS = new Set(["not", "no", "never", "nobody", "noone", "don't", "dont", "isn't", "aren't", "wasn't", "weren't", "ain't", "hardly", "neither"]);
/** Words that may stand between a negation, a speaker or a link and the insult without breaking the tie. */
const BRIDGE = new Set([...MODIFIERS, ...LINKS, ...YOU, "here", "thinks", "think", "thought", "said", "says", "believes", "felt", "feel", "feeling", "look", "looked", "looks", "like", "sound", "sounds", "act", "acting", "at", "all", "one", "of", "just", "even", "quite", "bit"]);
/** What may stand between the writer and an insult they aim at themselves: "I felt like a right plonker", "we were such fools". */
const SELF_BRIDGE = new Set([...MODIFIERS, ...LINKS, "felt", "feel", "feeling", "look", "looked", "like", "sound", "such", "just", "quite", "bit", "being"]);
const ANYONE = new Set(["anyone", "anybody", "whoever", "everyone", "everybody", "only", "somebody", "someone"]);
/** Words that start the subject after "what a numpty …": "what a numpty our keeper is". */
/** Words after an adjective that show it is said of the subject ("too stupid to …", "thick as …"), not of a following noun ("useless app"). */
const PREDICATIVE_NEXT = new Set(["to", "and", "or", "as", "of", "for", "if", "because", "but", "in", "at", "mate", "lol", "tbh", "honestly", "really", "sometimes", "then", "now", "today", "you", "u", "man", "woman", "person", "boy", "girl", "people", "little"]);
/** Words that may follow an insult noun that is the whole insult: "a liar and a coward", "a disgrace to the profession". */
const NOUN_NEXT = new Set(["and", "or", "but", "nor", "who", "that", "which", "like", "to", "if", "when", "because", "at", "in", "on", "with", "mate", "lol", "then", "now", "here", "there", "too", "honestly", "seriously", "tbh", "you", "yourself", "as", "than", "since", "all", "every", "anyway", "innit", "pal", "son", "lad", "eh", "right", "why", "what", "so",
  "who's", "who'd", "who'll", "who've", "tonight", "today", "yesterday", "again", "lately", "sometimes", "always", "really", "mind", "frankly", "for"]);
/** Words a subject noun phrase cannot reach back over. */
const SUBJECT_STOPS = new Set(["and", "or", "but", "is", "are", "was", "were", "because", "so", "if", "when", "than"]);
/** Words that end the clause an insult's subject can be found in. */
const CLAUSE_STOPS = new Set(["who", "which", "that", "because", "if", "when", "but", "while", "whereas", "although"]);
/** Plural nouns for people by what they do ("Londoners", "cyclists", "politicians"): adjectives said of them insult a group. */
const AGENTIVE = /(?:ers|ors|ists|ians|ans|ites|ees|fans|folk|people|men|women|kids|lads|guys|voters|boomers)$/;
const PRONOUN_STARTS = new Set(["our", "the", "your", "their", "his", "her", "he", "she", "that", "this", "you"]);

/** What these rules read of a comment: its tokens may be a disguise-free copy of the context's. */
type View = Pick<CommentContext, "body" | "tokens" | "sentences" | "plain">;

interface Hit {
  start: number;
  end: number;
  kind: Kind;
  plural: boolean;
}

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

/** Walks back from token `at` over bridge words within the clause; returns the first other word's index, or -1. */
function walkBack(tokens: readonly Token[], layout: Layout, at: number, bridge: ReadonlySet<string> = BRIDGE): number {
  for (let j = at - 1; j >= 0 && layout.sentence[j] === layout.sentence[at]; j--) {
    if (layout.clauseBreak[j + 1] && j + 1 <= at - 1 && !MODIFIERS.has(tokens[j]!.norm)) return -1;
    const w = tokens[j]!.norm;
    if (!bridge.has(w)) return j;
  }
  return -1;
}

/** Why the insulting word is not an insult here, or null: negated, said of oneself, reported, part of a compound. */
function excused(ctx: View, layout: Layout, h: Hit): string | null {
  const tokens = ctx.tokens;
  if (/^-\p{L}/u.test(ctx.body.slice(tokens[h.end - 1]!.end, tokens[h.end - 1]!.end + 2))) return "compound"; // "idiot-proof"
  for (let j = h.start - 1; j >= Math.max(0, h.start - 6) && layout.sentence[j] === layout.sentence[h.start]; j--) {
    const w = tokens[j]!.norm;
    if (YOU.has(w)) break;
    if (REPORTING.has(w)) return "reported";
  }
  const before = walkBack(tokens, layout, h.start);
  const w = before >= 0 ? tokens[before]!.norm : "";
  if (NEGATIONS.has(w) || w.endsWith("n't")) return "negated";
  // The speaker is the subject only when no "you" or third person stands between: "I think you're an idiot" is aimed at the reader.
  const speaker = walkBack(tokens, layout, h.start, SELF_BRIDGE);
  const s = speaker >= 0 ? tokens[speaker]!.norm : "";
  if (SELF.has(s) || LINKED_SUBJECTS.get(s) === "i" || LINKED_SUBJECTS.get(s) === "we") return "self";
  // "Nobody here thinks you're an idiot": the negation governs the clause that holds the insult.
  for (let j = h.start - 1; j >= Math.max(0, h.start - 6) && layout.sentence[j] === layout.sentence[h.start]; j--) {
    const v = tokens[j]!.norm;
    if ((v === "nobody" || v === "noone") && tokens.slice(j + 1, h.start).every((t) => BRIDGE.has(t.norm))) return "negated";
  }
  return null;
}

/** Who the insult is aimed at, as a short phrase for the explanation, or null when nobody is. */
function targetOf(ctx: View, layout: Layout, h: Hit, words: readonly string[]): string | null {
  const tokens = ctx.tokens;
  const sentence = layout.sentence[h.start];
  const inSentence = (j: number) => j >= 0 && j < tokens.length && layout.sentence[j] === sentence;
  const after = tokens[h.end]?.norm ?? "";
  // "tool maker", "creature of habit", "clown car": the noun is part of a longer name for something else.
  if (h.kind === "noun" && inSentence(h.end) && !layout.clauseBreak[h.end] && !NOUN_NEXT.has(after) && !LINKS.has(after)) return null;
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
    if (startsClause && endsClause && !h.plural && first > 0) return "the person addressed";
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
    if (LINKS.has(w) || LINKED_SUBJECTS.has(w) || w.endsWith("'s")) {
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

/** The subject before the link at `linkAt`: a person, a group that is not protected, or null (a thing, a protected group). */
function subjectOf(ctx: View, layout: Layout, linkAt: number, words: readonly string[]): string | null {
  const tokens = ctx.tokens;
  const linkWord = words[linkAt]!;
  const fused = LINKED_SUBJECTS.get(linkWord);
  if (fused === "they" || words[linkAt - 1] === "they") {
    // "Women … they're too emotional": "they" is a protected group named before, which the slur phase judges.
    if (words.slice(0, linkAt).some((w) => PROTECTED.has(w))) return null;
  }
  if (fused) return THIRD_PERSON.has(fused) ? fused : null;
  // "The manager's a useless …": the subject and the link in one token.
  if (linkWord.endsWith("'s")) {
    const noun = linkWord.slice(0, -2);
    if (PERSONS.has(noun) || /^\p{Lu}/u.test(tokens[linkAt]!.text) && linkAt > 0) return tokens[linkAt]!.text.slice(0, -2);
    return null;
  }
  let first = linkAt;
  // The subject is the noun phrase just before the link: "the board is useless and the decision is a joke" → "the decision".
  while (first > 0 && layout.sentence[first - 1] === layout.sentence[linkAt] && !layout.clauseBreak[first] && linkAt - first < 8 && !SUBJECT_STOPS.has(words[first - 1]!)) first--;
  const subject = tokens.slice(first, linkAt);
  const last = subject.at(-1);
  if (!last || THINGS.has(last.norm)) return ANYONE.has(subject[0]?.norm ?? "") ? "whoever is meant" : null;
  if (subject.some((t) => PROTECTED.has(t.norm))) return null; // a protected group: the slur phase judges it
  if (subject.some((t) => THIRD_PERSON.has(t.norm) || PERSONS.has(t.norm) || ANYONE.has(t.norm))) return subject.map((t) => t.text).join(" ");
  if (subject.some((t, k) => /^\p{Lu}\p{Ll}/u.test(t.text) && (k > 0 || first > 0 || subject.length === 1))) return subject.map((t) => t.text).join(" ");
  // A plural subject said to be insult nouns: "estate agents are bloodsucking leeches".
  if ((linkWord === "are" || linkWord === "were") && subject.some((t) => t.norm.length > 3 && t.norm.endsWith("s"))) return subject.map((t) => t.text).join(" ");
  return null;
}

/** Abuse of a group that is not protected, with the dehumanising nouns too: "Landlords are leeches", "those lads are animals". */
function groupAbuse(ctx: View, layout: Layout, original: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  const flags: Flag[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!GROUP_NOUNS.has(tokens[i]!.norm)) continue;
    const hit: Hit = { start: i, end: i + 1, kind: "noun", plural: true };
    let linkAt = -1;
    let unknown = 0;
    for (let j = i - 1; j >= Math.max(0, i - 6) && layout.sentence[j] === layout.sentence[i]; j--) {
      if (tokens[j]!.norm === "are" || tokens[j]!.norm === "were") {
        linkAt = j;
        break;
      }
      if (!MODIFIERS.has(tokens[j]!.norm) && (unknown++ > 0 || layout.clauseBreak[j + 1])) break;
    }
    if (linkAt < 0 || excused(ctx, layout, hit)) continue;
    const who = subjectOf(ctx, layout, linkAt, tokens.map((t) => t.norm));
    if (!who) continue;
    const start = tokens[linkAt]!.start;
    flags.push(spanFlag(original, "insult", "insult.group-abuse", start, tokens[i]!.end, `Calls ${who} "${tokens[i]!.text}": abuses a group of people (not for who they are, so an insult rather than a slur).`, 0.7));
  }
  return flags;
}

/** "Landlords ruin every street", "Boomers ruined everything": harm pinned on a whole group that is not protected. */
const RUIN = new Set(["ruin", "ruins", "ruined", "ruining", "destroy", "destroys", "destroyed", "wreck", "wrecks", "wrecked"]);
const WHOLE = new Set(["every", "everything", "all", "our"]);

function groupBlame(ctx: View, layout: Layout, original: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  for (let i = 1; i < tokens.length; i++) {
    if (!RUIN.has(tokens[i]!.norm) || !WHOLE.has(tokens[i + 1]?.norm ?? "")) continue;
    const subject = tokens[i - 1]!.norm;
    const first = i - 1 === 0 || layout.sentence[i - 2] !== layout.sentence[i - 1] || layout.clauseBreak[i - 1];
    if (!first || !(AGENTIVE.test(subject) || PERSONS.has(subject) || PERSONS.has(subject.slice(0, -1))) || PROTECTED.has(subject)) continue;
    return [spanFlag(original, "insult", "insult.group-abuse", tokens[i - 1]!.start, tokens[i + 1]!.end, `Blames ${tokens[i - 1]!.text} as a whole for ruining things: abuses a group (not a protected one, so an insult rather than a slur).`, 0.6)];
  }
  return [];
}

/** Any of these words lets the insult rules run (disguised spellings are in the comment's words as the word they stand for). */
const GATE = new Set([
  ...I.nameCalling.flatMap((e) => [e.base, ...(e.forms ?? [])].map((f) => f.split(" ")[0]!)),
  ...[...NOUNS.keys()],
  ...ADJECTIVES,
  ...GROUP_NOUNS,
  ...RUIN,
  "sad",
  "little",
]);

/** "you sad little man", "you pathetic woman": a plain word for a person, made an insult by what stands before it, said to the reader. */
const PLAIN_PERSONS = new Set(["man", "woman", "boy", "girl", "person", "thing", "specimen", "individual", "creature", "people"]);
const BELITTLING = new Set([...I.insultAdjectives, "sad", "bitter", "little", "pathetic", "silly", "nasty", "horrible", "miserable", "odious", "sorry"]);

function belittled(ctx: View, layout: Layout, original: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  for (let i = 2; i < tokens.length; i++) {
    if (!PLAIN_PERSONS.has(tokens[i]!.norm) || !BELITTLING.has(tokens[i - 1]!.norm)) continue;
    let j = i - 1;
    while (j > 0 && i - j < 4 && (BELITTLING.has(tokens[j]!.norm) || MODIFIERS.has(tokens[j]!.norm)) && layout.sentence[j - 1] === layout.sentence[i]) j--;
    if (!YOU.has(tokens[j]!.norm)) continue;
    const start = tokens[j]!.start;
    return [spanFlag(original, "insult", "insult.addressed", start, tokens[i]!.end, `"${ctx.body.slice(start, tokens[i]!.end)}" belittles the person addressed.`, 0.65)];
  }
  return [];
}

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
