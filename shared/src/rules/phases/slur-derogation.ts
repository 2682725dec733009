import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { IDENTITY_PACK } from "../lexicon";
import type { Token } from "../text";
import { ESSENCE_GATE, essentialised } from "./slur-essence";
import { indexPhrases, inflect, layoutOf, phraseAt, type Layout, type PhraseIndex } from "./slur-phrases";

/**
 * Derogation of a protected group, modelled as roles rather than phrases:
 * a mention of the group, a frame that makes the statement about the whole
 * group (a bare plural, "all", "always", "typical", "why do …", "like the rest
 * of them") and a negative predicate (a crime, dirt, disease or vermin,
 * "ruin", "steal", "don't belong"). Negation, counter-speech and quotation
 * turn it off. A later sentence that refers back to the group ("They …")
 * carries the mention forward.
 */

const P = IDENTITY_PACK;
const GROUP_CLASS = new Map<string, string>(Object.entries(P.groups).flatMap(([cls, words]) => words.map((w) => [w, cls] as const)));
// A slur names its group too: "those trannies are perverts" derogates the group as well as using the slur.
for (const slur of P.slurs) for (const form of [slur.base, ...(slur.forms ?? [])]) if (!form.includes(" ") && !GROUP_CLASS.has(form)) GROUP_CLASS.set(form, slur.target);
const GROUP_WORDS = new Set(GROUP_CLASS.keys());
const PEOPLE = new Set(P.peopleNouns);
const SPECIFIC = new Set(P.specificDeterminers);
const COLLECTIVE = new Set(P.collectiveAdjectives);
const INSTITUTIONS = new Set(P.institutionNouns);
const BEFORE_CUES = new Set(P.generalisingCues.before);
const AFTER_CUES = indexPhrases(P.generalisingCues.after);
const HOSTILE = indexPhrases(P.hostileBefore);
const NEGATIONS = new Set(P.negations);
const REPORTING = indexPhrases(P.counterSpeechCues.reporting);
const STANCE = indexPhrases(P.counterSpeechCues.stance);
const BACK_REFERENCES = indexPhrases(P.backReferences);
const EXPEL = new Set(P.expelVerbs);
const VICTIM = new Set(P.victimCues);
const CLAUSE_STARTS = new Set(P.clauseStarts);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "their", "his", "her", "my", "our", "your", "its"]);
/** A strong label as the object of these verbs is still said of the group: "X leave filth wherever they go". */
const CARRY = new Set(["leave", "leaves", "left", "spread", "spreads", "bring", "brings", "like", "such", "as", "and"]);
const EXPEL_PARTICLES = new Set(P.expelParticles);
/** "a threat to nobody", "a burden on no one": the predicate is denied right after it. */
const DENIED_AFTER = new Set(["nobody", "noone", "none", "nothing", "no"]);

type PredicateKind = "phrase" | "verb" | "attribute" | "crime" | "strong" | "linked";
/** Every negative predicate, longest phrases first; single words are one-word phrases. */
export const PREDICATES = indexPhrases([
  ...P.negativePredicates.phrases,
  ...P.negativePredicates.verbs.flatMap(inflect),
  ...P.negativePredicates.irregularVerbs,
  ...P.negativePredicates.attributes,
  ...P.negativePredicates.crimeNouns,
  ...P.dehumanising.strong,
  ...P.dehumanising.linked,
]);
const KIND = new Map<string, PredicateKind>();
const VERB_FORMS = new Set([...P.negativePredicates.verbs.flatMap(inflect), ...P.negativePredicates.irregularVerbs]);
// Later lists win: a word that is both a verb form and a noun ("cheats", "lies") is read as the stronger role.
for (const w of VERB_FORMS) KIND.set(w, "verb");
for (const w of P.negativePredicates.phrases) KIND.set(w, "phrase");
for (const w of P.negativePredicates.attributes) KIND.set(w, "attribute");
for (const w of P.negativePredicates.crimeNouns) KIND.set(w, "crime");
for (const w of P.dehumanising.linked) KIND.set(w, "linked");
for (const w of P.dehumanising.strong) KIND.set(w, "strong");

