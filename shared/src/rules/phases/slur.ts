import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { tokenSummary } from "../prefilter";
import { COUNTRY_NAMES, GROUP_SMEARS, GROUP_TERMS, IDENTITY_PACK, IDENTITY_SLURS, PROFANITY } from "../lexicon";
import { findWords, indexLexicon, matchCensored } from "../lexicon-match";
import { derogationFlags, insideQuotes } from "./slur-derogation";
import { endorsesMention, isMention } from "./slur-mention";
import { indexPhrases, layoutOf, phraseAt } from "./slur-phrases";

const SLURS = indexLexicon(IDENTITY_SLURS);
const PROFANE = indexLexicon(PROFANITY);
const SLUR_INFO = new Map(IDENTITY_PACK.slurs.map((s) => [s.base, s]));
/** How an explanation names the people a slur targets. */
const TARGET_WORDS: Record<(typeof IDENTITY_PACK.slurs)[number]["target"], string> = {
  race: "people of a race",
  ethnicity: "an ethnic group",
  religion: "a religious group",
  sexuality: "gay, lesbian or bisexual people",
  gender: "trans people",
  disability: "disabled people",
  nationality: "people of a nationality",
};
const SPEAKERS = new Set(IDENTITY_PACK.reclaimedCues.speakers);
const FILLERS = new Set(IDENTITY_PACK.reclaimedCues.fillers);
const EPITHET_NAMES = new Set(IDENTITY_PACK.epithetNames);
const GROUP_WORDS = new Set(GROUP_TERMS);
const COUNTRIES = new Set(COUNTRY_NAMES);
const STRONG = new Set(IDENTITY_PACK.dehumanising.strong);
const SMEARS = indexPhrases(GROUP_SMEARS);
const TROPES = indexPhrases(IDENTITY_PACK.tropes.map((t) => t.phrase));
const TROPE_WHY = new Map(IDENTITY_PACK.tropes.map((t) => [t.phrase, t.why]));
const REPORTING = indexPhrases(IDENTITY_PACK.counterSpeechCues.reporting);
/** Animals a trope's imagery may be said of literally. */
const ANIMALS = new Set(["pigeons", "rabbits", "rats", "mice", "squirrels", "foxes", "monkeys", "apes", "chimps", "gorillas", "birds", "cats", "dogs", "gulls", "seagulls", "deer", "badgers", "slugs", "snails", "ants", "wasps", "flies", "bees", "pests", "insects", "parrots", "geese", "ducks", "hamsters", "guinea", "orangutans", "lemurs", "animals", "cubs", "kittens", "puppies"]);
/** Words any of whose presence lets the slur and phrase rules run at all (most comments hold none). */
const firstWords = (phrases: readonly string[]) => phrases.map((p) => p.split(" ")[0]!);
const SLUR_GATE = new Set(IDENTITY_SLURS.flatMap((e) => firstWords([e.base, ...(e.forms ?? [])])));
const PHRASE_GATE = new Set([...GROUP_WORDS, ...COUNTRIES, ...STRONG, ...firstWords(GROUP_SMEARS), ...firstWords(IDENTITY_PACK.tropes.map((t) => t.phrase))]);

/** "I'm a proud dyke", "as a fag myself", "we call ourselves the old dykes": the writer's own group, reclaimed. */
function spokenByInGroup(ctx: CommentContext, index: number): boolean {
  for (let j = index - 1; j >= Math.max(0, index - 5); j--) {
    const w = ctx.tokens[j]!.norm;
    if (SPEAKERS.has(w)) return true;
    if (!FILLERS.has(w)) return false;
  }
  return false;
}

/** Identity slurs used of people (not reclaimed, not reported in order to reject them). */
function identitySlurs(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  const hits = findWords(ctx.tokens, SLURS);
  const layout = hits.length ? layoutOf(ctx) : null;
  let endorsed: boolean | undefined;
  for (const hit of hits) {
    const index = ctx.tokens.findIndex((t) => t.start === hit.start);
    if (index >= 0 && spokenByInGroup(ctx, index)) continue;
    // "f***" could hide "fags" as well as "fuck": stars that leave one letter, or could hide a swear word, are read as the swear word.
    const censored = index >= 0 && hit.disguise === "censored with asterisks" ? ctx.tokens[index]!.norm : null;
    // (Counted exactly when the slur fits the stars exactly, loosely when it needed the looser count.)
    if (censored && ((censored.match(/\p{L}/gu) ?? []).length < 2 || matchCensored(censored, PROFANE, !matchCensored(censored, SLURS, false)))) continue;
    // Reported, named or rejected, not used ("got called a 'paki' at school", "the word … is vile"), unless the writer takes it up.
    if (index >= 0 && isMention(ctx, index, layout!.sentence.indexOf(layout!.sentence[index]!)) && !(endorsed ??= endorsesMention(ctx))) continue;
    const how = hit.disguise ? ` (${hit.disguise})` : "";
    const slur = SLUR_INFO.get(hit.entry.base);
    const target = slur ? ` against ${TARGET_WORDS[slur.target]}` : "";
    flags.push(spanFlag(ctx, "slur", "slur.identity", hit.start, hit.end, `"${ctx.body.slice(hit.start, hit.end)}" is an identity slur${target}${how}.`, slur?.severity === "severe" ? 0.95 : 0.85));
  }
  return flags;
}

