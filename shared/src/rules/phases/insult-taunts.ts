import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, type CommentContext } from "../context";
import { I } from "./insult-roles";

/**
 * Mockery of the person addressed that needs no insult noun, as a moderator sees it across many
 * threads: a set form aimed at the reader, not at anything they said.
 *  - mock disbelief: "imagine being this stupid", "imagine being such a muppet";
 *  - likened to a child: "you argue like a toddler", "your comment reads like a five year old wrote it",
 *    "did a toddler write this?";
 *  - the gene pool: "you'd be doing the gene pool a favour", "the shallow end of the gene pool";
 *  - stock taunts: "cry harder", "cope harder", "ok boomer".
 * Each form is looked for only when its rare word is in the comment; a taunt that is the subject of
 * its sentence ("ok boomer is a lazy put-down") is talked about, not said. A form in quotation marks is
 * quoted (often to condemn it), not said; "you don't sound like a child" is negated by its own grammar.
 */

/** Adjectives of mind and character only: "imagine being this lazy on a Sunday" is often said of oneself. */
const ADJ = [...new Set([...I.sharpAdjectives, "dumb", "clueless", "ignorant", "deluded", "delusional", "gullible", "daft", "smug", "petty"])].sort((a, b) => b.length - a.length).join("|");
/** Nouns for a small child or an animal a grown writer is likened to. */
const CHILD = "(?:toddler|toddlers|child|infant|baby|chimp|monkey|(?:five|5|six|6|four|4)[- ]year[- ]old|primary school kid|year (?:one|two|1|2) pupil)";
const YOU_OR_YOURS = "(?:you|u|your(?:\\s+[\\w'’]+){1,2})";
/** Verbs of writing and arguing: what a child is said to do in the comparison (not "look", said of appearance). */
const ACTS = "(?:sound|sounds|read|reads|write|writes|argue|argues|type|types|debate|debates|spell|spells|behave|behaves|act|acts|are acting|['’]re acting|re acting|are behaving|['’]re behaving)";

interface Taunt {
  gate: ReadonlySet<string>;
  /** Words the comment must also hold, when the gate's words are common ("child", "year"). */
  needs?: ReadonlySet<string>;
  re: RegExp;
  how: string;
}

const TAUNTS: Taunt[] = [
  {
    gate: new Set(["imagine"]),
    re: new RegExp(`(?:^|[^\\w'’])(imagine being (?:this|that|so|as) (?:${ADJ})|imagine being such an? (?:[\\w'’]+ ){0,2}?(?:idiot|moron|clown|muppet|loser|fool|numpty|melt|tool|joke|embarrassment))(?=[^\\w'’]|$)`, "gi"),
    how: "mocks the person addressed as",
  },
  {
    gate: new Set(["toddler", "toddlers", "child", "infant", "baby", "chimp", "monkey", "year"]),
    needs: new Set(["like", "write", "writes", "wrote", "written", "type", "typed"]),
    re: new RegExp(`(?:^|[^\\w'’])(${YOU_OR_YOURS}\\s+(?:just\\s+|honestly\\s+|literally\\s+)?${ACTS}\\s+like\\s+(?:an?|some)\\s+(?:[\\w'’]+\\s+)?${CHILD}|(?:did|has)\\s+(?:an?|your|some)\\s+${CHILD}\\s+(?:write|wrote|written|type|typed)\\s+(?:this|that|it))(?=[^\\w'’]|$)`, "gi"),
    how: "likens the writer to a small child, which belittles them",
  },
  {
    gate: new Set(["gene"]),
    re: /(?:^|[^\w'’])((?:do|does|doing|did|done)\s+(?:the|our)\s+(?:human\s+)?gene\s+pool\s+a\s+favou?r|shallow\s+end\s+of\s+the\s+gene\s+pool|(?:remove|take|get)\s+yourself\s+(?:out\s+of|from)\s+the\s+gene\s+pool)(?=[^\w'’]|$)/gi,
    how: "says the person is a blight on the gene pool",
  },
  {
    gate: new Set(["harder", "boomer"]),
    re: /(?:^|[,.!?;:]\s*|(?:^|\s)(?:just|so|go|now|pls|please)\s+)((?:cry|cope|seethe|whine|whinge)\s+harder|ok(?:ay)?,?\s+boomer)(?=[^\w'’]|$)(?!\s+(?:is|was|has|means|as)\b)/gi,
    how: "a stock taunt at the person addressed",
  },
];

const ALL_GATES: ReadonlySet<string> = new Set(TAUNTS.flatMap((t) => [...t.gate]));

/** Taunts aimed at the person addressed (see above). */
export function tauntFlags(ctx: CommentContext): Flag[] {
  if (!hasAny(ctx, ALL_GATES)) return [];
  const flags: Flag[] = [];
  for (const t of TAUNTS) {
    if (!hasAny(ctx, t.gate) || (t.needs && !hasAny(ctx, t.needs))) continue;
    // Most comments are written plainly: their lowercased body is the plain text, without building it.
    const text = ctx.lower.length === ctx.body.length && ctx.tokens.every((t) => t.disguise === null) ? ctx.lower : ctx.plain;
    for (const m of text.matchAll(t.re)) {
      const start = (m.index ?? 0) + m[0].length - m[1]!.length;
      if (quoted(text, start)) continue;
      const end = start + m[1]!.length;
      flags.push(spanFlag(ctx, "insult", "insult.addressed", start, end, `"${ctx.body.slice(start, end)}" ${t.how}: an insult without an insulting noun.`, 0.6));
    }
  }
  return flags;
}

/** The offset sits inside quotation marks: the form is quoted, not said. */
function quoted(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length;
  const single = (before.match(/(?:^|[\s(])['‘]/g) ?? []).length > (before.match(/[’'](?=[\s.,!?;:)]|$)/g) ?? []).length;
  return straight || curly || single;
}