/** Words that link a subject to what it is said to be: "X are …", "they're …", "X like …". */
const LINKS = new Set(["are", "is", "were", "was", "be", "been", "being", "become", "becoming", "remain", "they're", "theyre", "like", "as", "r", "seem", "look"]);
/** A new subject: what follows is no longer about the group. */
const NEW_SUBJECT = new Set(["i", "you", "he", "she", "it", "we", "i'm", "im", "you're", "he's", "she's", "it's", "we're", "i've", "i'd", "there", "there's", "that's", "what", "if"]);
/** "I bet they're …", "I reckon they …": the writer's hedge, not a new subject. */
const HEDGES = new Set(["bet", "think", "reckon", "guess", "know", "suppose", "believe", "swear", "mean", "say"]);
/** A noun after these is what was done to the group, not what the group is: "attacked by thugs". */
const AGENT = new Set(["by", "from", "against", "of", "at", "towards", "toward", "for", "with", "about"]);
/** Words that cannot be part of a noun phrase like "Muslim taxi drivers". */
const FUNCTION_WORDS = new Set([...LINKS, "the", "a", "an", "and", "or", "of", "in", "on", "to", "with", "for", "from", "at", "by", "who", "that", "which", "all", "always", "never", "just", "so", "too", "do", "don't", "can't", "will", "would", "should", "have", "has", "had", "get", "got"]);
const PARTICIPLE = /(?:ed|en)$/;
/** Words after an attribute that keep it said of the subject: "dirty and lazy", "too hysterical to …". */
const ATTRIBUTE_NEXT = new Set(["and", "or", "but", "nor", "to", "as", "in", "at", "about", "than", "when", "because", "so", "too", "with", "everywhere", "anyway", "really", "honestly", "lot", "bunch", "creatures", "beyond", "by", "from"]);
/** Phrases that take the whole group as their subject, linking it to what follows: "every one of them a parasite". */
const WHOLE_GROUP = indexPhrases(["every one of them", "every single one of them", "each and every one of them", "every last one of them", "the lot of them", "each one of them", "all of them"]);
/** How far after the group a predicate may stand (tokens). */
const WINDOW = 12;

/** A group named in the comment: tokens [start, end), and whether it means the group as a whole. */
export interface Mention {
  start: number;
  end: number;
  generic: boolean;
  word: string;
}

const isPlural = (w: string) => w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !/(?:ous|bus|tus|sus|is)$/.test(w) && w !== "trans";
/** Group words are known: "Hindus" and "Jews" are plural, "trans" is not. */
const isPluralGroup = (w: string) => w.endsWith("s") && w !== "trans" && w !== "swiss";

/** The group mentions of the comment, each read as the whole group or as some particular people. */
function findMentions(tokens: readonly Token[], layout: Layout): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.norm;
    if (!GROUP_CLASS.has(word)) continue;
    const same = (j: number) => j >= 0 && j < tokens.length && layout.sentence[j] === layout.sentence[i];
    const prev = same(i - 1) ? tokens[i - 1]!.norm : "";
    let end = i + 1;
    // "Muslim men", "Black lads", "Muslim taxi drivers", "Jewish landlords": an adjective and the people it names.
    for (let j = i + 1; j <= i + 2 && !isPluralGroup(word) && same(j) && !layout.clauseBreak[j]; j++) {
      const n = tokens[j]!.norm;
      if (FUNCTION_WORDS.has(n)) break;
      if (PEOPLE.has(n) || (isPlural(n) && !GROUP_CLASS.has(n))) {
        end = j + 1;
        break;
      }
    }
    // "The Chinese government", "Israeli army", "the Catholic Church": a state or an institution, not people.
    const next = same(i + 1) ? tokens[i + 1]!.norm.replace(/'s$/, "") : "";
    const second = same(i + 2) && PEOPLE.has(next) ? tokens[i + 2]!.norm.replace(/'s$/, "") : "";
    if (INSTITUTIONS.has(next) || INSTITUTIONS.has(second)) continue; // "the Jewish community centre"
    const head = tokens[end - 1]!.norm;
    const plural = end > i + 1 ? head !== "man" && head !== "family" && head !== "person" && head !== "lady" && head !== "bloke" : isPluralGroup(word) || word === "women" || word === "jewry" || (COLLECTIVE.has(word) && prev === "the");
    const before2 = same(i - 2) ? tokens[i - 2]!.norm : "";
    const genericSingular = BEFORE_CUES.has(prev) || ((prev === "a" || prev === "an") && (before2 === "trust" || before2 === "typical"));
    // "that" before a plural is a conjunction ("it's obvious that Jews …"), not a determiner.
    const specific = SPECIFIC.has(prev) && !(plural && (prev === "that" || prev === "this"));
    const generic = !specific && (plural || genericSingular);
    if (end > i + 1 && GROUP_CLASS.has(tokens[end - 1]!.norm)) end = i + 1;
    mentions.push({ start: i, end, generic, word: tokens.slice(i, end).map((t) => t.text).join(" ") });
    i = end - 1;
  }
  return mentions;
}

