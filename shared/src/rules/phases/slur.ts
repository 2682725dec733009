import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { COUNTRY_NAMES, DEHUMANISING, GROUP_SMEARS, GROUP_TERMS, IDENTITY_SLURS } from "../lexicon";
import { findWords, indexLexicon } from "../lexicon-match";

const SLURS = indexLexicon(IDENTITY_SLURS);
const alt = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const GROUP = `(?:${alt(GROUP_TERMS)})(?:\\s+(?:men|man|people|folk|women|lads|guys|kids|boys|girls|taxi drivers|drivers|families))?`;
const PEOPLE = `(?:${GROUP}|(?:${alt(COUNTRY_NAMES)}))`;
const DEHUM = `(?:${alt(DEHUMANISING)})`;

/** "the zionist filth", "iran scum", "muslim vermin": a people named and branded in one phrase. */
const GROUP_THEN_NOUN = new RegExp(`\\b(${PEOPLE})\\s+(?:(?!are\\b|is\\b|were\\b|r\\b)[a-z]+\\s+)?(${DEHUM})\\b`, "gi");
/** "Xs are vermin", "X are nothing but animals", "X is a disease on this country". */
const GROUP_IS_NOUN = new RegExp(`\\b(${GROUP})\\s+(?:are|is|were|r)\\s+(?:all\\s+|just\\s+|nothing but\\s+|simply\\s+|like\\s+)*(?:an?\\s+|the\\s+)?(?:[a-z]+\\s+)?(${DEHUM})\\b`, "gi");
/** "filth like the X", "vermin such as X". */
const NOUN_LIKE_GROUP = new RegExp(`\\b(${DEHUM})\\s+(?:like|such as)\\s+(?:the\\s+)?(${GROUP})\\b`, "gi");
/** "child butchers", "baby killers" pinned on a people. */
const SMEAR = new RegExp(`\\b(${alt(GROUP_SMEARS)})\\b`, "gi");
/** Generalising about a group: "X always lie", "typical X, always whining", "why do X always …". */
const NEGATIVE = "(?:lie|lies|lying|liars?|hide the truth|steal|steals|stealing|thieves|cheat|cheats|cheating|whine|whining|ruin|ruins|rape|rapists?|terrorists?|criminals?|lazy|dirty|filthy|evil|greedy|violent|savages?|inferior|breed like|can'?t be trusted|cannot be trusted|parasitic)";
const GENERALISING = new RegExp(`\\b((?:all|typical|these|those|the|why do|why are)\\s+)?(${GROUP})[,]?\\s+(?:are\\s+|were\\s+)?(?:all\\s+)?(always|never|all|constantly|just)\\s+(?:[a-z']+\\s+){0,4}?(${NEGATIVE})\\b`, "gi");
/** Harm pinned on a group as what it does: "X ruin every neighbourhood they move into". */
const RUIN = "(?:ruin|ruins|ruined|destroy|destroys|infest|infests|invade|invades|flood|floods|breed like|bring crime|spread disease|rape|rob|steal)";
const ATTRIBUTE = new RegExp(`\\b(${GROUP})\\s+(?:always\\s+|just\\s+)?(${RUIN})\\s+(?:every|our|this|the|all|any)\\b`, "gi");
/** A follow-up sentence about the group just named: "They ruin every town.", "These people always lie." */
const FOLLOW_UP = new RegExp(`^\\s*(?:and\\s+|but\\s+)?(they|they're|these people|those people|their kind|such people)\\s+(?:are\\s+(?:all\\s+|just\\s+)?(?:an?\\s+)?(?:[a-z]+\\s+)?(${DEHUM})|(?:always\\s+|all\\s+)?(${RUIN}|${NEGATIVE}))\\b`, "i");
/** What is said of a whole group: "X are all thugs", "X are mentally ill", "X can't be trusted", "the problem with X is". */
const SMEARED =
  "(?:thugs|thieves|drunks|criminals|rapists|terrorists|groomers|paedos|pedos|predators|perverts|mentally ill|sick in the head|a drain|a burden|a fifth column|a cancer|a plague|filthy|dirty|lazy|inferior|subhuman|too emotional|blokes in dresses|men in dresses|animals|savages|invaders|scroungers|spongers|liars)";
