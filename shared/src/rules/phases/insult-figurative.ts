import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import type { Token } from "../text";
import { I, PERSONS, SELF } from "./insult-roles";
import { indexPhrases, layoutOf, phraseAt, type Layout } from "./slur-phrases";

/**
 * Insults without an insult word, modelled as roles rather than sayings:
 * a person (the reader, someone named or described) and a frame that
 * belittles them through a comparison:
 *  - possession: "has the brains of a doorknob", "a face like a smacked arse";
 *  - "what a <noun> of a <person>": "what a soggy biscuit of a captain";
 *  - an ironic simile: "as sharp as a bowling ball", "about as much use as …";
 *  - a hopeless failure: "couldn't run a bath", "couldn't score to save his life".
 * The same frames praise ("the memory of an elephant", "a giant of a man"),
 * say things of things ("this sofa is as comfortable as a park bench") or of
 * the writer ("I've the attention span of a gnat"): those stay clean.
 */

const F = I.figurative;
const QUALITIES = indexPhrases(F.qualities);
const QUALITY_ENDS = new Set(F.qualities.map((q) => q.split(" ").at(-1)!));
const FLATTERING = new Set(F.flattering);
const CAPABILITIES = indexPhrases(F.capabilities);
const PRAISE = new Set(F.praiseNouns);
const TRIVIAL = indexPhrases(F.trivialTasks);
const HOPELESS = indexPhrases(F.hopeless);
/** Words without which each pattern cannot match: checked first, most comments hold none. */
const POSSESSION_GATE = new Set(QUALITY_ENDS);
const SIMILE_GATE = new Set(F.capabilities.map((c) => c.split(" ").at(-1)!));
/** The word of a phrase least likely in an ordinary comment: its longest, everyday words aside ("depended", not "it"). */
const rarestWord = (phrase: string) => phrase.split(" ").filter((w) => !EVERYDAY.has(w)).reduce((a, b) => (b.length > a.length ? b : a), "");
const EVERYDAY = new Set(["it", "on", "in", "a", "an", "the", "to", "if", "with", "his", "her", "your", "their", "own", "life", "lives", "up", "and", "both"]);
const HOPELESS_GATE = new Set([...F.trivialTasks, ...F.hopeless].map(rarestWord));
const PERSON_GATE = new Set([...PERSONS, "human"]);
const EXCUSE = new Set(["excuse"]);
/** Praise in the same sentence turns a comparison into a compliment: "the voice of a choirboy, lovely". */
const PRAISE_WORDS = new Set(["lovely", "beautiful", "brilliant", "amazing", "great", "wonderful", "fantastic", "gorgeous", "incredible", "stunning", "superb", "love", "loved", "adore", "bless", "proud", "impressive"]);

const A = new Set(["a", "an"]);
const YOU = new Set(["you", "u", "ya", "you've", "youve", "your", "you're", "youre", "ur", "you'd", "youd", "yer"]);
const THIRD = new Set(["he", "she", "he's", "she's", "hes", "shes", "he'd", "she'd", "his", "her"]);
const POSSESS = new Set(["has", "have", "had", "got", "with", "having", "gets"]);
const LINKS = new Set(["is", "are", "was", "were", "'s", "r", "be", "he's", "she's", "you're", "youre", "hes", "shes"]);
const FAILING = new Set(["couldn't", "couldnt", "can't", "cant", "cannot", "wouldn't", "wouldnt"]);
const NEGATIONS = new Set(["not", "never", "doesn't", "don't", "didn't", "hasn't", "haven't", "isn't", "wasn't", "no", "nobody"]);
/** Sentence-initial words that are capitalised without being a name. */
const NOT_NAMES = new Set(["the", "this", "that", "it", "our", "their", "my", "his", "her", "what", "there", "your", "a", "an", "we", "i", "they", "these", "those", "some", "its", "honestly", "mate", "well", "so", "and", "but", "if", "when", "then", "now", "yes", "no", "oh", "god", "jesus", "seriously", "lol"]);
/** What may stand between the quality and the verb: "has all the charisma", "has about the first touch". */
const QUALITY_LEAD = new Set(["the", "all", "about", "just", "a", "an", "same", "exact", "roughly", "basically", "literally", "of"]);

/** Who stands as the subject just before token `at`, within its clause: the reader, a person, or null (a thing, the writer). */
function personBefore(tokens: readonly Token[], layout: Layout, at: number): string | null {
  for (let j = at; j >= Math.max(0, at - 4) && layout.sentence[j] === layout.sentence[at]; j--) {
    const t = tokens[j]!;
    const w = t.norm;
    if (j < at && NEGATIONS.has(w)) return null;
    if (YOU.has(w)) return "the person addressed";
    if (SELF.has(w) || w === "i've" || w === "ive" || w === "we've" || w === "i'd") return null;
    if (THIRD.has(w) || PERSONS.has(w)) return j < at || !LINKS.has(w) ? t.text : t.text.replace(/'s$/, "");
    const sentenceStart = j === 0 || layout.sentence[j - 1] !== layout.sentence[j];
    if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && !NOT_NAMES.has(w) && (!sentenceStart || j === at)) return t.text;
    if (layout.clauseBreak[j]) return null;
  }
  return null;
}