/** True when a word of `index` occurs in tokens [from, to). */
function anyPhrase(tokens: readonly Token[], from: number, to: number, index: PhraseIndex): boolean {
  for (let j = Math.max(0, from); j < to; j++) if (phraseAt(tokens, j, index, to)) return true;
  return false;
}

/** The writer reports or rejects what is said ("saying X are … is a lie", "the myth that …", a quotation). */
export function isCounterSpeech(ctx: CommentContext, m: Mention, sentenceStart: number, sentenceEnd: number): boolean {
  const tokens = ctx.tokens;
  // "Women can't do maths? My wife is a professor": a claim echoed as a question, to mock it.
  if (m.start === sentenceStart && ctx.body.slice(tokens[sentenceEnd - 1]!.end).trimStart().startsWith("?")) return true;
  for (let j = sentenceStart; j < m.start; j++) {
    // "so-called refugees" sneers; it does not report.
    if (phraseAt(tokens, j, REPORTING, m.start) && !(tokens[j]!.norm === "called" && tokens[j - 1]?.norm === "so")) return true;
  }
  if (anyPhrase(ctx.tokens, sentenceStart, sentenceEnd, STANCE)) return true;
  return insideQuotes(ctx.body, ctx.tokens[m.start]!.start);
}

/** A negation shortly before the group: "not all X", "no X", "it isn't true that X". */
function negatedBefore(tokens: readonly Token[], from: number, at: number): boolean {
  for (let j = Math.max(from, at - 4); j < at; j++) if (NEGATIONS.has(tokens[j]!.norm) && !phraseAt(tokens, j, HOSTILE) && tokens[j - 1]?.norm !== "why") return true;
  return false;
}

export interface PredicateHit {
  start: number;
  end: number;
  text: string;
  kind: PredicateKind;
}

/**
 * Looks after the group (tokens from `from`) for a negative predicate said of it, within the
 * sentence, stopping at a negation or a new subject. `linked` says a link word ("are") was already seen.
 */
function predicateAfter(ctx: CommentContext, layout: Layout, from: number, sentenceEnd: number, linked: boolean): PredicateHit | null {
  const tokens = ctx.tokens;
  let link = linked;
  const limit = Math.min(sentenceEnd, from + WINDOW);
  for (let j = from; j < limit; j++) {
    const word = tokens[j]!.norm;
    // The group is the one harmed ("X were subjected to vile abuse"), or a new clause starts with its own subject.
    // "… even though they trash every flat": a new clause whose subject is the group again goes on.
    const theyNext = ["they", "they're", "theyre"].includes(tokens[j + 1]?.norm ?? "");
    if (VICTIM.has(word) || (j > from && CLAUSE_STARTS.has(word) && !theyNext)) return null;
    if (word === "and" && DETERMINERS.has(tokens[j + 1]?.norm ?? "")) return null;
    const length = phraseAt(tokens, j, PREDICATES, sentenceEnd);
    if (length) {
      const text = tokens.slice(j, j + length).map((t) => t.norm).join(" ");
      const kind = KIND.get(text) ?? "phrase";
      const agent = AGENT.has(tokens[j - 1]?.norm ?? "") || AGENT.has(tokens[j - 2]?.norm ?? "");
      const next = j + length < sentenceEnd && !layout.clauseBreak[j + length] ? tokens[j + length]!.norm : "";
      // "vile abuse": an adjective before a noun describes the noun, not the group.
      const attributive = kind === "attribute" && next !== "" && !ATTRIBUTE_NEXT.has(next) && !PEOPLE.has(next) && !KIND.has(next) && !GROUP_CLASS.has(next);
      const carried = link || j - from <= 2 || CARRY.has(tokens[j - 1]?.norm ?? "") || layout.clauseBreak[j]!;
      const ok =
        kind === "phrase" ||
        (kind === "verb" && !(link && PARTICIPLE.test(word))) ||
        (kind === "strong" && !agent && carried) ||
        ((kind === "attribute" || kind === "crime" || kind === "linked") && !agent && !attributive && (link || PEOPLE.has(tokens[j + 1]?.norm ?? ""))) ||
        (!link && VERB_FORMS.has(text)) || // "they trash every flat": the noun's verb reading
        ((kind === "crime" || kind === "linked") && layout.clauseBreak[j]! && j + length === sentenceEnd); // "…eating dogs again, savages."
      if (ok && kind === "attribute" && tokens[j + length]?.norm === "of") continue; // "sick of waiting", "tired of …"
      if (ok && tokens.slice(j + length, j + length + 3).some((t) => DENIED_AFTER.has(t.norm))) return null;
      if (ok && insideQuotes(ctx.body, tokens[j]!.start)) return null; // 'trans people are "predators"': the word is named, not said
      if (ok) return { start: j, end: j + length, text: ctx.body.slice(tokens[j]!.start, tokens[j + length - 1]!.end), kind };
    }
    if (NEGATIONS.has(word) && tokens[j + 1]?.norm !== "but") return null;
    if (NEW_SUBJECT.has(word) && j > from && !HEDGES.has(tokens[j + 1]?.norm ?? "")) return null;
    if (LINKS.has(word)) link = true;
    // "X, every one of them a parasite": the generalising phrase stands for "they are".
    const whole = phraseAt(tokens, j, WHOLE_GROUP, sentenceEnd);
    if (whole) {
      link = true;
      j += whole - 1;
    }
  }
  return null;
}

