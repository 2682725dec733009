import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { GROUP_TERMS } from "../lexicon";

/**
 * Threats are modelled as harm + human target + the writer's modality (intent,
 * call, wish, endorsement), not as bad words: "I'd kill for a coffee" has no
 * human target, "the commute is murder" no modality, "massacres of unarmed
 * kids disgust the world" reports violence, and a quoted call to violence is
 * the writer's own only when the writer endorses it.
 */

const HARM =
  // Phrases first: an alternation takes the first that matches, and "beat" must not cut "beat some sense into" short.
  "(?:wipe out|wiped out|put down|string up|strung up|curb ?stomp|break (?:his|her|their|your|ur) (?:jaw|legs?|arms?|neck|face|nose|skull|teeth|knees?)|beat (?:the (?:living daylights|crap|shit|hell) out of|some sense into)|run (?:\\w+ ){0,2}(?:off the road|over|down)|put (?:you|him|her|them) (?:in (?:hospital|the ground|a coffin|a wheelchair)|out of (?:\\w+) misery)|(?:get|gets|getting) (?:hit by a (?:bus|car|lorry|truck|train)|cancer)|hit by a (?:bus|car|lorry|truck|train)|run (?:a|the|my|this|his) (?:sword|knife|blade|spear|stake) (?:through|into)|put (?:a|one|the) (?:bullet|round|knife|blade|brick|rock|stone|petrol bomb|molotov) (?:in|into|through)|blow (?:\\w+ )?brains out|give (?:[\\w']+ ){1,3}(?:a|an) (?:proper |good |real |right )?(?:hiding|beating|kicking|slap|smack|pasting|battering|going-over)|gave (?:[\\w']+ ){1,3}(?:a|an) (?:proper |good |real |right )?(?:hiding|beating|kicking|slap|smack|pasting|battering|going-over)|snap (?:your|his|her|their|ur) (?:fingers|neck|legs?|arms?)|end up in (?:hospital|a coffin|a wheelchair|the morgue|a box)|(?:get|gets|getting) (?:food poisoning|cancer)|kill|kills|killed|killing|murder|murders|murdered|shoot|shot|shoots|stab|stabs|stabbed|hang|hanged|hung|lynch|lynched|behead|beheaded|burn|burns|burned|burnt|drown|drowns|drowned|strangle|strangled|choke|slit|gut|gutted|butcher|butchered|slaughter|slaughtered|execute|executed|exterminate|exterminated|gas|gassed|bomb|nuke|rape|raped|torture|tortured|beat|beaten|punch|hurt|harm|cut|smash|bash|eliminate|torch|torched|attack|attacked|slap|slapped|kick|kicked|die|dies|rot|batter|battered|deck|glass|glassed|knife|knifed)";
const HARM_RE = new RegExp(`\\b${HARM}\\b`, "g");
/** Past harm that a sentence praises: "whoever torched his car did the right thing", "should get a medal". */
const PRAISE_AFTER = /\b(?:did the right thing|(?:is|was|are) (?:a |an )?(?:hero|heroes|legend|legends)|(?:should|deserves? to) get a medal|should do it again|do the rest|good on (?:him|her|them)|about time|wouldn'?t lose any sleep|(?:he|she|they)'?d have earned it|had it coming|shame (?:he|she|they) (?:wasn'?t|weren'?t) in it)\b/i;
const INTRANSITIVE = /^(?:die|dies|rot|burn|burns|drown|drowns|choke)$/;

