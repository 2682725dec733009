import type { Word } from "./nlp";
import type { CompiledThreatPack } from "./pack/threat";

/**
 * A small clause reader for threats: around each harm word of a sentence it finds who is harmed
 * (the object of an active verb, or the subject of a passive or of a dying verb) and what the
 * writer does with the harm (intends it, calls for it, wishes it). Roles decide, not phrase lists:
 * "I'll cut you" has a human object and an intent; "I'll cut you a slice" is a gift;
 * "this deadline is killing me" harms the writer, who is never a threat to themselves.
 */

export type TargetKind = "pronoun" | "person" | "name" | "body" | "belonging" | "self" | "writer";

export interface Target {
  kind: TargetKind;
  /** Word indexes [from, to) of the target phrase. */
  from: number;
  to: number;
}

/** One harm in a sentence, read from its clause. */
export interface HarmEvent {
  /** Index of the harm word. */
  at: number;
  lemma: string;
  target: Target | null;
  /** The harm's target is its grammatical subject: "he should be shot", "I hope he dies". */
  passive: boolean;
  /** Index of the first word of the clause the harm belongs to. */
  clauseStart: number;
  /** The harm word ends a phrase such as "run … over" or "put … in the ground": index of its last word. */
  lastWord: number;
}

const DETERMINERS = new Set(["a", "an", "the", "this", "that", "these", "those", "my", "our", "its", "no", "any", "every", "each", "some", "another", "one", "great", "good", "cheap", "first", "big", "long"]);
const NP_OPENERS = new Set(["the", "that", "this", "those", "these", "every", "each", "all", "some", "a", "an", "any", "last", "single", "whole", "next", "of", "so-called", "so", "-", "called", "entire", "other", "whichever", "whatever"]);
const SKIP_BEFORE_OBJECT = new Set(["up", "down", "out", "off", "over", "fucking", "bloody", "right", "just", "properly"]);
const UNCHANGED_PARTICIPLES = new Set(["cut", "hit", "put", "set", "slit", "shut", "hurt", "beat", "run"]);
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "you", "'em", "em", "u"]);
const SMALL_CLAUSE_VERBS = new Set(["see", "want", "have", "get", "like", "love", "need", "watch", "wanna"]);
const BE_GET = new Set(["be", "get"]);
const ADVERB_FILL = new Set(["just", "all", "really", "finally", "publicly", "slowly", "properly", "also", "then", "actually", "brutally", "both", "literally", "eventually"]);
/** Punctuation and words that start a new clause. */
const CLAUSE_BREAK = new Set([",", ";", ":", "(", ")", "\"", "“", "”", "—", "–", "-", "but", "because", "cos", "although", "though", "while", "whereas", "since", "whilst", "unless", "when", "where", "who", "which"]);
const COORDINATORS = new Set(["and", "or", "then", "&"]);
/** Words that open an instrument between a verb and its preposition ("drive a lorry into", "slip something into"). */
const INSTRUMENT_OPENERS = new Set(["a", "an", "the", "his", "her", "my", "their", "your", "some", "something", "that", "this", "straight", "right", "clean", "just"]);
const SUBJECT_WORDS = new Set(["i", "we", "you", "he", "she", "they", "it", "someone", "somebody", "everyone", "anyone", "nobody", "people"]);