/** A predicate standing just before the group: "dirty X", "filthy X", "the X filth" is handled after. */
function predicateBefore(ctx: CommentContext, layout: Layout, m: Mention, sentenceStart: number): PredicateHit | null {
  const tokens = ctx.tokens;
  for (let j = Math.max(sentenceStart, m.start - 2); j < m.start; j++) {
    const kind = KIND.get(tokens[j]!.norm);
    if (kind === "attribute" || kind === "strong") {
      if (negatedBefore(tokens, sentenceStart, j)) return null;
      return { start: j, end: j + 1, text: tokens[j]!.text, kind };
    }
  }
  // "Send the X back", "kick all X out", and the slogan "X out!".
  const particle = tokens[m.end]?.norm ?? "";
  if (particle === "out" && m.start === sentenceStart && layout.sentence[m.end + 1] !== layout.sentence[m.start]) return { start: m.end, end: m.end + 1, text: tokens[m.end]!.text, kind: "phrase" };
  if (EXPEL_PARTICLES.has(particle)) {
    for (let j = m.start - 1; j >= Math.max(sentenceStart, m.start - 3); j--) {
      if (EXPEL.has(tokens[j]!.norm) && !negatedBefore(tokens, sentenceStart, j)) return { start: j, end: m.end + 1, text: ctx.body.slice(tokens[j]!.start, tokens[m.end]!.end), kind: "phrase" };
      if (!["the", "all", "these", "those", "them", "every", "of"].includes(tokens[j]!.norm)) break;
    }
  }
  // "I hate X", "never trust a X", "the problem with X", "sick of X": hostility aimed at the group itself.
  for (let j = Math.max(sentenceStart, m.start - 6); j < m.start; j++) {
    const length = phraseAt(tokens, j, HOSTILE, m.start);
    if (!length) continue;
    const between = tokens.slice(j + length, m.start).every((t) => ["the", "all", "these", "those", "a", "an", "them", "is", "are", "that", "every", "each", "any", "of"].includes(t.norm));
    if (between && !negatedBefore(tokens, sentenceStart, j)) return { start: j, end: j + length, text: ctx.body.slice(tokens[j]!.start, tokens[j + length - 1]!.end), kind: "phrase" };
  }
  return null;
}

/** Derogation of protected groups, including follow-up sentences that refer back to them. */
export function derogationFlags(ctx: CommentContext): Flag[] {
  if (!hasAny(ctx, GROUP_WORDS)) return [];
  const tokens = ctx.tokens;
  const layout = layoutOf(ctx);
  const mentions = findMentions(tokens, layout);
  if (!mentions.length) return [];
  const bounds = sentenceBounds(layout);
  const flags: Flag[] = [];
  const flagged = new Set<number>();
  const add = (m: Mention, hit: PredicateHit, why: string, confidence: number) => {
    const first = Math.min(m.start, hit.start);
    const last = Math.max(m.end, hit.end) - 1;
    if (flagged.has(layout.sentence[first]!)) return;
    flagged.add(layout.sentence[first]!);
    const dehumanising = hit.kind === "strong" || hit.kind === "linked";
    flags.push(spanFlag(ctx, "slur", dehumanising ? "slur.dehumanising" : "slur.derogation", tokens[first]!.start, tokens[last]!.end, why, dehumanising ? 0.85 : confidence));
  };
  for (const m of mentions) {
    const si = layout.sentence[m.start]!;
    const [sStart, sEnd] = bounds[si]!;
    if (negatedBefore(tokens, sStart, m.start) || isCounterSpeech(ctx, m, sStart, sEnd)) continue;
    const framed = m.generic || anyPhrase(tokens, m.end, sEnd, AFTER_CUES);
    const before = predicateBefore(ctx, layout, m, sStart);
    // "Why are X always …" puts the link before the group; "Typical X, drunk again" needs none.
    const prev = tokens[m.start - 1]?.norm ?? "";
    const after = framed || before ? predicateAfter(ctx, layout, m.end, sEnd, LINKS.has(prev) || prev === "typical") : null;
    if (before && (m.generic || after)) add(m, before, `Says of ${m.word} as a group "${before.text}": derogates people for who they are.`, 0.6);
    else if (after && framed) add(m, after, `Says ${m.word}, as a group, "${after.text}": derogates people for who they are.`, 0.65);
  }
  followUps(ctx, layout, bounds, mentions, add);
  if (hasAny(ctx, ESSENCE_GATE)) essentialised(ctx, layout, bounds, mentions, add);
  return flags;
}