const PERSON_NOUNS = `people|person|scabs?|strikers?|landlords?|tenants?|fans|supporters|lads|whoever \\w+|anyone who \\w+|ref|referee|striker|player|cyclist|driver|bloke|protesters?|dev|devs|manager|mayor|minister|councillors?|councilors?|mps?|pm|governor|officers?|officials?|ceo|owner|landlord|author|writer|man|men|woman|women|kid|kids|child|children|family|families|guy|guys|bastards?|traitors?|politicians?|cops?|mods?|moderators?|journalists?|reporters?|judges?|president|senators?|leaders?|neighbou?rs?|wife|husband|mother|mum|mom|father|dad|son|daughter|boss|teacher|${GROUP_TERMS.join("|")}`;
const BODY = "belly|head|throat|neck|face|back|heart|chest|skull|gut|guts|brains|jaw|legs?|mouth|kids|children|family|wife|husband|house|home|window|windows|car|door|mosques?|churches|church|synagogues?|temples?";
/** A human object right after the harm: you, him, them, his belly, those people, the jews, a Jew. */
const HUMAN_OBJECT = new RegExp(
  `^\\s*(?:up|down|out|off)?\\s*(?:(?:his|her|their|your|ur) (?:\\w+ )?(?:${BODY})|you|u|ya|him|her|them|yourself|yourselves|himself|herself|themselves|y'all|the lot of them|them all|all of them|every (?:last )?one|(?:the |that |this )?(?:\\w+ )?(?:${PERSON_NOUNS})'s (?:${BODY})|(?:the|that|this) (?:\\w+ )?(?:lot|council|team|cabinet|government|committee|planners?)|(?:all |every |each |those |these |the |a |an |some |that |this )?(?:\\w+ )?(?:\\w+'s )?(?:${PERSON_NOUNS}))\\b`,
  "i",
);
const HUMAN_ANYWHERE = /\b(?:you|him|her|them|yourself|urself|with you in it)\b/i;
/** A human subject at the end of the text before the frame: "you", "he", "people like her", "the traitors". */
const HUMAN_SUBJECT = new RegExp(`\\b(?:you|u|he|she|they|people like (?:him|her|them|you)|${PERSON_NOUNS})\\s*(?:\\w+\\s+){0,3}$`, "i");

/** Objects that make a harm verb an idiom: kill for a coffee, kill time, killing it, shoot me an email. */
const IDIOM_OBJECT =
  /^\s*(?:for\b|time\b|it\b|this\b|that\b|the (?:mood|vibe|lights?|engine|process|game|deadline|traffic|competition|bill|idea|conversation|thread)\b|me\b|myself\b|us an?\b|a leg\b|the breeze\b|two birds\b)/i;

type Modality = "intent" | "call" | "wish" | "endorsement";
interface Frame {
  kind: Modality;
  re: RegExp;
  /** The frame's harm has its target as the subject (passive or intransitive): "he should be shot", "hope you die". */
  subjectTarget?: boolean;
}