/** The harm events of one analysed sentence. */
export function readHarms(words: Word[], pack: CompiledThreatPack): HarmEvent[] {
  const events: HarmEvent[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lemma = pack.triggerForms.get(w.lower) ?? pack.irregular.get(w.lower) ?? w.lemma;
    const phrase = matchPhrase(words, i, lemma, pack);
    const harm = pack.harmVerbs.has(lemma) || pack.dyingVerbs.has(lemma);
    if (pack.deathStates.has(w.lower) && isDeathWished(words, i, pack)) {
      // "I want him dead", "he should be dead": a death state whose subject is the one harmed.
      const clauseStart = findClauseStart(words, i);
      events.push({ at: i, lemma: "dead", target: readSubject(words, i, clauseStart, pack), passive: true, clauseStart, lastWord: i });
      continue;
    }
    if (!harm && !phrase) continue;
    if (!phrase && looksLikeNoun(words, i)) continue;
    const passive = isPassive(words, i, lemma);
    const clauseStart = findClauseStart(words, i);
    // "Everyone who voted for this should be executed": the harmed subject may sit before a relative clause.
    const subjectFrom = /^(?:who|that|which)$/.test(words[clauseStart - 1]?.lower ?? "") ? findClauseStart(words, clauseStart - 1) : clauseStart;
    let target: Target | null = null;
    let lastWord = i;
    if (phrase) {
      lastWord = phrase.end - 1;
      target = phrase.gap ? readObject(words, i + 1, pack, phrase.end - phrase.tail) : readObject(words, phrase.end, pack);
      // "drive a lorry into their march": a vehicle or a thing between the verb and its preposition is the instrument; the target follows.
      if (!target && phrase.gap && INSTRUMENT_OPENERS.has(words[i + 1]!.lower) && /^(?:into|through|over|on|at)$/.test(words[phrase.end - 1]!.lower)) {
        target = readObject(words, phrase.end, pack) ?? readCrowdPlace(words, phrase.end, pack);
      }
      if (!target && !phrase.gap) target = passive ? readSubject(words, i, subjectFrom, pack) : null;
      // "I hope you end up in a wheelchair": the one who ends up there is the subject.
      if (!target && phrase.name.startsWith("end up ")) {
        target = readSubject(words, i, subjectFrom, pack);
        events.push({ at: i, lemma: phrase.name, target, passive: true, clauseStart, lastWord });
        continue;
      }
    } else if (passive) {
      target = readSubject(words, i, subjectFrom, pack);
    } else {
      target = readObject(words, i + 1, pack);
      if (!target && pack.dyingVerbs.has(lemma)) {
        const subject = readSubject(words, i, subjectFrom, pack);
        // "Die in a fire", "Rot.": a dying verb opening its clause is said to the reader.
        const addressed = !subject && isClauseOpening(words, clauseStart, i) && ADDRESSED_DEATH.test(sentenceAfter(words, i));
        events.push({ at: i, lemma, target: addressed ? { kind: "self", from: i, to: i + 1 } : subject, passive: !addressed, clauseStart, lastWord });
        continue;
      }
    }
    if (target && pack.needsBodyPart.has(lemma) && !phrase && target.kind !== "body") target = null;
    // "shoot up the school", "bomb the mosque": a place where people gather, harmed with them in it.
    if (!target && !passive && pack.crowdHarms.has(phrase ? phrase.name : lemma)) target = readCrowdPlace(words, phrase ? phrase.end : i + 1, pack);
    events.push({ at: i, lemma: phrase ? phrase.name : lemma, target, passive, clauseStart, lastWord });
  }
  return events;
}

/** Words after "dead" that make it an intensifier or an idiom: "dead tired", "dead to me", "dead end". */
const DEAD_IDIOM = /^(?:to|tired|easy|right|on|end|serious|good|quiet|heat|weight|cert|set|against|ringer|ahead|wrong|funny|centre|center|last|simple|proud|lucky|happy|slow|boring|cheap|keen|chuffed|straight|still|certain|sure|body|battery|phone|zone|loss|ball|air|and|or|in|inside|man|woman|meat|people|horse|rubber|wood|leaves|skin|giveaway|cat|duck|letter)$/;
const ADDRESSED_DEATH = /^\s*(?:$|[.!,;]|in a\b|in agony|already|slowly|painfully|alone|you\b|u\b|pls|please|now\b|quickly)/;

function isDeathWished(words: Word[], i: number, pack: CompiledThreatPack): boolean {
  const next = words[i + 1]?.lower ?? "";
  const prev = words[i - 1];
  if (DEAD_IDIOM.test(next) || !prev) return false;
  return prev.lemma === "be" || pack.targetPronouns.has(prev.lower) || pack.persons.has(prev.lower) || prev.lower === "all";
}

function isClauseOpening(words: Word[], clauseStart: number, i: number): boolean {
  return words.slice(clauseStart, i).every((w) => /^(?:just|go|and|so|now|please|pls|then|seriously|honestly|literally|simply|do|us|all|a|favour|everyone|the|world)$/.test(w.lower));
}

function sentenceAfter(words: Word[], i: number): string {
  return words.slice(i + 1, i + 4).map((w) => w.lower).join(" ");
}

