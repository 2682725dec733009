import type { Flag } from "../../schemas/flag";
import { readHarms, readObject, readSubject, findClauseStart, type HarmEvent } from "../clause";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { analyseSentence, type Word } from "../nlp";
import { tokenSummary } from "../prefilter";
import { sentences, type Token } from "../text";
import { THREAT_PACK } from "../pack/threat";
import { buildCues } from "./threat-cues";
import { judgeEvent, type Modality, type SentenceView, type Verdict } from "./threat-judge";
import { ACCIDENT_GATE, buildDisasterWish, buildInjuryGate, buildInjuryWish, DISASTER_GATE, findAccidentWishes, findDisasterWishes, findInjuryWishes, WISH_GATE } from "./threat-injury";
import { buildThreatPhrases, type ThreatPhrase } from "./threat-phrases";

/**
 * Threats are harm + a human target + the writer's modality (intent, call, wish, endorsement),
 * read from the clause, not matched as phrases: "I'd kill for a coffee" has no human target,
 * "the commute is murder" no modality, "massacres of unarmed kids disgust the world" reports
 * violence, and a quoted call to violence is the writer's own only when the writer endorses it.
 *
 * Cost: a first pass looks each word up in one map (harm words in every form, weapons, and the
 * rare word of each menace phrase); only sentences holding a harm word are analysed with
 * wink-nlp, so the ~95% of comments with none pay for the lookups alone.
 */

const CUES = buildCues(THREAT_PACK);
const PHRASES = buildThreatPhrases(THREAT_PACK);
const INJURY_WISH = buildInjuryWish(THREAT_PACK);
const INJURY_PARTS = buildInjuryGate(THREAT_PACK);
const DISASTER_WISH = buildDisasterWish(THREAT_PACK);
/** "I'd laugh if …", "would love it if …" open a wish too. */
const LAUGH_LOVE: ReadonlySet<string> = new Set(["laugh", "love"]);
/** The victims of a wished disaster are people: a pronoun, "the lot of them", or a noun phrase ending in a person noun. */
const isPerson = (w: string) => THREAT_PACK.targetPronouns.has(w) || THREAT_PACK.persons.has(w) || THREAT_PACK.persons.has(w.replace(/s$/, ""));
const isPeople = (words: string[]) => {
  const last = words.at(-1)!;
  if (THREAT_PACK.writerWords.has(last) || THREAT_PACK.writerWords.has(words[0]!)) return false;
  return THREAT_PACK.targetPronouns.has(last) || THREAT_PACK.persons.has(last) || THREAT_PACK.persons.has(last.replace(/s$/, ""));
};
/** What a word of the comment may start: a harm, a harm phrase (if its other words are near), a menace or self-harm phrase. */
interface WordRole {
  harm?: true;
  phraseRests?: string[][];
  phrases?: ThreatPhrase[];
}
const ROLES = new Map<string, WordRole>();
for (const w of THREAT_PACK.triggerForms.keys()) ROLES.set(w, { harm: true });
for (const [w, rests] of THREAT_PACK.phraseForms) ROLES.set(w, { ...ROLES.get(w), phraseRests: rests });
for (const [w, phrases] of PHRASES) ROLES.set(w, { ...ROLES.get(w), phrases });
/** Words of the first pass: a comment with none of them (and no stretched or censored word) has no threat to find. */
const ROLE_WORDS: ReadonlySet<string> = new Set(ROLES.keys());

const RULE: Record<Modality, string> = {
  intent: "threat.intent",
  call: "threat.call",
  wish: "threat.wish",
  endorsement: "threat.endorsement",
  self_harm: "threat.self_harm",
  intimidation: "threat.intimidation",
};
const CONFIDENCE: Record<Modality, number> = { intent: 0.85, call: 0.85, wish: 0.8, endorsement: 0.75, self_harm: 0.85, intimidation: 0.8 };