/** The object of a comparison after "a"/"an" at `at`: up to three words in the clause; null when it flatters. */
function objectAfter(tokens: readonly Token[], layout: Layout, at: number): [number, number] | null {
  let end = at + 1;
  while (end < tokens.length && end < at + 5 && layout.sentence[end] === layout.sentence[at] && !layout.clauseBreak[end] && !["and", "but", "or", "with", "who", "that"].includes(tokens[end]!.norm)) end++;
  if (end === at + 1) return null;
  for (let k = at + 1; k < end; k++) if (FLATTERING.has(tokens[k]!.norm)) return null;
  return [at + 1, end];
}

interface Found {
  from: number;
  to: number;
  target: string;
  how: string;
}

/** "has the brains of a doorknob", "a face like a smacked arse": a quality of the person likened to a lowly thing. */
function possession(tokens: readonly Token[], lay: () => Layout, k: number): Found | null {
  if ((tokens[k]!.norm !== "of" && tokens[k]!.norm !== "like") || !A.has(tokens[k + 1]?.norm ?? "")) return null;
  let q = -1;
  for (let s = Math.max(0, k - 3); s < k && q < 0; s++) if (phraseAt(tokens, s, QUALITIES, k) === k - s) q = s;
  if (q < 0) return null;
  let v = q - 1;
  while (v >= 0 && q - v <= 4 && QUALITY_LEAD.has(tokens[v]!.norm)) v--;
  if (v < 0 || !POSSESS.has(tokens[v]!.norm)) return null;
  const layout = lay();
  if (layout.sentence[v] !== layout.sentence[k]) return null;
  const object = objectAfter(tokens, layout, k + 1);
  const target = object && personBefore(tokens, layout, v - 1);
  return object && target ? { from: q, to: object[1], target, how: "likens them to a lowly thing" } : null;
}

/**
 * "what a soggy biscuit of a captain", "he's a wet lettuce of a manager"; with an insult noun the
 * frame needs no "what" or link: "Absolute clown of a reviewer", "that joke of a manager";
 * "a pathetic excuse for a journalist", "sorry excuse of a human being".
 */
function nounOfPerson(tokens: readonly Token[], lay: () => Layout, k: number): Found | null {
  if ((tokens[k]!.norm !== "of" && tokens[k]!.norm !== "for") || !A.has(tokens[k + 1]?.norm ?? "")) return null;
  const person = tokens[k + 2]?.norm ?? "";
  const before = tokens[k - 1]?.norm ?? "";
  if (!(PERSONS.has(person) || person === "human") || PRAISE.has(before)) return null;
  const to = person === "human" && tokens[k + 3]?.norm === "being" ? k + 4 : k + 3;
  if (before === "excuse" && EXCUSE_ADJ.has(tokens[k - 2]?.norm ?? "") && !spokenOfSelf(tokens, k - 2)) return { from: k - 2, to, target: "someone", how: "calls them a poor excuse for what they are" };
  if (tokens[k]!.norm !== "of") return null;
  if (SCORN_NOUNS.has(before) && !spokenOfSelf(tokens, k - 1)) return { from: k - 1, to, target: "someone", how: "calls them a figure of scorn" };
  for (let a = k - 2; a >= Math.max(0, k - 4); a--) {
    if (!A.has(tokens[a]!.norm)) continue;
    const before = tokens[a - 1]?.norm ?? "";
    if (before === "what") return { from: a - 1, to: k + 3, target: "someone", how: "calls them a figure of scorn" };
    if (LINKS.has(before)) {
      const target = personBefore(tokens, lay(), a - 1);
      return target ? { from: a, to: k + 3, target, how: "calls them a figure of scorn" } : null;
    }
    return null;
  }
  return null;
}

/** Adjectives of "a … excuse for a <person>". */
const EXCUSE_ADJ = new Set(["pathetic", "poor", "sorry", "sad", "feeble", "miserable", "pitiful", "lame", "useless", "shocking", "piss-poor", "woeful"]);
/** Insult nouns that make "<noun> of a <person>" scorn by themselves ("clown of a reviewer"). */
const SCORN_NOUNS = new Set(I.insultNouns.filter((n) => !n.includes(" ") && !FLATTERING.has(n) && !PRAISE.has(n)));
/** The writer says it of themselves: "I'm a clown of a cook". */
function spokenOfSelf(tokens: readonly Token[], at: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - 4); j--) if (SELF.has(tokens[j]!.norm) || tokens[j]!.norm === "i'm" || tokens[j]!.norm === "im") return true;
  return false;
}

