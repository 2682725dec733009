import type { HarmEvent, Target } from "../clause";
import type { Word } from "../nlp";
import type { CompiledThreatPack } from "../pack/threat";
import type { ThreatCues } from "./threat-cues";

/** What the writer does with a harm: the last part of a threat flag's rule id. */
export type Modality = "intent" | "call" | "wish" | "endorsement" | "self_harm" | "intimidation";

/** A judged threat: its rule, the words it spans, and why. */
export interface Verdict {
  modality: Modality;
  /** Offsets into the comment. */
  start: number;
  end: number;
  /** The harmed words as written ("you", "the ref's neck"), for the explanation. */
  target: string;
  /** A quoted call the writer endorses: the cue that shows it. */
  endorsedBy: string | null;
}

/** The sentence being judged: its words and where it sits in the comment. */
export interface SentenceView {
  words: Word[];
  /** The comment, lowercased with disguises undone (context.plain). */
  text: string;
  /** Sentence start and end offsets in `text`. */
  start: number;
  end: number;
}

/** The writer's modality for one harm event, or null when it is not a threat. */
export function judgeEvent(event: HarmEvent, s: SentenceView, pack: CompiledThreatPack, cues: ThreatCues): Verdict | null {
  const { words, text } = s;
  const target = event.target;
  if (!target || target.kind === "writer") return null;
  const anchor = words[event.at]!;
  const last = words[event.lastWord]!;
  const after = text.slice(last.end, Math.min(s.end, last.end + 40));
  const targetEnd = words[target.to - 1]!.end;
  const afterTarget = text.slice(targetEnd, Math.min(s.end, targetEnd + 30));
  if (isIdiom(event, target, words, after, afterTarget, pack, cues)) return null;
  const clauseFrom = words[event.clauseStart]!.start;
  const pre = text.slice(clauseFrom, anchor.start);
  const sentencePre = text.slice(s.start, anchor.start);
  const sentence = text.slice(s.start, s.end);
  if (isNegated(pre, cues) || (event.passive && isNegated(text.slice(clauseFrom, words[target.from]!.start), cues))) return null;
  const request = cues.requestStart.test(pre) || cues.requestStart.test(sentencePre);
  if (/\?\s*["”’)]*\s*$/.test(sentence) && !request) return null;
  const spanEnd = Math.max(targetEnd, last.end);
  // A carried weapon has no named target ("I'll be waiting outside with a hammer"); "Die in a fire" is said to the reader.
  const targetText = target.from === event.at ? "" : text.slice(words[target.from]!.start, targetEnd);
  const targetStart = words[target.from]!.start;
  const verdict = (modality: Modality, from: number, endorsedBy: string | null = null): Verdict => ({ modality, start: Math.min(firstWordAt(text, from), anchor.start, targetStart), end: spanEnd, target: targetText, endorsedBy });
  const reported = isReported(text, anchor.start, sentencePre, cues);
  // "people who assault staff should face longer sentences": a relative clause says what a group
  // does, so the sentence's "should" is about them, not a call for the harm; praise of it still
  // counts ("the guy who punched the mayor deserves a medal"). A modal keeps it a threat ("someone
  // who will stab him"), and "whoever hits him" is no relative clause about anyone.
  const relative = !event.passive && /\bwho\s+(?:[a-z]+ly\s+)?$/.test(sentencePre);
  const modality = relative ? null : findModality(event, s, pre, sentencePre, cues);
  // "We'll batter them on Saturday", "Beat City next week": defeat in a game, not harm.
  if (pack.defeatVerbs.has(event.lemma) && target.kind !== "body" && (cues.sports.test(text) || (target.kind === "name" && pack.mildDefeatVerbs.has(event.lemma)))) return null;
  // Praise or condemnation of the harm sits next to it (this sentence or its neighbours), not anywhere in a long comment.
  // A harm in a relative clause is praised by what the sentence goes on to say of its doer
  // ("the guy who punched the mayor deserves a medal"), not by what came before it.
  const elsewhere = relative ? text.slice(spanEnd, spanEnd + 120) : `${text.slice(Math.max(0, clauseFrom - 120), clauseFrom)} ${text.slice(spanEnd, spanEnd + 120)}`;
  if (reported || cues.story.test(sentence)) {
    // Fiction's violence is the story's: liking the film ("I love that film") endorses no harm.
    if (cues.story.test(sentence)) return null;
    // Quoted or told violence is the writer's own only when the writer endorses it.
    const cue = cues.endorse.exec(elsewhere);
    if (!cue || cues.condemn.test(elsewhere) || (!modality && !reported)) return null;
    return verdict("endorsement", clauseFrom, cue[0].trim());
  }
  if (modality) {
    if (modality.kind === "call" && (target.kind === "self" || (target.kind === "body" && isOwnBody(words, target, pack)))) return verdict("self_harm", modality.from);
    if (target.kind === "self" && modality.kind !== "wish") return null;
    if (hypotheticalBefore(pre, modality.from - clauseFrom, cues)) return null;
    return verdict(modality.kind, modality.from);
  }
  if (target.kind === "self" || !isDoneOrGeneral(event, s, pre, pack)) return null;
  // Harm already done (or in general) that the comment praises: "deserves a medal", "had it coming".
  const cue = cues.endorse.exec(elsewhere);
  if (cue && !cues.condemn.test(elsewhere) && !cues.story.test(sentence)) return verdict("endorsement", clauseFrom, cue[0].trim());
  if (cues.onlyWay.test(pre)) return verdict("endorsement", clauseFrom);
  return null;
}

/** "kill them with kindness", "cut you a slice", "die laughing", "kill it": harm words with no harm in them. */
function isIdiom(event: HarmEvent, target: Target, words: Word[], after: string, afterTarget: string, pack: CompiledThreatPack, cues: ThreatCues): boolean {
  // "die for a holiday" is an idiom; "hang for what he did" is a punishment.
  if (pack.dyingVerbs.has(event.lemma) && event.passive && cues.dyingIdiom.test(after) && (event.lemma === "die" || !/^\s*for\b/.test(after))) return true;
  // "get your fingers burnt": lose money, not skin.
  if (event.lemma === "burn" && target.kind === "body" && /^fingers?$/.test(words[target.to - 1]!.lower)) return true;
  // "Cut the staff, not the assistants", "cut all the councillors": a budget cut, staff let go. "I'll cut you" keeps its menace.
  if (event.lemma === "cut" && target.kind === "person" && /^(?:the|all|our|their|those|these|some|more)$/.test(words[target.from]!.lower)) return true;
  // "I'm cutting you off", "cut him off mid-sentence": stopping someone, not wounding them.
  if (event.lemma === "cut" && target.kind !== "body" && /^\s+off\b/.test(afterTarget)) return true;
  if (target.kind === "pronoun" || target.kind === "name" || target.kind === "person") {
    // A second object makes the verb a giving one: "shoot me an email", "cut you a slice".
    if (!event.passive && event.lemma !== "weapon" && /^\s+(?:a|an|some)\s/.test(afterTarget) && !/^\s+(?:a|an)\s+(?:good|proper|real|right)\b/.test(afterTarget)) return true;
    // A phrase that spans its target ("take him out"): what follows the phrase decides ("… for a curry"); its own tail is no idiom.
    if (cues.idiomAfterTarget.test(event.lastWord >= target.to ? after : afterTarget)) return true;
  }
  return false;
}

/** "slit your wrists" said to the reader: the reader's own body, harmed by the reader. */
function isOwnBody(words: Word[], target: Target, pack: CompiledThreatPack): boolean {
  const owner = words[target.from]!.lower;
  const part = words[target.to - 1]!.lower;
  return (owner === "your" || owner === "ur") && pack.selfInflictable.has(part);
}

function isNegated(pre: string, cues: ThreatCues): boolean {
  return cues.negation.test(pre.replace(cues.negationExceptions, " "));
}

/** "if he comes near me I'll hit him" is a threat; "if someone hit him" is a hypothetical. */
function hypotheticalBefore(pre: string, modalityAt: number, cues: ThreatCues): boolean {
  const m = cues.hypothetical.exec(pre);
  return !!m && m.index >= modalityAt - 1;
}

/** The harm sits in quotation marks, or after "said", "wrote", "threatened to" in its sentence. */
function isReported(text: string, at: number, sentencePre: string, cues: ThreatCues): boolean {
  const before = text.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length;
  const single = (before.match(/(?:^|[\s(])['‘]/g) ?? []).length > (before.match(/[’'](?=[\s.,!?;:)]|$)/g) ?? []).length;
  return straight || curly || single || cues.reporting.test(sentencePre);
}

/** Which modality governs the harm, and where its words begin. */
function findModality(event: HarmEvent, s: SentenceView, pre: string, sentencePre: string, cues: ThreatCues): { kind: Modality; from: number } | null {
  const from = s.words[event.clauseStart]!.start;
  const at = (m: RegExpExecArray | null) => (m ? from + m.index : from);
  if (cues.requestStart.test(pre) || cues.lets.test(pre)) return { kind: "call", from };
  const wish = cues.wish.exec(sentencePre);
  if (wish) return { kind: "wish", from: s.start + wish.index };
  if (cues.mayStart.test(pre)) return { kind: "wish", from };
  const deserve = cues.deserveEnd.exec(pre);
  if (deserve) return { kind: "wish", from: at(deserve) };
  // "I'm going to find you and break your jaw": the modality sits before the first of the coordinated verbs.
  const lead = coordinatedLead(s, event, cues) ?? (event.passive && event.target && event.target.from > event.clauseStart && event.target.from < event.at ? s.text.slice(from, s.words[event.target.from]!.start) : null);
  // "you'll get hurt", "you're going to die": harm foretold to the reader.
  const foretold = event.passive ? (cues.predictEnd.exec(pre) ?? (lead ? cues.predictEnd.exec(lead) : null)) : null;
  if (foretold) return { kind: "intimidation", from: at(foretold) };
  if (event.lemma === "dead" && /(?:want|wish|need|like|see)\s+$/.test(s.text.slice(s.words[event.clauseStart]!.start, event.target ? s.words[event.target.from]!.start : s.words[event.at]!.start))) return { kind: "wish", from };
  const intent = cues.intentEnd.exec(pre) ?? cues.subjectlessIntent.exec(pre) ?? (lead && (cues.intentEnd.exec(lead) ?? cues.subjectlessIntent.exec(lead)));
  if (intent) return { kind: event.passive ? "intimidation" : "intent", from: at(intent) };
  if (event.lemma === "weapon" && event.passive && cues.deserveNoun.test(pre)) return { kind: "wish", from };
  const loose = event.lemma === "weapon" ? cues.loosePrefixIntent.exec(pre) : null;
  if (loose) return { kind: "intent", from: at(loose) };
  const looseCall = event.lemma === "weapon" ? cues.looseCall.exec(pre) : null;
  if (looseCall) return { kind: "call", from: at(looseCall) };
  const call = cues.callEnd.exec(pre) ?? (lead && cues.callEnd.exec(lead));
  if (call) return { kind: "call", from: at(call) };
  if (!event.passive && cues.imperativeOnly.test(pre)) return { kind: "call", from };
  // "Drag them out and beat them": the clause opens with a bare verb that the harm is coordinated with.
  const first = s.words.slice(event.clauseStart, event.at).find((w) => !cues.imperativeOnly.test(w.lower));
  const bare = first && (first.pos === "VERB" || (first === s.words[0] && (first.pos === "PROPN" || first.pos === "NOUN"))) && first.lower === first.lemma;
  if (!event.passive && bare && /\band\s*$/.test(pre)) return { kind: "call", from };
  return null;
}

const NOT_MAIN_VERB = /^(?:going|gon|gonna|want|wanna|need|needs|got|have|has|ought|deserve|deserves|be|get|love|like|see)$/;

/** The clause's text before its first verb, when the harm is a later verb coordinated with it ("and", "or", "then"). */
function coordinatedLead(s: SentenceView, event: HarmEvent, cues: ThreatCues): string | null {
  const words = s.words.slice(event.clauseStart, event.at);
  const k = words.findIndex((w) => w.pos === "VERB" && !NOT_MAIN_VERB.test(w.lower) && !cues.imperativeOnly.test(w.lower));
  if (k <= 0 || !words.slice(k + 1).some((w) => w.lower === "and" || w.lower === "or" || w.lower === "then")) return null;
  return s.text.slice(words[0]!.start, words[k]!.start);
}

/** A cue's match may begin with the space or comma before its first word: the evidence starts at the word. */
function firstWordAt(text: string, at: number): number {
  while (at < text.length && !/[\p{L}\p{N}]/u.test(text[at]!)) at++;
  return at;
}

/**
 * Only harm done ("whoever glassed the steward", "the paedo got stabbed") or harm as a practice
 * ("Shooting looters on sight is…") can be praised; "this will hit the drivers hardest" is neither.
 */
function isDoneOrGeneral(event: HarmEvent, s: SentenceView, pre: string, pack: CompiledThreatPack): boolean {
  if (/(?:^|[^\w'’])(?:will|would|could|might|may|can|shall)(?=[^\w'’]|$)|['’]ll\b/.test(pre)) return false;
  const w = s.words[event.at]!;
  if (event.passive || event.lemma === "weapon" || event.lemma === "dead") return true;
  const lemma = pack.triggerForms.get(w.lower) ?? w.lemma;
  if (w.lower.endsWith("ing")) return event.at === event.clauseStart;
  return w.lower !== lemma || /^(?:who|whoever|that)$/.test(s.words[event.at - 1]?.lower ?? "");
}
