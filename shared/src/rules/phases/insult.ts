import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { GROUP_TERMS, INSULT_NOUNS, STRONG_INSULTS, TARGETED_INSULTS } from "../lexicon";
import { findWords, indexLexicon } from "../lexicon-match";

const STRONG = indexLexicon(STRONG_INSULTS);
const WORDS = [...TARGETED_INSULTS, "waste of (?:space|oxygen|skin|air)"].join("|");
const ADJ = "(?:a|an|such an?|so|too|really|very|just|truly|clearly|the|total|complete|utter|absolute|real|big|little|pathetic|stupid|sad|old|fucking|f\\w*ing|bloody|damn|tedious|useless|blind)";
const NOUNS = INSULT_NOUNS.join("|");
/** "The ref is a blind, useless clown", "the devs are incompetent hacks", "our manager is a clueless fraud". */
const PREDICATE = new RegExp(`\\b(?:is|'s|are|'re|was|were)\\s+(?:all\\s+|just\\s+|such\\s+|nothing but\\s+)?(?:an?\\s+|the\\s+)?(?:[\\w-]+,?\\s+){0,3}?(${NOUNS})s?\\b`, "gi");
/** "Are you thick or just pretending?", "what a pathetic little man you are". */
const ARE_YOU = new RegExp(`\\bare (?:you|u) (?:so |really |just |actually )?(${WORDS})\\b|\\bwhat an? (?:[\\w-]+\\s+){0,3}(?:man|woman|person|boy|girl|${WORDS}) you are\\b`, "gi");
/** Contempt for what someone wrote: "dumbest comment of the week", "another braindead take". */
const CONTRIBUTION = /\b(?:dumbest|stupidest|thickest|most (?:idiotic|moronic|brainless|pathetic)|brain-?dead|idiotic|moronic)\s+(?:comment|take|post|opinion|argument|reply|thing (?:i'?ve|you'?ve) (?:ever )?(?:read|seen|said))\b/gi;
/** "City fans are the thickest supporters", "Apple fanboys are the dumbest people on earth". */
const SUPERLATIVE = /\b(?:are|is) (?:the|by far the) (?:thickest|dumbest|stupidest|most (?:idiotic|pathetic|brainless|clueless))\b[^.!?]{0,30}/gi;
/** A one-word verdict on the person: "Pathetic.", "Loser." */
const ONE_WORD = /^\s*(pathetic|loser|clown|idiot|moron|embarrassing|muppet|fraud)[.!]*\s*$/i;
/** "you loser", "you're a pathetic clown", "you are so stupid", "what a fool you are". */
const YOU_ARE = new RegExp(`\\b(?:you|u|ya)(?:'re|’re| are| r)?\\s+(?:${ADJ}\\s+){0,3}(${WORDS})\\b`, "gi");
const LIKE_YOU = new RegExp(`\\b(${WORDS})s?\\s+like\\s+(?:you|u)\\b`, "gi");
/** "Wake up, creature." — a singular insult as the vocative at the end of a sentence. */
const VOCATIVE = new RegExp(`,\\s*(?:you\\s+)?(?:${ADJ}\\s+)?(${WORDS})\\s*[.!?]+\\s*$`, "i");
/** Profanity thrown at the reader: "you bitch", "you absolute prick". */
const YOU_PROFANE = new RegExp(`\\b(?:you|u)\\s+(?:${ADJ}\\s+){0,2}(bitch|asshole|arsehole|cunt|prick|twat|dick|bastard|slut|whore)\\b`, "gi");