/** Given names used as ethnic epithets when nobody of that name is in the conversation ("Feeling shaky Shlomo?"). */
function epithetNames(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  for (const t of ctx.tokens) {
    if (!EPITHET_NAMES.has(t.norm) || ctx.knownNames.has(t.norm)) continue;
    flags.push(spanFlag(ctx, "slur", "slur.epithet-name", t.start, t.end, `"${t.text}" is used as a name for someone not in the conversation: a common ethnic epithet.`, 0.45));
  }
  return flags;
}

/**
 * Phrases found token by token: "Iran scum" (a country's people branded), "filth like the X",
 * "child butchers" pinned on a people, and tropes that need no group word ("go back to their own country").
 */
function phraseFlags(ctx: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  const flags: Flag[] = [];
  const reported = (i: number) => insideQuotes(ctx.body, tokens[i]!.start) || singleQuoted(ctx.body, tokens[i]!.start) || tokens.slice(Math.max(0, i - 8), i).some((_, k) => phraseAt(tokens, Math.max(0, i - 8) + k, REPORTING, i) > 0);
  const span = (from: number, to: number) => [tokens[from]!.start, tokens[to - 1]!.end] as const;
  const people = tokens.some((t) => GROUP_WORDS.has(t.norm) || COUNTRIES.has(t.norm));
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    if (COUNTRIES.has(w) || GROUP_WORDS.has(w)) {
      const j = [i + 1, i + 2].find((k) => STRONG.has(tokens[k]?.norm ?? "") && !["are", "is", "were", "r"].includes(tokens[i + 1]!.norm));
      if (j !== undefined && !reported(i)) flags.push(spanFlag(ctx, "slur", "slur.dehumanising", ...span(i, j + 1), `Calls ${tokens[i]!.text} "${tokens[j]!.text}": dehumanises a people.`, 0.85));
    }
    if (STRONG.has(w) && ["like", "such"].includes(tokens[i + 1]?.norm ?? "")) {
      const k = [i + 2, i + 3, i + 4].find((n) => GROUP_WORDS.has(tokens[n]?.norm ?? ""));
      if (k !== undefined && !reported(i)) flags.push(spanFlag(ctx, "slur", "slur.dehumanising", ...span(i, k + 1), `Calls ${tokens[k]!.text} "${tokens[i]!.text}": dehumanises a group.`, 0.85));
    }
    const smear = phraseAt(tokens, i, SMEARS);
    if (smear && (people || tokens[i - 1]?.norm === "the") && !reported(i)) {
      flags.push(spanFlag(ctx, "slur", "slur.group-smear", ...span(i, i + smear), `"${ctx.body.slice(...span(i, i + smear))}" brands a whole people as murderers.`, 0.6));
    }
    const trope = phraseAt(tokens, i, TROPES);
    // "Pigeons breeding like rats", "the monkeys went back to the trees": said of animals, not people.
    if (trope && !reported(i) && !tokens.slice(Math.max(0, i - 8), i).some((t) => ANIMALS.has(t.norm))) {
      const phrase = tokens.slice(i, i + trope).map((t) => t.norm).join(" ");
      flags.push(spanFlag(ctx, "slur", "slur.trope", ...span(i, i + trope), `A hateful trope: ${TROPE_WHY.get(phrase) ?? "a hateful stereotype"}.`, 0.6));
    }
  }
  return flags;
}

/** Opened by a single quotation mark in the same line and not closed before `at`: "whoever wrote 'send them back'". */
function singleQuoted(text: string, at: number): boolean {
  // The line up to and including the word's first letter, so a quote right before the word reads as opening it.
  const line = text.slice(text.lastIndexOf("\n", at) + 1, at + 1);
  const opened = (line.match(/(?:^|[\s(])['‘]/g) ?? []).length;
  const closed = (line.match(/[’'](?=[\s.,!?;:)]|$)/g) ?? []).length;
  return opened > closed;
}

/** The antisemitic echo: a name, a pronoun or a code word ("globalists") in triple parentheses marks its people as Jewish, "(((they))) control it". */
const ECHO = /\({3}\s*((?:[Tt]hey|[Tt]hem|[Tt]heir|[Tt]hose people|[Gg]lobalists?|[Bb]ankers?|(?:[Tt]he )?[Mm]edia|[Ee]lites?|THEY|THEM)|\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3})\s*\){3}/gu;

function echoFlags(ctx: CommentContext): Flag[] {
  return [...ctx.body.matchAll(ECHO)].map((m) => spanFlag(ctx, "slur", "slur.trope", m.index!, m.index! + m[0].length, "A hateful trope: the triple-parenthesis echo marks people as Jewish in order to target them.", 0.8));
}

/** Hate aimed at people for who they are: identity slurs, dehumanising labels, derogatory generalisations, tropes. */
export function slurPhase(ctx: CommentContext): Flag[] {
  const flags = [
    // A censored or stretched word ("tr*nny", "n*****r") is only known once matched against the list.
    ...(hasAny(ctx, SLUR_GATE) || (tokenSummary(ctx.tokens)?.irregular ?? true) ? identitySlurs(ctx) : []),
    ...(ctx.body.includes("(((") ? echoFlags(ctx) : []),
    ...(hasAny(ctx, EPITHET_NAMES) ? epithetNames(ctx) : []),
    ...(hasAny(ctx, PHRASE_GATE) ? phraseFlags(ctx) : []),
    ...derogationFlags(ctx),
  ];
  if (flags.length < 2) return flags;
  return flags.filter((f, i) => !flags.some((g, j) => j < i && f.start! < g.end! && g.start! < f.end!));
}
