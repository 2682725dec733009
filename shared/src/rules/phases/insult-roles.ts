import type { CommentContext } from "../context";
import { DEHUMANISING, GROUP_TERMS, IDENTITY_SLURS, INSULT_PACK } from "../lexicon";
import { indexLexicon } from "../lexicon-match";
import type { Token } from "../text";
import { indexPhrases, type Layout } from "./slur-phrases";

/**
 * Name-calling modelled as roles: an insulting word and who it is aimed at.
 * A target is the reader ("you clown", "are you dense?"), someone addressed
 * ("Get lost, jerk."), someone named or described ("the mayor is a total
 * bozo", "he's a weasel", "what a numpty our keeper is") or a group that is
 * not protected ("estate agents are leeches"). The same words stay clean when
 * negated ("you're not stupid"), said of oneself ("I'm such an idiot"),
 * reported ("don't call people idiots") or said of a thing ("the tool shed").
 */

export const I = INSULT_PACK;
export type Kind = "name" | "noun" | "adj";

const plurals = (noun: string) => [noun, `${noun}s`, `${noun}es`, ...(noun.endsWith("y") ? [`${noun.slice(0, -1)}ies`] : [])];
export const NAME_CALLING = indexLexicon(I.nameCalling);
export const NOUNS = indexPhrases(I.insultNouns.flatMap((n) => (n.includes(" ") ? [n] : plurals(n))));
export const ADJECTIVES = new Set(I.insultAdjectives);
/** Nouns an insulting adjective may stand before and still be aimed at the person: "you stupid faggot", "you useless prat". */
export const ABUSIVE_NOUNS = new Set([...I.nameCalling, ...IDENTITY_SLURS].flatMap((e) => [e.base, ...(e.forms ?? [])]));
export const SHARP = new Set(I.sharpAdjectives);
/** Said of a whole group that is not protected, these nouns abuse it too: "landlords are leeches". */
export const GROUP_NOUNS = new Set(DEHUMANISING.filter((w) => !w.includes(" ")));
/** Protected groups, named plainly or by a slur: what is said of them is for the slur phase to judge. */
export const PROTECTED = new Set([...GROUP_TERMS, ...IDENTITY_SLURS.flatMap((e) => [e.base, ...(e.forms ?? [])])]);
export const MODIFIERS = new Set([...I.intensifiers, ...I.insultAdjectives]);
export const PERSONS = new Set(I.personNouns);
export const SELF = new Set(I.selfCues);
export const REPORTING = new Set(I.reportingCues);
export const THINGS = new Set(I.aimedAtThings);
export const YOU = new Set(["you", "u", "ya", "yer", "youse", "you're", "youre", "ur"]);
export const LINKS = new Set(["is", "are", "was", "were", "'s", "be", "being", "r", "am", "become", "remains"]);
export const LINKED_SUBJECTS = new Map([["he's", "he"], ["she's", "she"], ["they're", "they"], ["you're", "you"], ["youre", "you"], ["it's", "it"], ["that's", "that"], ["i'm", "i"], ["we're", "we"]]);
export const THIRD_PERSON = new Set(["he", "she", "they", "him", "her", "them"]);
export const NEGATIONS = new Set(["not", "no", "never", "nobody", "noone", "don't", "dont", "isn't", "aren't", "wasn't", "weren't", "ain't", "hardly", "neither"]);
/** Words that may stand between a negation, a speaker or a link and the insult without breaking the tie. */
export const BRIDGE = new Set([...MODIFIERS, ...LINKS, ...YOU, "here", "thinks", "think", "thought", "said", "says", "believes", "felt", "feel", "feeling", "look", "looked", "looks", "like", "sound", "sounds", "act", "acting", "at", "all", "one", "of", "just", "even", "quite", "bit"]);
/** What may stand between the writer and an insult they aim at themselves: "I felt like a right plonker", "we were such fools". */
export const SELF_BRIDGE = new Set([...MODIFIERS, ...LINKS, "felt", "feel", "feeling", "look", "looked", "like", "sound", "such", "just", "quite", "bit", "being"]);
export const ANYONE = new Set(["anyone", "anybody", "whoever", "everyone", "everybody", "only", "somebody", "someone"]);
/** Words that start the subject after "what a numpty …": "what a numpty our keeper is". */
/** Words after an adjective that show it is said of the subject ("too stupid to …", "thick as …"), not of a following noun ("useless app"). */
export const PREDICATIVE_NEXT = new Set(["to", "and", "or", "as", "of", "for", "if", "because", "but", "in", "at", "mate", "lol", "tbh", "honestly", "really", "sometimes", "then", "now", "today", "you", "u", "man", "woman", "person", "boy", "girl", "people", "little"]);
/** Words that may follow an insult noun that is the whole insult: "a liar and a coward", "a disgrace to the profession". */
export const NOUN_NEXT = new Set(["and", "or", "but", "nor", "who", "that", "which", "like", "to", "if", "when", "because", "at", "in", "on", "with", "mate", "lol", "then", "now", "here", "there", "too", "honestly", "seriously", "tbh", "you", "yourself", "as", "than", "since", "all", "every", "anyway", "innit", "pal", "son", "lad", "eh", "right", "why", "what", "so",
  "who's", "who'd", "who'll", "who've", "tonight", "today", "yesterday", "these", "nowadays", "again", "lately", "sometimes", "always", "really", "mind", "frankly", "for"]);