/** Harm + human target + modality, per candidate sentence; and menace or self-harm phrases. */
export function threatPhase(ctx: CommentContext): Flag[] {
  // Stretched or censored words ("kiiiill", "k*ll") are only known once the plain text spells them.
  const irregular = tokenSummary(ctx.tokens)?.irregular ?? true;
  // "I hope his knee goes again": a wished injury has no harm word, only a wish.
  const wishing = hasAny(ctx, WISH_GATE) || (hasAny(ctx, LAUGH_LOVE) && (ctx.lower.includes(" laugh if") || ctx.lower.includes(" love it if")));
  const injuries = wishing && hasAny(ctx, INJURY_PARTS) ? findInjuryWishes(ctx.lower.length === ctx.body.length ? ctx.lower : ctx.plain, INJURY_WISH) : [];
  // "hope the office floods with the lot of them inside": a disaster wished on people, no harm verb either.
  if (wishing && hasAny(ctx, DISASTER_GATE)) injuries.push(...findDisasterWishes(ctx.lower.length === ctx.body.length ? ctx.lower : ctx.plain, DISASTER_WISH, isPeople));
  // "here's hoping that ref crashes his car": an accident wished on whoever drives.
  if (wishing && hasAny(ctx, ACCIDENT_GATE)) injuries.push(...findAccidentWishes(ctx.lower.length === ctx.body.length ? ctx.lower : ctx.plain));
  if (!irregular && !injuries.length && !hasAny(ctx, ROLE_WORDS)) return [];
  const harmAt: number[] = [];
  let phrases: ThreatPhrase[] | null = null;
  // Most comments are written plainly: their lowercased body is the plain text, without building it.
  let clean = ctx.lower.length === ctx.body.length;
  const tokens = ctx.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A stretched or censored word ("kiiiill", "k*ll") is looked up as the plain text spells it; leetspeak and lookalikes are undone in its norm.
    const stretched = irregular && ((t.squeezed !== null && /(.)\1\1/.test(t.norm)) || t.norm.includes("*"));
    if (t.disguise !== null || stretched) clean = false;
    const role = ROLES.get(stretched ? ctx.plain.slice(t.start, t.end).trim() : t.norm);
    if (role === undefined) continue;
    if (role.harm || role.phraseRests?.some((rest) => rest.every((r) => isAfter(tokens, i, r)))) harmAt.push(t.start);
    if (role.phrases) for (const p of role.phrases) if (p.words.every((w) => isNear(tokens, i, w))) (phrases ??= []).push(p);
  }
  if (!harmAt.length && !phrases && !injuries.length) return [];
  const text = clean ? ctx.lower : ctx.plain;
  const verdicts: Verdict[] = [];
  for (const s of harmAt.length ? (clean ? sentences(text) : ctx.sentences) : []) {
    const end = s.start + s.text.length;
    if (!harmAt.some((at) => at >= s.start && at < end) || !mayHoldThreat(text, s.start, end, harmAt)) continue;
    const view: SentenceView = { words: analyseSentence(casedPlain(ctx.body, text, s.start, end), s.start), text, start: s.start, end };
    for (const event of [...readHarms(view.words, THREAT_PACK), ...readWeaponFrames(view.words)]) {
      const v = judgeEvent(event, view, THREAT_PACK, CUES);
      if (v) verdicts.push(v);
    }
  }
  for (const p of new Set(phrases ?? [])) verdicts.push(...matchPhrase(text, p));
  for (const i of injuries) if (!CUES.story.test(sentenceAround(text, i.start)) && !quotedAndCondemned(text, i.start)) verdicts.push({ modality: "wish", ...i, target: "", endorsedBy: null });
  return dedupe(verdicts).map((v) => spanFlag(ctx, "threat", RULE[v.modality], v.start, v.end, explain(v), CONFIDENCE[v.modality]));
}