/** Abuse of a group that is not protected (cyclists, landlords, fans): "Cyclists are vermin". An insult, not a slur. */
const GROUP_ABUSE = /\b([a-z]+s)\s+are\s+(?:all\s+|just\s+|so\s+|nothing but\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(vermin|parasites|rats|scum|filth|cockroaches|animals|pigs|leeches|maggots|subhuman|trash|garbage|brain-?dead|braindead|brainless|spineless|gutless|useless|worthless|pathetic|thick|moronic|idiotic|incompetent|smug)\b|\blike the (rats|vermin|parasites|cockroaches|animals|pigs|scum) (?:they|you) are\b/gi;

const PROTECTED = new Set(GROUP_TERMS);
const YOU_WORDS = new Set(["you", "u", "ya", "you're", "youre"]);
const TARGETED_WORDS = new Set(TARGETED_INSULTS);
const PREDICATE_GATE = new Set([...INSULT_NOUNS, ...INSULT_NOUNS.map((n) => `${n}s`), "dumbest", "stupidest", "thickest", "most", "brain", "braindead", "idiotic", "moronic"]);
const ABUSE_WORDS = new Set(["brain", "braindead", "brainless", "spineless", "gutless", "useless", "worthless", "pathetic", "thick", "moronic", "idiotic", "incompetent", "smug", "vermin", "parasites", "rats", "scum", "filth", "cockroaches", "animals", "pigs", "leeches", "maggots", "subhuman", "trash", "garbage"]);

/** Insults aimed at a person: name-calling, and milder words when addressed to someone. */
export function insultPhase(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  for (const hit of findWords(ctx.tokens, STRONG)) {
    const seen = ctx.body.slice(hit.start, hit.end);
    flags.push(spanFlag(ctx, "insult", "insult.name-calling", hit.start, hit.end, `"${seen}" is name-calling ("${hit.entry.base}").`, 0.8));
  }
  for (const m of hasAny(ctx, ABUSE_WORDS) ? ctx.plain.matchAll(GROUP_ABUSE) : []) {
    if (m[1] && PROTECTED.has(m[1].toLowerCase())) continue; // a protected group: the slur phase judges it
    const start = m.index ?? 0;
    flags.push(spanFlag(ctx, "insult", "insult.group-abuse", start, start + m[0].length, `"${m[0]}" abuses a group of people (not for who they are, so an insult rather than a slur).`, 0.7));
  }
  for (const re of [PREDICATE, CONTRIBUTION, SUPERLATIVE]) {
    for (const m of hasAny(ctx, PREDICATE_GATE) ? ctx.plain.matchAll(re) : []) {
      const start = m.index ?? 0;
      flags.push(spanFlag(ctx, "insult", "insult.name-calling", start, start + m[0].trimEnd().length, `"${ctx.body.slice(start, start + m[0].trimEnd().length)}" insults someone.`, 0.7));
    }
  }
  for (const s of ctx.sentences) {
    if (ONE_WORD.test(s.text)) flags.push(spanFlag(ctx, "insult", "insult.addressed", s.start, s.start + s.text.trimEnd().length, "A one-word verdict on a person.", 0.6));
  }
  for (const re of hasAny(ctx, YOU_WORDS) ? [YOU_ARE, LIKE_YOU, YOU_PROFANE, ARE_YOU] : []) {
    for (const m of ctx.plain.matchAll(re)) {
      const start = m.index ?? 0;
      flags.push(spanFlag(ctx, "insult", "insult.addressed", start, start + m[0].length, `"${m[0]}" insults the person addressed.`, 0.75));
    }
  }
  for (const s of hasAny(ctx, TARGETED_WORDS) ? ctx.sentences : []) {
    const m = VOCATIVE.exec(ctx.plain.slice(s.start, s.start + s.text.length));
    if (!m || !m[1]) continue;
    const start = s.start + (m.index ?? 0) + m[0].indexOf(m[1], 1);
    flags.push(spanFlag(ctx, "insult", "insult.addressed", start, start + m[1].length, `"${m[1]}" is used to address someone as an insult.`, 0.65));
  }
  return dedupe(flags);
}

function dedupe(flags: Flag[]): Flag[] {
  return flags.filter((f, i) => !flags.some((g, j) => j < i && g.start !== null && f.start !== null && f.start < (g.end ?? 0) && g.start < (f.end ?? 0)));
}