/** "run him over", "put you in the ground", "set fire to the house": the phrase's end, its tail length, and whether an object sits inside it. */
function matchPhrase(words: Word[], i: number, lemma: string, pack: CompiledThreatPack): { end: number; tail: number; gap: boolean; name: string } | null {
  const phrases = pack.phrasesByVerb.get(lemma) ?? pack.phrasesByVerb.get(words[i]!.lemma);
  if (!phrases) return null;
  for (const parts of phrases) {
    const tail = parts.slice(1);
    for (let gap = 0; gap <= 4; gap++) {
      const from = i + 1 + gap;
      if (tail.every((t, k) => words[from + k]?.lower === t || words[from + k]?.lemma === t)) return { end: from + tail.length, tail: tail.length, gap: gap > 0, name: parts.join(" ") };
      const between = words[from];
      if (!between || CLAUSE_BREAK.has(between.lower) || COORDINATORS.has(between.lower)) break;
    }
  }
  return null;
}

/** "a shot", "the cut", "one hit": a harm word used as a noun. */
function looksLikeNoun(words: Word[], i: number): boolean {
  const prev = words[i - 1];
  return !!prev && DETERMINERS.has(prev.lower) && words[i]!.pos !== "VERB";
}

/** "should be shot", "got stabbed", "want to see them hanged" (a participle after its noun). */
function isPassive(words: Word[], i: number, lemma: string): boolean {
  const w = words[i]!;
  // "she wants shooting", "they need running over": a gerund after need or want is passive.
  if (w.lower.endsWith("ing")) return /^(?:need|needs|needed|want|wants|deserve|deserves)$/.test(words[i - 1]?.lower ?? "");
  let j = i - 1;
  while (j >= 0 && ADVERB_FILL.has(words[j]!.lower)) j--;
  const prev = words[j];
  const participle = (w.lower !== lemma && /(?:ed|en|ung|ot|urnt|ut|it|ng)$/.test(w.lower)) || UNCHANGED_PARTICIPLES.has(w.lower);
  if (prev && BE_GET.has(prev.lemma)) return participle;
  // "see them hanged", "have his legs broken": a participle after the noun phrase of a seeing or having verb.
  if (!participle || !prev || !(prev.pos === "NOUN" || prev.pos === "PROPN" || OBJECT_PRONOUNS.has(prev.lower))) return false;
  return words.slice(Math.max(0, j - 5), j).some((v) => SMALL_CLAUSE_VERBS.has(v.lemma));
}

/** Where the harm's clause starts; a harm coordinated with an earlier verb ("drag them out and beat them") shares its clause. */
export function findClauseStart(words: Word[], i: number): number {
  let j = i - 1;
  while (j >= 0) {
    const w = words[j]!;
    if (CLAUSE_BREAK.has(w.lower) || (w.pos === "PUNCT" && w.lower !== "'")) return j + 1;
    if (COORDINATORS.has(w.lower) && words[j - 1]?.lower !== "me") {
      // A new subject after "and" starts a new clause: "say that again and I'll hit you".
      const next = words[j + 1];
      if (next && j + 1 < i && (SUBJECT_WORDS.has(next.lower) || next.pos === "PRON" || next.pos === "NOUN" || next.pos === "PROPN" || next.pos === "DET")) return j + 1;
    }
    j--;
  }
  return 0;
}

/** The human (or not) object of a verb starting at word `j`, up to `limit`. */
export function readObject(words: Word[], j: number, pack: CompiledThreatPack, limit = words.length): Target | null {
  while (j < limit && SKIP_BEFORE_OBJECT.has(words[j]!.lower)) j++;
  const w = words[j];
  if (!w || j >= limit) return null;
  const lower = w.lower;
  if (pack.writerWords.has(lower)) return { kind: "writer", from: j, to: j + 1 };
  if (/^(?:yourself|yourselves|urself|urselves)$/.test(lower)) return { kind: "self", from: j, to: j + 1 };
  if (pack.targetPronouns.has(lower)) return { kind: "pronoun", from: j, to: j + 1 + (words[j + 1]?.lower === "all" ? 1 : 0) };
  if (pack.possessives.has(lower)) return readPossessed(words, j, j + 1, pack);
  return readNounPhrase(words, j, pack);
}

/** "your (stupid) face", "his house", "their kids": what a person owns, up to three words on. */
function readPossessed(words: Word[], owner: number, j: number, pack: CompiledThreatPack): Target | null {
  for (let k = j; k < Math.min(words.length, j + 3); k++) {
    const lower = words[k]!.lower;
    if (pack.bodyParts.has(lower)) return { kind: "body", from: owner, to: k + 1 };
    if (pack.belongings.has(lower)) return { kind: "belonging", from: owner, to: k + 1 };
    if (pack.persons.has(lower)) return { kind: "person", from: owner, to: k + 1 };
    if (words[k]!.pos === "NOUN" && !/s$/.test(lower)) return null;
  }
  return null;
}