/** A phrase's words stand together: each must be within a few words of the one that triggered it. */
function isNear(tokens: readonly Token[], i: number, word: string): boolean {
  for (let k = Math.max(0, i - NEAR); k < Math.min(tokens.length, i + NEAR + 1); k++) if (tokens[k]!.norm === word) return true;
  return false;
}
const NEAR = 8;

/** The rest of a harm phrase follows its verb, with at most a short object between ("run the protesters over"). */
function isAfter(tokens: readonly Token[], i: number, word: string): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 7); k++) if (tokens[k]!.norm === word) return true;
  return false;
}

/**
 * A cheap look before the costly analysis: a threat needs a modality (a modal, a wish, "I"/"we"
 * with an auxiliary, an imperative harm opening a clause), or praise of the harm elsewhere.
 */
function mayHoldThreat(text: string, start: number, end: number, harmAt: number[]): boolean {
  const sentence = text.slice(start, end);
  if (CUES.hint.test(sentence)) return true;
  // An imperative: a harm word opening the sentence or a clause ("Hang them", "…, then shoot him", "…and beat them").
  for (const at of harmAt) if (at >= start && at < end && CUES.clauseOpening.test(text.slice(Math.max(start, at - 40), at))) return true;
  // Praise of the harm ("had it coming") or a quotation sits in the sentence or next to it.
  const around = text.slice(Math.max(0, start - 80), end + 80);
  return CUES.endorse.test(around) || /["“”‘]/.test(around);
}

/**
 * The sentence as written but with disguises undone: the plain text keeps "k1ll" → "kill", the
 * body keeps capitals, which the tagger needs to tell "Hang" (a verb opening a sentence) from a name.
 */
function casedPlain(body: string, plain: string, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const b = body[i]!;
    const p = plain[i]!;
    out += b.toLowerCase() === p ? b : p;
  }
  // A lone lowercase "i" is the pronoun; the tagger reads it as a name otherwise.
  return out.replace(/(?<![\p{L}'’])i(?=[\s'’]|$)/gu, "I");
}

/**
 * Harm said with a weapon or a harm noun instead of a verb: "I'll be waiting outside with a
 * hammer", "put a bullet in that traitor", "he deserves a knife in the back".
 */
function readWeaponFrames(words: Word[]): HarmEvent[] {
  const events: HarmEvent[] = [];
  words.forEach((w, k) => {
    if (!THREAT_PACK.weapons.has(w.lower) && !THREAT_PACK.harmNouns.has(w.lower) && !THREAT_PACK.harmNouns.has(`${words[k - 1]?.lower} ${w.lower}`)) return;
    const clauseStart = findClauseStart(words, k);
    // "put a bullet in him", "take a bat to his car"
    const prep = words[k + 1]?.lower;
    const verb = words.slice(Math.max(clauseStart, k - 3), k).findIndex((v) => /^(?:put|take|stick|run|plant|took|stuck|pour|poured|shove|shoved|throw|threw|chuck|chucked|lob|lobbed|smash|smashed|break|broke|swing|swung)$/.test(v.lower));
    if (verb !== -1 && prep && /^(?:in|into|through|to|over|at|across)$/.test(prep)) {
      const at = Math.max(clauseStart, k - 3) + verb;
      events.push({ at, lemma: "weapon", target: readObject(words, k + 2, THREAT_PACK), passive: false, clauseStart, lastWord: k });
      return;
    }
    // "give that landlord a proper hiding": the object of the giving is the one harmed.
    const give = words.slice(Math.max(clauseStart, k - 6), k).findIndex((v) => /^(?:give|gave|giving|gives|gimme)$/.test(v.lower));
    if (give !== -1 && THREAT_PACK.harmNouns.has(w.lower)) {
      const at = Math.max(clauseStart, k - 6) + give;
      events.push({ at, lemma: "weapon", target: readObject(words, at + 1, THREAT_PACK, k), passive: false, clauseStart, lastWord: k });
      return;
    }
    // "deserves a knife in the back": the subject is the one harmed.
    const deserve = words.slice(Math.max(clauseStart, k - 4), k).findIndex((v) => /^(?:deserves?|deserved|needs?|earned|gets?)$/.test(v.lower));
    if (deserve !== -1) {
      const at = Math.max(clauseStart, k - 4) + deserve;
      events.push({ at: k, lemma: "weapon", target: readSubject(words, at, clauseStart, THREAT_PACK), passive: true, clauseStart, lastWord: k });
      return;
    }
    // "I'll be waiting with a hammer": a weapon carried into an intent.
    const carry = words.slice(Math.max(clauseStart, k - 3), k).some((v) => THREAT_PACK.carryVerbs.has(v.lower));
    if (carry && THREAT_PACK.weapons.has(w.lower)) events.push({ at: k, lemma: "weapon", target: { kind: "pronoun", from: k, to: k + 1 }, passive: false, clauseStart, lastWord: k });
    // "the only cure for these traitors is a rope": judged as an endorsement, the target is the person named before.
    else events.push({ at: k, lemma: "weapon", target: readSubject(words, k, 0, THREAT_PACK), passive: true, clauseStart, lastWord: k });
  });
  return events;
}