/** "as sharp as a bowling ball", "about as much use as a paper umbrella": a simile that denies what it names. */
function ironicSimile(tokens: readonly Token[], lay: () => Layout, k: number): Found | null {
  if (tokens[k]!.norm !== "as") return null;
  const length = phraseAt(tokens, k + 1, CAPABILITIES);
  if (!length || tokens[k + 1 + length]?.norm !== "as" || !A.has(tokens[k + 2 + length]?.norm ?? "")) return null;
  const about = tokens[k - 1]?.norm === "about";
  const link = about ? k - 2 : k - 1;
  if (link < 0 || !LINKS.has(tokens[link]!.norm)) return null;
  const layout = lay();
  const object = objectAfter(tokens, layout, k + 2 + length);
  if (!object && !about) return null;
  const target = personBefore(tokens, layout, link);
  return target ? { from: about ? k - 1 : k, to: object?.[1] ?? k + 3 + length, target, how: "an ironic simile" } : null;
}

/** "couldn't run a bath", "couldn't score to save his life": failing at what anyone could do. */
function hopeless(tokens: readonly Token[], lay: () => Layout, k: number): Found | null {
  if (!FAILING.has(tokens[k]!.norm)) return null;
  for (let j = k + 1; j < Math.min(tokens.length, k + 12); j++) {
    const length = (j <= k + 5 ? phraseAt(tokens, j, TRIVIAL) : 0) || phraseAt(tokens, j, HOPELESS);
    if (!length) continue;
    const layout = lay();
    if (layout.sentence[j] !== layout.sentence[k]) return null;
    const target = personBefore(tokens, layout, k - 1);
    return target ? { from: k, to: j + length, target, how: "says they would fail at the simplest thing" } : null;
  }
  return null;
}

/** The index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Figurative insults aimed at a person (see the patterns above). */
export function figurativeInsultFlags(ctx: CommentContext): Flag[] {
  const possessive = hasAny(ctx, POSSESSION_GATE);
  const person = hasAny(ctx, PERSON_GATE);
  const simile = hasAny(ctx, SIMILE_GATE);
  const failing = hasAny(ctx, HOPELESS_GATE);
  if (!possessive && !person && !simile && !failing) return [];
  const tokens = ctx.tokens;
  let layout: Layout | undefined;
  // The layout (sentences, clause breaks) costs more than the scan: built only once a frame's words are all there.
  const lay = () => (layout ??= layoutOf(ctx));
  // Candidates are found in the lowercased text (a native search, far cheaper than reading every token), then read as tokens.
  const anchors: string[] = [...(possessive || person ? [" of a"] : []), ...(person && hasAny(ctx, EXCUSE) ? [" excuse for a"] : []), ...(possessive ? [" like a"] : []), ...(simile ? [" as "] : [])];
  const candidates: number[] = [];
  for (const anchor of anchors) for (let at = ctx.lower.indexOf(anchor); at >= 0; at = ctx.lower.indexOf(anchor, at + 1)) candidates.push(tokenAt(tokens, at + 1) + (anchor === " excuse for a" ? 1 : 0));
  if (failing) for (const anchor of ["n't ", "cannot ", "cant ", "couldnt ", "wouldnt "]) for (let at = ctx.lower.indexOf(anchor); at >= 0; at = ctx.lower.indexOf(anchor, at + 1)) candidates.push(tokenAt(tokens, at + anchor.length) - 1);
  for (const k of candidates) {
    if (k < 1 || k >= tokens.length - 1) continue;
    const w = tokens[k]!.norm;
    let found: Found | null = null;
    if (w === "of" || w === "like" || w === "for") {
      if (!A.has(tokens[k + 1]!.norm)) continue;
      found = (possessive && w !== "for" ? possession(tokens, lay, k) : null) ?? (person && w !== "like" ? nounOfPerson(tokens, lay, k) : null);
    } else if (w === "as") found = ironicSimile(tokens, lay, k);
    else if (FAILING.has(w)) found = hopeless(tokens, lay, k);
    if (!found || (found.how !== "calls them a figure of scorn" && tokens.some((t, j) => PRAISE_WORDS.has(t.norm) && lay().sentence[j] === lay().sentence[k]))) continue;
    const start = tokens[found.from]!.start;
    const end = tokens[found.to - 1]!.end;
    const rule = found.target === "the person addressed" ? "insult.addressed" : "insult.name-calling";
    return [spanFlag(ctx, "insult", rule, start, end, `"${ctx.body.slice(start, end)}" is aimed at ${found.target}: ${found.how}, an insult without an insulting word.`, 0.6)];
  }
  return [];
}