/** "the ref", "every last traitor", "the lot of them", "Dave", "the ref's neck", "every bone in your body". */
function readNounPhrase(words: Word[], j: number, pack: CompiledThreatPack): Target | null {
  const start = j;
  for (let k = j; k < Math.min(words.length, j + 7); k++) {
    const w = words[k]!;
    const lower = w.lower;
    if (pack.targetPronouns.has(lower) && words[k - 1]?.lower === "of") return { kind: "pronoun", from: start, to: k + 1 };
    if (pack.possessives.has(lower) && k > start) return readPossessed(words, start, k + 1, pack);
    // "the head teacher", "the head coach": a body-part word naming a person's role.
    if (pack.bodyParts.has(lower) && !pack.persons.has(words[k + 1]?.lower ?? "")) {
      // "every bone in your body": a body part owned through "in/of".
      const via = words[k + 1]?.lower;
      if ((via === "in" || via === "of") && words[k + 2] && pack.possessives.has(words[k + 2]!.lower)) return { kind: "body", from: start, to: k + 4 };
      return null;
    }
    if (pack.persons.has(lower) || (w.name && w.pos !== "VERB")) {
      // "the councillors' expenses" harms the expenses; "the ref's neck" harms the ref.
      const next = words[k + 1];
      if (next && (next.lower === "'s" || next.lower === "'" || next.lower === "s")) {
        const owned = words[k + 2];
        if (owned && (pack.bodyParts.has(owned.lower) || pack.belongings.has(owned.lower))) return { kind: pack.bodyParts.has(owned.lower) ? "body" : "belonging", from: start, to: k + 3 };
        if (owned && pack.persons.has(owned.lower)) return { kind: "person", from: start, to: k + 3 };
        return null;
      }
      // "the next one who says that": a person named by what they do.
      if ((lower === "one" || lower === "ones") && (next?.lower === "who" || next?.lower === "that")) return { kind: "person", from: start, to: k + 1 };
      if ((lower === "one" || lower === "all" || lower === "lot") && next?.lower !== "of" && k === start) return null;
      if (lower === "one" || lower === "all" || lower === "lot") continue;
      return { kind: pack.persons.has(lower) ? "person" : "name", from: start, to: k + 1 };
    }
    if (!NP_OPENERS.has(lower) && w.pos !== "ADJ" && w.pos !== "NUM" && !(w.pos === "NOUN" && words[k + 1] && (pack.persons.has(words[k + 1]!.lower)))) return null;
  }
  return null;
}

/** The harmed subject of a passive or dying verb: the nearest person before it in the clause, or the writer. */
export function readSubject(words: Word[], i: number, clauseStart: number, pack: CompiledThreatPack): Target | null {
  for (let k = i - 1; k >= clauseStart; k--) {
    const w = words[k]!;
    const lower = w.lower;
    if (pack.writerWords.has(lower) && lower !== "us") return { kind: "writer", from: k, to: k + 1 };
    if (pack.targetPronouns.has(lower)) return { kind: "pronoun", from: k, to: k + 1 };
    if (pack.bodyParts.has(lower) || pack.belongings.has(lower)) {
      const owner = words[k - 1];
      if (owner && pack.possessives.has(owner.lower)) return { kind: pack.bodyParts.has(lower) ? "body" : "belonging", from: k - 1, to: k + 1 };
      if (owner?.lower === "'s" && words[k - 2] && (pack.persons.has(words[k - 2]!.lower) || words[k - 2]!.name)) return { kind: "body", from: k - 2, to: k + 1 };
    }
    if (pack.persons.has(lower) && lower !== "one" && lower !== "lot") return { kind: "person", from: k, to: k + 1 };
    if (w.name && w.pos === "PROPN") return { kind: "name", from: k, to: k + 1 };
  }
  return null;
}

/** "the school", "their mosque", "that rally" right after the harm. */
function readCrowdPlace(words: Word[], j: number, pack: CompiledThreatPack): Target | null {
  while (words[j] && SKIP_BEFORE_OBJECT.has(words[j]!.lower)) j++;
  for (let k = j; k < Math.min(words.length, j + 3); k++) {
    if (pack.crowdPlaces.has(words[k]!.lower)) return { kind: "belonging", from: j, to: k + 1 };
    if (!NP_OPENERS.has(words[k]!.lower) && !pack.possessives.has(words[k]!.lower) && words[k]!.pos !== "ADJ" && words[k]!.pos !== "PROPN") return null;
  }
  return null;
}