/** "I live near a lot of X. They …": a sentence that starts by referring back to the group named just before. */
function followUps(ctx: CommentContext, layout: Layout, bounds: [number, number][], mentions: Mention[], add: (m: Mention, hit: PredicateHit, why: string, c: number) => void) {
  const tokens = ctx.tokens;
  for (const m of mentions) {
    const si = layout.sentence[m.start]!;
    const [mStart, mEnd] = bounds[si]!;
    // Only counter-speech stops the carry-over: "I don't hate X. They ruin every town." still derogates.
    if (isCounterSpeech(ctx, m, mStart, mEnd)) continue;
    for (let next = si + 1; next <= si + 2 && next < bounds.length; next++) {
      const [sStart, sEnd] = bounds[next]!;
      if (mentions.some((o) => layout.sentence[o.start] === next)) break; // a new group takes over
      const length = sStart < sEnd ? phraseAt(tokens, sStart + (["and", "but", "because", "so"].includes(tokens[sStart]!.norm) ? 1 : 0), BACK_REFERENCES, sEnd) : 0;
      // "X will strip the copper. Thieves, every last one.": a verdict noun and a whole-group phrase, of the group just named.
      const verdict = sStart < sEnd && !length ? verdictOnGroup(tokens, sStart, sEnd) : null;
      if (verdict && !anyPhrase(tokens, sStart, sEnd, STANCE)) {
        add({ start: sStart, end: sStart + 1, generic: true, word: m.word }, verdict, `Calls ${m.word}, named just before, "${verdict.text}" as a whole: derogates a group.`, 0.6);
        break;
      }
      if (!length) continue;
      if (anyPhrase(tokens, sStart, sEnd, STANCE)) continue;
      const refStart = sStart + (["and", "but", "because", "so"].includes(tokens[sStart]!.norm) ? 1 : 0);
      const hit = predicateAfter(ctx, layout, refStart + length, sEnd, tokens[refStart]!.norm.endsWith("'re") || tokens[refStart]!.norm === "theyre");
      if (hit) {
        const ref: Mention = { start: refStart, end: refStart + length, generic: true, word: m.word };
        add(ref, hit, `Says "${tokens[refStart]!.text}" (${m.word}, named just before) "${hit.text}": derogates a group.`, 0.6);
        break;
      }
    }
  }
}

/** A sentence that is a crime or dehumanising noun and a whole-group phrase: "Thieves, every last one.", "Parasites, the lot of them." */
function verdictOnGroup(tokens: readonly Token[], from: number, to: number): PredicateHit | null {
  const kind = KIND.get(tokens[from]!.norm);
  if (kind !== "crime" && kind !== "strong" && kind !== "linked") return null;
  let j = from + 1;
  if (tokens[j]?.norm === "and" || tokens[j]?.norm === "or") j += 2; // "Thieves and liars, the lot of them."
  const cue = j < to ? phraseAt(tokens, j, AFTER_CUES, to) : 0;
  if (!cue || j + cue < to - 1) return null;
  return { start: from, end: j + cue, text: tokens[from]!.text, kind };
}

export function sentenceBounds(layout: Layout): [number, number][] {
  const bounds: [number, number][] = [];
  layout.sentence.forEach((s, i) => {
    const b = (bounds[s] ??= [i, i + 1]);
    b[1] = i + 1;
  });
  for (let s = 0; s < bounds.length; s++) bounds[s] ??= [0, 0];
  return bounds;
}

/** True when `at` sits inside quotation marks opened earlier in its line. */
export function insideQuotes(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", at) + 1, at);
  return (line.match(/[“]/g) ?? []).length > (line.match(/[”]/g) ?? []).length || (line.match(/"/g) ?? []).length % 2 === 1;
}