const GROUP_PREDICATE = new RegExp(`\\b(${GROUP})(?:\\s+(?:in|from|of)\\s+(?:this|that|the|our)\\s+[\\w]+)?\\s+(?:are|'re|were)\\s+(?:all\\s+|just\\s+|so\\s+|too\\s+|nothing but\\s+|basically\\s+)?(?:[\\w-]+\\s+){0,2}?(${SMEARED})\\b`, "gi");
const GROUP_CANT = new RegExp(`\\b(${GROUP})\\s+(?:can'?t|cannot|shouldn'?t be allowed to|should not be allowed to|should never be allowed to)\\s+(be trusted|drive|integrate|speak \\w+|\\w+)`, "gi");
const PROBLEM_WITH = new RegExp(`\\bthe (?:problem|trouble) with (${GROUP}) is\\b`, "gi");
/** Tropes that need no group word: "go back to their own countries", "belong in the kitchen", "run by his sort". */
const TROPES: [RegExp, string][] = [
  [/\b(?:go|send (?:him|her|them|'em)|sent) back (?:to (?:their|your|his|her) (?:own )?(?:countr(?:y|ies)|jungle|desert|caves?)|where (?:they|he|she|you) came from)\b|\bsend (?:him|her|them) back\b/gi, "tells people to go back where they came from"],
  [/\b(?:women|girls|she) belongs? in the kitchen\b/gi, "says women belong in the kitchen"],
  [/\b(?:run|controlled|owned) by (?:his|her|their) (?:sort|kind|lot|people|tribe)\b|\b(?:his|their) (?:sort|kind|tribe) (?:run|control|own)s? (?:the )?(?:media|banks|world|hollywood)\b/gi, "an antisemitic 'they run everything' trope"],
  [/\bbreed(?:ing)? like (?:rats|rabbits|vermin|cockroaches)\b|\bshould stop breeding\b/gi, "talks of people breeding like vermin"],
];
const TYPICAL = new RegExp(`\\btypical\\s+(${GROUP})\\b[,]?\\s+(?:always\\s+)?(?:[a-z']+\\s+){0,2}?(${NEGATIVE})\\b`, "gi");

/** Words that show the writer rejects what is quoted or described (counter-speech). */
const CONDEMNS = /\b(?:vile|disgusting|hateful|racist|bigoted|abhorrent|shameful|unacceptable|wrong|sick|horrific|condemn\w*|not ok|never ok|appalling|dehumanising|dehumanizing|nonsense|rubbish|myth|ignorant|sexist|homophobic|transphobic)\b/i;
/** Cues that a quoted or named slur is being reported or rejected, not used: "stop using", "being called a", "people who say". */
const COUNTER_CUES = /\b(?:(?:people|those|anyone|someone|everyone) who (?:say|says|think|claim|call)|the (?:idea|claim|myth|lie|trope|notion|word|term) (?:that|\w+)?|(?:stop|quit|don'?t) (?:saying|using|calling)|(?:have|has) (?:clearly )?never met|being called|called (?:me|him|her|them|us)?\s*(?:a|an)?|shout(?:ing|ed)?|yell(?:ing|ed)?|racist|hurts|report it)\b/i;
const NEGATED = /\b(?:not|no|never|n't|aren't|isn't|nobody|none)\b/i;
/** "I'm a proud dyke", "as a fag myself": in-group, reclaimed use. */
const IN_GROUP = /\b(?:i'm|i am|im|as an?|we're|we are|us)\s+(?:an?\s+)?(?:proud\s+|old\s+|happy\s+)?$/i;

const DEHUM_WORDS = new Set(DEHUMANISING);
const GENERALISING_WORDS = new Set(["always", "never", "all", "constantly", "just", "typical", "are", "can't", "cant", "cannot", "shouldn't", "problem", "trouble", "they're"]);
const TROPE_WORDS = new Set(["back", "kitchen", "sort", "kind", "tribe", "breed", "breeding"]);
const COUNTRY_WORDS = new Set(COUNTRY_NAMES);
const GROUP_WORDS = new Set(GROUP_TERMS);
const SMEAR_WORDS = new Set(["butchers", "killers", "murderers"]);
const RUIN_WORDS = new Set(["ruin", "ruins", "ruined", "destroy", "destroys", "infest", "infests", "invade", "invades", "flood", "floods", "breed", "bring", "spread", "rape", "rob", "steal"]);

/** Given names used as ethnic epithets when nobody of that name is in the conversation ("Feeling shaky Shlomo?"). */
const EPITHET_NAMES = new Set(["shlomo", "moishe", "pajeet"]);

function epithetNames(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  for (const t of ctx.tokens) {
    if (!EPITHET_NAMES.has(t.norm) || ctx.knownNames.has(t.norm)) continue;
    flags.push(spanFlag(ctx, "slur", "slur.epithet-name", t.start, t.end, `"${t.text}" is used as a name for someone not in the conversation: a common ethnic epithet.`, 0.45));
  }
  return flags;
}

/** Hate aimed at people for who they are: identity slurs, dehumanising labels, derogatory generalisations. */
export function slurPhase(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  for (const hit of findWords(ctx.tokens, SLURS)) {
    const before = ctx.body.slice(Math.max(0, hit.start - 30), hit.start);
    if (IN_GROUP.test(before)) continue;
    // Reported or rejected, not used: "Shouting "paki" at a driver is racist", "Being called a f** at school…".
    if (COUNTER_CUES.test(ctx.plain) && (insideQuotes(ctx.body, hit.start) || /\b(?:called|calling)\s+(?:me\s+|him\s+|her\s+|them\s+|us\s+)?(?:an?\s+)?["“]?$/i.test(before))) continue;
    const how = hit.disguise ? ` (${hit.disguise})` : "";
    flags.push(spanFlag(ctx, "slur", "slur.identity", hit.start, hit.end, `"${ctx.body.slice(hit.start, hit.end)}" is an identity slur${how}.`, 0.9));
  }
  const dehumanising = hasAny(ctx, DEHUM_WORDS);
  const groupNamed = hasAny(ctx, GROUP_WORDS);
  const generalising = groupNamed && (hasAny(ctx, GENERALISING_WORDS) || hasAny(ctx, RUIN_WORDS));
  const smear = hasAny(ctx, SMEAR_WORDS);
  flags.push(...epithetNames(ctx));
  const trope = hasAny(ctx, TROPE_WORDS);
  if (!dehumanising && !generalising && !smear && !trope && !groupNamed) return flags;
  const marks = markSentences(ctx);
  let previousGroup: string | null = null;
  for (const [index, sentence] of ctx.sentences.entries()) {
    const mark = marks[index]!;
    const s = { start: sentence.start, text: ctx.plain.slice(sentence.start, sentence.start + sentence.text.length) };
    const follow = previousGroup && !NEGATED.test(s.text.slice(0, 20)) ? FOLLOW_UP.exec(s.text) : null;
    if (follow) {
      const start = s.start + (follow.index ?? 0) + (follow[0].length - follow[0].trimStart().length);
      flags.push(spanFlag(ctx, "slur", "slur.derogation", start, s.start + (follow.index ?? 0) + follow[0].length, `Says "${follow[1]}" (${previousGroup}, named just before) ${follow[2] ? `are "${follow[2]}"` : `"${follow[3]}"`}: derogates a group.`, 0.6));
    }
    previousGroup = mark.group;
    // Every pattern below needs a group word, a dehumanising noun, a trope word or a smear in this very sentence.
    if (!mark.group && !mark.people && !mark.trope && !mark.smear) continue;
    if ((CONDEMNS.test(s.text) || COUNTER_CUES.test(s.text)) && /["“”'‘’]|\bcall(?:s|ed|ing)?\b|^\s*saying\b/i.test(s.text)) continue; // counter-speech quoting hate to reject it
    const add = (re: RegExp, rule: string, why: (m: RegExpMatchArray) => string, confidence: number, skipNegated = true) => {
      for (const m of s.text.matchAll(re)) {
        const at = m.index ?? 0;
        // "Not all immigrants are criminals": the negation stands just before the group.
        if (skipNegated && (NEGATED.test(m[0]) || /\b(?:not|no|never)\s+(?:all\s+|every\s+|most\s+)?$/i.test(s.text.slice(Math.max(0, at - 12), at)))) continue;
        if (insideQuotes(s.text, at)) continue; // a phrase in quotes is named, not said
        const start = s.start + at;
        flags.push(spanFlag(ctx, "slur", rule, start, start + m[0].trimEnd().length, why(m), confidence));
      }
    };
    if (dehumanising && mark.dehumanising && (mark.people || mark.group)) {
      add(GROUP_THEN_NOUN, "slur.dehumanising", (m) => `Calls ${m[1]} "${m[2]}": dehumanises a people.`, 0.85);
      add(GROUP_IS_NOUN, "slur.dehumanising", (m) => `Says ${m[1]} are "${m[2]}": dehumanises a group.`, 0.85);
      add(NOUN_LIKE_GROUP, "slur.dehumanising", (m) => `Calls ${m[2]} "${m[1]}": dehumanises a group.`, 0.85);
    }
    if (generalising && mark.group) {
      add(GENERALISING, "slur.derogation", (m) => `Generalises about ${m[2]} as a group ("${m[3]} … ${m[4]}").`, 0.6);
      add(TYPICAL, "slur.derogation", (m) => `Generalises about ${m[1]} as a group ("typical … ${m[2]}").`, 0.6);
      add(ATTRIBUTE, "slur.derogation", (m) => `Blames ${m[1]} as a group ("${m[2]} …").`, 0.6);
    }
    if (mark.group) {
      add(GROUP_PREDICATE, "slur.derogation", (m) => `Says ${m[1]} as a group are "${m[2]}".`, 0.65);
      add(GROUP_CANT, "slur.derogation", (m) => `Says ${m[1]} as a group can't or shouldn't "${m[2]}".`, 0.55);
      add(PROBLEM_WITH, "slur.derogation", (m) => `Treats ${m[1]} as a problem.`, 0.55);
    }
    for (const [re, why] of mark.trope ? TROPES : []) {
      add(re, "slur.trope", () => `A hateful trope: ${why}.`, 0.6, false);
    }
    if (smear && mark.smear && (mark.people || mark.group !== null || /\bthe\s+(?:child|baby|christ|god)\s+(?:butchers|killers|murderers)\b/i.test(s.text))) {
      add(SMEAR, "slur.group-smear", (m) => `"${m[1]}" brands a whole people as murderers.`, 0.6, false);
    }
  }
  return flags;
}

interface SentenceMark {
  /** The first group word in the sentence, or null. */
  group: string | null;
  people: boolean;
  dehumanising: boolean;
  trope: boolean;
  smear: boolean;
}

/** Which kinds of trigger words each sentence holds, from the tokens (one pass), so costly patterns run only where they can match. */
function markSentences(ctx: CommentContext): SentenceMark[] {
  const marks = ctx.sentences.map((): SentenceMark => ({ group: null, people: false, dehumanising: false, trope: false, smear: false }));
  let si = 0;
  for (const t of ctx.tokens) {
    while (si < ctx.sentences.length - 1 && t.start >= ctx.sentences[si + 1]!.start) si++;
    const mark = marks[si];
    if (!mark) break;
    if (GROUP_WORDS.has(t.norm)) mark.group ??= t.norm;
    if (COUNTRY_WORDS.has(t.norm)) mark.people = true;
    if (DEHUM_WORDS.has(t.norm)) mark.dehumanising = true;
    if (TROPE_WORDS.has(t.norm)) mark.trope = true;
    if (SMEAR_WORDS.has(t.norm)) mark.smear = true;
  }
  return marks;
}

/** True when `at` sits inside quotation marks opened earlier in its line. */
function insideQuotes(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", at) + 1, at);
  return (line.match(/[“]/g) ?? []).length > (line.match(/[”]/g) ?? []).length || (line.match(/"/g) ?? []).length % 2 === 1;
}