/** Each frame must end right where the harm begins (a few words may stand between). */
const GAP = "(?:\\s+(?:\\w+\\s+){0,3})?\\s*$";
/** "I'm going to find you after the match and break your jaw": an intent that reaches the harm through "and". */
const CHAIN = "\\s+(?:[\\w']+\\s+){1,7}and\\s+$";
const FRAMES: Frame[] = [
  { kind: "intent", re: new RegExp(`\\b(?:i|we)\\s*(?:'ll|will|'m going to|am going to|are going to|'re going to|gonna|'m gonna|am gonna|'d|would|shall|want to|wanna|plan to|intend to|swear i'?ll)(?:\\s+personally)?(?:${GAP}|${CHAIN})`, "i") },
  { kind: "intent", re: new RegExp(`^\\s*(?:gonna|going to|i'?ll|will)(?:${GAP}|${CHAIN})`, "i") },
  { kind: "call", re: new RegExp(`\\b(?:someone|somebody|anyone|people|they|we|you|y'all|everyone|every \\w+|the \\w+)\\s+(?:should|must|needs? to|ought to|has to|have to|gotta)(?:\\s+just)?${GAP}`, "i") },
  { kind: "call", re: /(?:^|[.!?]\s*)(?:let's|lets)\s+(?:\w+\s+)?$/i },
  { kind: "call", re: /^\s*(?:(?:just|go|and|so|now|please|somebody|someone|pls|lads|honestly)[,]?\s+)*$/i },
  { kind: "call", re: /\b(?:can|could|will|would|won'?t) (?:someone|somebody|anyone)\s+(?:just\s+|please\s+)?$/i },
  { kind: "call", re: /^\s*(?:round \w+ up|take \w+ (?:out back|outside|out)|drag \w+ out|hunt \w+ down|find \w+)\s+and\s+$/i },
  { kind: "wish", re: /\b(?:wish|hope|pray) (?:someone|somebody) would\s+$/i },
  { kind: "call", re: /\b(?:should|must|needs? to|ought to|deserves? to|has to|have to|will)\s+(?:be|get)\s+(?:\w+\s+)?$/i, subjectTarget: true },
  { kind: "wish", re: /\b(?:i hope|hope|hopefully|i wish|i pray|pray|may)\s+(?:that\s+)?(?:[\w']+\s+){1,4}(?:all\s+)?(?:gets?\s+|will\s+|(?:get|gets) [\w ]{1,20} and\s+)?$/i, subjectTarget: true },
  { kind: "wish", re: /\b(?:deserves?|ought|needs?)\s+to\s+$/i, subjectTarget: true },
  { kind: "endorsement", re: /\b(?:only|best|right|proper|real|final|one true)\s+(?:\w+\s+){0,2}["“”']?(?:way|solution|answer|dialogue|cure|response|treatment|thing|language|option|fix)["“”']?[^.!?]{0,60}\b(?:is|was)\s+(?:to\s+)?$/i },
];

/** Wishing a weapon on someone: "he deserves a knife in the back". */
const DESERVES_WEAPON = /\b(?:deserves?|needs?|earned|should get|ought to get)\s+(?:a|the|one)\s+(?:knife|bullet|rope|noose|beating|bat|blade|sword)\b/gi;
/** Menace without a harm verb. */
const INTIMIDATION =
  /\b(?:(?:we|i) know where (?:you|your \w+|u|he|she|they|his \w+|her \w+|their \w+) (?:live|lives|go to school|goes to school|work|works|sleep|sleeps)|(?:had|'d) better watch (?:your|his|her|their)(?:self|selves| back)|(?:get|gets|getting) what'?s coming to (?:you|him|her|them)|watch your back|your days are numbered|sleep with one eye open|you(?:'re| are) (?:a )?dead (?:man|woman|meat)|you won'?t see (?:it|me) coming|kys|(?:you're|you are|ur) (?:so )?dead (?:when|if|once)|shame if something (?:happened|were to happen|happens) to|(?:turn|show) up at your (?:door|house|home|work)|(?:coming|come) round (?:to )?your (?:house|place|home)|you won'?t like what happens|pay you a (?:little )?visit|(?:we|i)(?:'ve| have) got your (?:registration|reg|number plate|address|home address|details)|should have (?:aimed for|gone for|hit) (?:his|her|their|your) (?:head|face|throat))\b/gi;
/** Urging someone to harm themselves. */
const SELF_HARM = /\b(?:(?:go |just )?(?:kill|hang|drown|neck|end|off) (?:yourself|urself|yourselves)|jump off a (?:bridge|cliff|building|roof)|drink bleach|(?:go )?die in a (?:fire|hole|ditch)|(?:world|everyone) (?:would be|is|'d be) better (?:off )?without you)\b/gi;
/** "should have his legs broken". */
const SHOULD_HAVE_BROKEN = /\b(?:should|ought to|needs? to|deserves? to) (?:have|get) (?:his|her|their|your) (?:\w+ )?(?:legs?|arms?|jaw|neck|teeth|knees?|skull|face) (?:broken|smashed|snapped|kicked in)\b/gi;

const NEGATION_WORDS = /\b(?:never|not|n't|no one|nobody|wouldn't|won't|don't|shouldn't)\b[^,;]*$/i;
/** Negation that governs the harm; "why don't you…" is a suggestion, not a negation. */
const NEGATION = { test: (text: string) => NEGATION_WORDS.test(text.replace(/\bwhy (?:don'?t|not)\b/gi, "")) };
const REPORTED = /\b(?:said|says|remarked|wrote|writes|claimed|declared|tweeted|called for|argued|stated|told \w+|once \w+ed|whispers?|shouts?|sings?|in the (?:film|movie|book|song|show|episode|game|novel|series))\b/i;
/** Fiction, songs and news: violence described, not wished. */
const FICTION = /\b(?:film|movie|book|novel|song|lyrics?|villain|character|episode|scene|series|trailer|game's|in-game|boss fight|reported|according to|police said|court heard)\b/i;
const ENDORSES = /\b(?:i (?:like|love|agree with|admire|support|salute|respect)|(?:he|she|they) (?:was|were) right|so true|exactly right|well said|based|hear,? hear|i agree|amen|couldn'?t agree more|finally someone (?:saying|said|says)|what we all think|spot on)\b/i;
const CONDEMNS = /\b(?:vile|disgusting|horrific|abhorrent|shameful|evil|wrong|sick|monstrous|condemn\w*|appalling|barbaric)\b/i;

/** Words one of the patterns above starts with or needs: comments with none of them skip the patterns. */
const HARM_WORDS = new Set(topLevelAlternatives(HARM).map((a) => /^[a-z]+/.exec(a)?.[0]).filter((w): w is string => !!w));
const WEAPON_WORDS = new Set(["knife", "bullet", "rope", "noose", "beating", "bat", "blade", "sword"]);
const MENACE_WORDS = new Set(["got", "aimed", "without", "know", "better", "coming", "come", "watch", "days", "sleep", "dead", "see", "kys", "shame", "turn", "show", "like", "visit", "yourself", "urself", "jump", "bleach", "broken", "smashed", "snapped"]);

/** Harm + human target + modality, per sentence; and menacing phrases. */
export function threatPhase(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  const harm = hasAny(ctx, HARM_WORDS);
  const weapon = hasAny(ctx, WEAPON_WORDS);
  if (!harm && !weapon && !hasAny(ctx, MENACE_WORDS)) return flags;
  const text = ctx.plain;
  for (const s of harm || weapon ? ctx.sentences : []) {
    const sentence = text.slice(s.start, s.start + s.text.length);
    for (const m of sentence.matchAll(HARM_RE)) {
      const at = m.index ?? 0;
      const pre = clauseBefore(sentence, at);
      const post = sentence.slice(at + m[0].length, at + m[0].length + 60);
      const praise = PRAISE_AFTER.exec(sentence.slice(at));
      if (praise && (HUMAN_OBJECT.test(post) || HUMAN_ANYWHERE.test(sentence)) && !NEGATION.test(pre) && !FICTION.test(sentence)) {
        const end = s.start + at + praise.index + praise[0].length;
        flags.push(spanFlag(ctx, "threat", "threat.endorsement", s.start + at, end, `Praises violence against someone ("${praise[0]}").`, 0.75));
        continue;
      }
      const modality = findModality(pre, post, m[0]);
      if (!modality) continue;
      const start = s.start + Math.max(0, at - pre.trimStart().length);
      const end = s.start + at + m[0].length + targetLength(post);
      const reported = REPORTED.test(sentence.slice(0, at)) || insideQuotes(sentence, at);
      if (reported) {
        // What follows the quote, in this sentence or the next ones, says whether the writer endorses it.
        const rest = sentence.slice(at + m[0].length) + text.slice(s.start + s.text.length);
        if (!ENDORSES.test(rest) || CONDEMNS.test(rest)) continue;
        flags.push(spanFlag(ctx, "threat", "threat.endorsed-violence", start, end, `Quotes a call for violence against people and endorses it ("${ENDORSES.exec(rest)?.[0]}").`, 0.8));
      } else {
        flags.push(spanFlag(ctx, "threat", `threat.${modality}`, start, end, explain(modality), modality === "endorsement" ? 0.75 : 0.85));
      }
    }
    for (const m of sentence.matchAll(DESERVES_WEAPON)) {
      const at = m.index ?? 0;
      if (!HUMAN_SUBJECT.test(clauseBefore(sentence, at)) || NEGATION.test(sentence.slice(0, at))) continue;
      flags.push(spanFlag(ctx, "threat", "threat.wish", s.start + at, s.start + at + m[0].length, explain("wish"), 0.8));
    }
  }
  for (const m of text.matchAll(INTIMIDATION)) {
    const at = m.index ?? 0;
    if (FICTION.test(sentenceAround(text, at))) continue;
    flags.push(spanFlag(ctx, "threat", "threat.intimidation", at, at + m[0].length, "Menaces someone: says the writer knows where they are or that harm is coming.", 0.85));
  }
  for (const m of text.matchAll(SELF_HARM)) {
    const at = m.index ?? 0;
    if (NEGATION.test(text.slice(Math.max(0, at - 30), at)) || FICTION.test(sentenceAround(text, at))) continue;
    flags.push(spanFlag(ctx, "threat", "threat.self-harm-urging", at, at + m[0].length, "Urges someone to harm or kill themselves.", 0.85));
  }
  for (const m of text.matchAll(SHOULD_HAVE_BROKEN)) {
    const at = m.index ?? 0;
    flags.push(spanFlag(ctx, "threat", "threat.wish", at, at + m[0].length, explain("wish"), 0.8));
  }
  return dedupeOverlaps(flags);
}

/** The writer's modality for a harm, or null when the harm is an idiom, has no human target, or is negated. */
function findModality(pre: string, post: string, harm: string): Modality | null {
  if (NEGATION.test(pre)) return null;
  // The harm phrase may hold its own target ("break your jaw", "put you in hospital").
  const objectIsHuman = HUMAN_OBJECT.test(post) || /\b(?:you|your|ur|him|his|her|them|their)\b/.test(harm) || HUMAN_OBJECT.test(harm.replace(/^\S+/, ""));
  // "kill that idea" is an idiom, "kill that traitor" is not.
  const idiom = !objectIsHuman && IDIOM_OBJECT.test(post);
  for (const frame of FRAMES) {
    const m = frame.re.exec(pre);
    if (!m) continue;
    const before = pre.slice(0, m.index);
    const subjectHuman = HUMAN_SUBJECT.test(before) || (frame.kind === "wish" && HUMAN_SUBJECT.test(pre));
    if (frame.subjectTarget) {
      // "should be shot for this": the target is the subject, so what follows the verb is no idiom.
      if (subjectHuman) return frame.kind;
    } else if (idiom) {
      continue;
    } else if (INTRANSITIVE.test(harm)) {
      if (subjectHuman || objectIsHuman || HUMAN_ANYWHERE.test(post.slice(0, 25))) return frame.kind;
    } else if (objectIsHuman) return frame.kind;
  }
  return null;
}

/** The sentence (between . ! ? or line breaks) around an offset. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(".", at), text.lastIndexOf("!", at), text.lastIndexOf("?", at), text.lastIndexOf("\n", at)) + 1;
  const rest = text.slice(at).search(/[.!?\n]/);
  return text.slice(start, rest === -1 ? text.length : at + rest);
}

/** One flag per stretch of text: a self-harm urging is also a harm verb with an imperative frame. */
function dedupeOverlaps(flags: Flag[]): Flag[] {
  return flags.filter((f, i) => !flags.some((g, j) => j < i && g.start !== null && f.start !== null && f.start < (g.end ?? 0) && g.start < (f.end ?? 0)));
}

/** The part of the sentence before `at` that belongs to the same clause. */
function clauseBefore(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const cut = Math.max(before.lastIndexOf(";"), before.lastIndexOf(":"), before.lastIndexOf(" but "), before.lastIndexOf(" if "));
  return cut === -1 ? before : before.slice(cut + 1);
}

function targetLength(post: string): number {
  const m = HUMAN_OBJECT.exec(post);
  return m ? m[0].length : 0;
}

function insideQuotes(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const opens = (before.match(/[“]/g) ?? []).length - (before.match(/[”]/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return opens > 0 || straight;
}

function explain(kind: Modality): string {
  switch (kind) {
    case "intent":
      return "The writer states an intent to harm someone.";
    case "call":
      return "Calls for someone to be harmed.";
    case "wish":
      return "Wishes harm on someone.";
    case "endorsement":
      return "Presents violence against people as the right thing to do.";
  }
}

/** The first words of a pattern's top-level alternatives, to gate on: "(?:kill|run (?:a|the) …)" → kill, run. */
function topLevelAlternatives(pattern: string): string[] {
  const body = pattern.slice(3, -1); // strip "(?:" and ")"
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "|" && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}