function matchPhrase(text: string, p: ThreatPhrase): Verdict[] {
  const out: Verdict[] = [];
  for (const m of text.matchAll(p.re)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    const before = text.slice(Math.max(0, start - 40), start);
    const sentence = sentenceAround(text, start);
    // "I don't know where he lives": "n't" has no word boundary before it, so it is matched on its own.
    if (/(?:\b(?:not|never|nobody|no one|dont)\b|n['’]t\b)[^,.;!?]*$/.test(before) && p.kind === "intimidation") continue;
    if (CUES.story.test(sentence) || quotedAndCondemned(text, start)) continue;
    // "I'd kill myself laughing": the idiom, not the act.
    if (p.kind === "self_harm" && /^\s*laughing\b/.test(text.slice(start + m[1]!.length))) continue;
    // "with the apples still inside": whoever is inside must be people.
    const inside = /([\w'’]+)\s+(?:still\s+)?inside$/.exec(m[1]!);
    if (inside && !isPerson(inside[1]!)) continue;
    out.push({ modality: p.kind, start, end: start + m[1]!.length, target: "", endorsedBy: null });
  }
  return out;
}

function quotedAndCondemned(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const quoted = (before.match(/"/g) ?? []).length % 2 === 1 || (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length || CUES.reporting.test(sentenceAround(text, at).slice(0, 60));
  return quoted && !CUES.endorse.test(text);
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(".", at - 1), text.lastIndexOf("!", at - 1), text.lastIndexOf("?", at - 1), text.lastIndexOf("\n", at - 1)) + 1;
  const rest = text.slice(at).search(/[.!?\n]/);
  return text.slice(start, rest === -1 ? text.length : at + rest);
}

/** One flag per stretch of text: "go hang yourself" is both a self-harm phrase and a harm verb with an imperative. */
function dedupe(verdicts: Verdict[]): Verdict[] {
  return verdicts.filter((v, i) => !verdicts.some((u, j) => j < i && v.start < u.end && u.start < v.end));
}

function explain(v: Verdict): string {
  const who = v.target ? ` "${v.target}"` : " someone";
  switch (v.modality) {
    case "intent":
      return `The writer states an intent to harm${who}.`;
    case "call":
      return `Calls for${who} to be harmed (an imperative or "should", "needs to", "let's").`;
    case "wish":
      return `Wishes harm on${who} ("hope", "wish", "deserves to").`;
    case "endorsement":
      return v.endorsedBy ? `Endorses violence against${who} ("${v.endorsedBy}"), quoted or reported, as the writer's own view.` : `Presents violence against${who} as the right thing to do.`;
    case "self_harm":
      return "Urges someone to harm or kill themselves.";
    case "intimidation":
      return "Menaces someone: says the writer knows where they are, or that harm is coming to them.";
  }
}