/** Words a subject noun phrase cannot reach back over. */
export const SUBJECT_STOPS = new Set(["and", "or", "but", "is", "are", "was", "were", "because", "so", "if", "when", "than"]);
/** Words that end the clause an insult's subject can be found in. */
export const CLAUSE_STOPS = new Set(["who", "which", "that", "because", "if", "when", "but", "while", "whereas", "although"]);
/** Plural nouns for people by what they do ("Londoners", "cyclists", "politicians"): adjectives said of them insult a group. */
export const AGENTIVE = /(?:ers|ors|ists|ians|ans|ites|ees|fans|folk|people|men|women|kids|lads|guys|voters|boomers)$/;
export const PRONOUN_STARTS = new Set(["our", "the", "your", "their", "his", "her", "he", "she", "that", "this", "you"]);

/** What these rules read of a comment: its tokens may be a disguise-free copy of the context's. */
export type View = Pick<CommentContext, "body" | "tokens" | "sentences" | "plain">;

export interface Hit {
  start: number;
  end: number;
  kind: Kind;
  plural: boolean;
}

/** Walks back from token `at` over bridge words within the clause; returns the first other word's index, or -1. */
export function walkBack(tokens: readonly Token[], layout: Layout, at: number, bridge: ReadonlySet<string> = BRIDGE): number {
  for (let j = at - 1; j >= 0 && layout.sentence[j] === layout.sentence[at]; j--) {
    if (layout.clauseBreak[j + 1] && j + 1 <= at - 1 && !MODIFIERS.has(tokens[j]!.norm)) return -1;
    const w = tokens[j]!.norm;
    if (!bridge.has(w)) return j;
  }
  return -1;
}

/**
 * Nouns for an act or a choice: an insult word right before one describes the act ("dick move", "idiot decision").
 * Not what someone said ("idiot take", "moron comment"): that calls its writer the name.
 */
const ACTS = new Set(["move", "moves", "decision", "decisions", "idea", "ideas", "logic", "behaviour", "behavior", "tactics", "mistake", "policy", "choice", "driving", "parking"]);

/** Why the insulting word is not an insult here, or null: negated, said of oneself, reported, part of a compound. */
export function excused(ctx: View, layout: Layout, h: Hit): string | null {
  const tokens = ctx.tokens;
  if (/^-\p{L}/u.test(ctx.body.slice(tokens[h.end - 1]!.end, tokens[h.end - 1]!.end + 2))) return "compound"; // "idiot-proof"
  // "a dick move", "asshat decision by the council": the word describes an act, not a person.
  const next = tokens[h.end];
  if (next && ACTS.has(next.norm) && /^\s+$/.test(ctx.body.slice(tokens[h.end - 1]!.end, next.start))) return "compound";
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

/** Capitalised words with "'s" that open a sentence without being a name ("Here's a clown for you"). */
const NOT_NAMES = new Set(["here", "there", "what", "who", "where", "how", "when", "why", "let", "that", "it", "this", "everyone", "everybody", "everything", "nothing", "nobody", "somebody", "someone", "one", "today", "tonight", "mine", "yours", "he", "she"]);

/** The subject before the link at `linkAt`: a person, a group that is not protected, or null (a thing, a protected group). */
export function subjectOf(ctx: View, layout: Layout, linkAt: number, words: readonly string[]): string | null {
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
    if (PERSONS.has(noun) || (/^\p{Lu}/u.test(tokens[linkAt]!.text) && (linkAt > 0 || !NOT_NAMES.has(noun)))) return tokens[linkAt]!.text.slice(0, -2);
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
