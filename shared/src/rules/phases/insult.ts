import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { figurativeInsultFlags } from "./insult-figurative";
import { targetedInsultFlags } from "./insult-target";
import { PROTECTED } from "./insult-roles";
import { tauntFlags } from "./insult-taunts";

/** Contempt for what someone wrote: "dumbest comment of the week", "another braindead take". */
const CONTRIBUTION = /\b(?:dumbest|stupidest|thickest|most (?:idiotic|moronic|brainless|pathetic)|brain-?dead|idiotic|moronic)\s+(?:comment|take|post|opinion|argument|reply|thing (?:i'?ve|you'?ve) (?:ever )?(?:read|seen|said))\b/gi;
/** "City fans are the thickest supporters", "Apple fanboys are the dumbest people on earth", "you're genuinely the thickest person here". */
const SUPERLATIVE = /\b(?:are|is|you['’]re|youre|he['’]s|she['’]s|they['’]re)(?: (?:genuinely|honestly|easily|literally|officially|clearly|probably|actually|surely))? (?:the|by far the) (?:thickest|dumbest|stupidest|most (?:idiotic|pathetic|brainless|clueless))\b[^.!?]{0,30}/gi;
/**
 * A superlative of character said of people: "you lot are the most miserable bunch I've ever read",
 * "he's the laziest player in the squad". The noun after it must be a person, so "the most annoying update" is not one.
 */
const SUPERLATIVE_PERSON = /\b(?:are|is|you['’]re|youre|they['’]re|[\p{L}]+['’]s)(?: (?:genuinely|honestly|easily|literally|officially|clearly|probably|actually|surely|just))? (?:the|by far the) (?:most (?:miserable|ignorant|arrogant|insufferable|deluded|gullible|entitled|obnoxious|unpleasant|incompetent|clueless|spineless|gormless|useless|bitter|smug|vile)|laziest|nastiest|ugliest|smuggest|bitterest|thickest|dumbest|stupidest) (?:bunch|lot|people|person|man|woman|bloke|guy|poster|posters|commenter|commenters|group|crowd|individual|human being|specimen|player|players|manager|ref|referee|councillor|councillors|journalist|reviewer|writer|mp|politician|politicians)\b/giu;
const SUPERLATIVE_PERSON_GATE = new Set(["most", "laziest", "nastiest", "ugliest", "smuggest", "bitterest"]);
/** A one-word verdict on the person: "Pathetic.", "Loser." */
const ONE_WORD = /^\s*(pathetic|loser|clown|idiot|moron|embarrassing|muppet|fraud)[.!]*\s*$/i;
/** "Thick as two short planks", "dumb as a box of rocks": the simile says it of whoever is meant. */
const SIMILE = /\b(?:thick|dumb|daft|stupid) as (?:two short planks|a (?:plank|brick|box of rocks|post|bag of hammers))\b/gi;

const ONE_WORD_GATE = new Set(["pathetic", "loser", "clown", "idiot", "moron", "embarrassing", "muppet", "fraud"]);
/** Words without which CONTRIBUTION and SUPERLATIVE cannot match ("most" alone is too common to gate on). */
const SUPERLATIVE_GATE = new Set(["dumbest", "stupidest", "thickest", "brain", "braindead", "idiotic", "moronic", "brainless", "pathetic", "clueless"]);
const SIMILE_GATE = new Set(["thick", "dumb", "daft", "stupid"]);

/** Insults aimed at a person or a group that is not protected (see insult-target.ts for the roles). */
export function insultPhase(ctx: CommentContext): Flag[] {
  const flags = targetedInsultFlags(ctx);
  if (!flags.length) flags.push(...figurativeInsultFlags(ctx));
  if (!flags.length) flags.push(...tauntFlags(ctx));
  const patterns = [...(hasAny(ctx, SUPERLATIVE_GATE) ? [CONTRIBUTION, SUPERLATIVE] : []), ...(hasAny(ctx, SIMILE_GATE) ? [SIMILE] : []), ...(hasAny(ctx, SUPERLATIVE_PERSON_GATE) ? [SUPERLATIVE_PERSON] : [])];
  {
    for (const re of patterns) {
      for (const m of ctx.plain.matchAll(re)) {
        const start = m.index ?? 0;
        const end = start + m[0].trimEnd().length;
        // "The Dutch are the most entitled people": said of a protected group, which the slur phase judges.
        if (re === SUPERLATIVE_PERSON && protectedSubject(ctx, start)) continue;
        flags.push(spanFlag(ctx, "insult", "insult.name-calling", start, end, `"${ctx.body.slice(start, end)}" insults someone.`, 0.7));
      }
    }
  }
  for (const s of hasAny(ctx, ONE_WORD_GATE) && ctx.sentences.length <= 3 ? ctx.sentences : []) {
    if (ONE_WORD.test(s.text)) flags.push(spanFlag(ctx, "insult", "insult.addressed", s.start, s.start + s.text.trimEnd().length, "A one-word verdict on a person.", 0.6));
  }
  return dedupe(flags);
}

/** A protected group among the few words before `at` in its sentence. */
function protectedSubject(ctx: CommentContext, at: number): boolean {
  const before = ctx.tokens.filter((t) => t.end <= at).slice(-4);
  return before.some((t) => PROTECTED.has(t.norm));
}

function dedupe(flags: Flag[]): Flag[] {
  return flags.filter((f, i) => !flags.some((g, j) => j < i && g.start !== null && f.start !== null && f.start < (g.end ?? 0) && g.start < (f.end ?? 0)));
}
