import type { Flag } from "../../schemas/flag";
import { spanFlag, type CommentContext } from "../context";
import type { Layout } from "./slur-phrases";
import { AGENTIVE, GROUP_NOUNS, I, MODIFIERS, PERSONS, PROTECTED, YOU, excused, subjectOf, type Hit, type View } from "./insult-roles";

/** Insults aimed at a whole group that is not protected, and plain words for a person made into insults. */

/** Abuse of a group that is not protected, with the dehumanising nouns too: "Landlords are leeches", "those lads are animals". */
export function groupAbuse(ctx: View, layout: Layout, original: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  const flags: Flag[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!GROUP_NOUNS.has(tokens[i]!.norm)) continue;
    const hit: Hit = { start: i, end: i + 1, kind: "noun", plural: true };
    let linkAt = -1;
    let unknown = 0;
    for (let j = i - 1; j >= Math.max(0, i - 6) && layout.sentence[j] === layout.sentence[i]; j--) {
      if (tokens[j]!.norm === "are" || tokens[j]!.norm === "were") {
        linkAt = j;
        break;
      }
      if (!MODIFIERS.has(tokens[j]!.norm) && (unknown++ > 0 || layout.clauseBreak[j + 1])) break;
    }
    if (linkAt < 0 || excused(ctx, layout, hit)) continue;
    const who = subjectOf(ctx, layout, linkAt, tokens.map((t) => t.norm));
    if (!who) continue;
    const start = tokens[linkAt]!.start;
    flags.push(spanFlag(original, "insult", "insult.group-abuse", start, tokens[i]!.end, `Calls ${who} "${tokens[i]!.text}": abuses a group of people (not for who they are, so an insult rather than a slur).`, 0.7));
  }
  return flags;
}

/** "Landlords ruin every street", "Boomers ruined everything": harm pinned on a whole group that is not protected. */
export const RUIN = new Set(["ruin", "ruins", "ruined", "ruining", "destroy", "destroys", "destroyed", "wreck", "wrecks", "wrecked"]);
const WHOLE = new Set(["every", "everything", "all", "our"]);

export function groupBlame(ctx: View, layout: Layout, original: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  for (let i = 1; i < tokens.length; i++) {
    if (!RUIN.has(tokens[i]!.norm) || !WHOLE.has(tokens[i + 1]?.norm ?? "")) continue;
    const subject = tokens[i - 1]!.norm;
    const first = i - 1 === 0 || layout.sentence[i - 2] !== layout.sentence[i - 1] || layout.clauseBreak[i - 1];
    if (!first || !(AGENTIVE.test(subject) || PERSONS.has(subject) || PERSONS.has(subject.slice(0, -1))) || PROTECTED.has(subject)) continue;
    return [spanFlag(original, "insult", "insult.group-abuse", tokens[i - 1]!.start, tokens[i + 1]!.end, `Blames ${tokens[i - 1]!.text} as a whole for ruining things: abuses a group (not a protected one, so an insult rather than a slur).`, 0.6)];
  }
  return [];
}

/** "you sad little man", "you pathetic woman": a plain word for a person, made an insult by what stands before it, said to the reader. */
export const PLAIN_PERSONS = new Set(["man", "woman", "boy", "girl", "person", "thing", "specimen", "individual", "creature", "people"]);
export const BELITTLING = new Set([...I.insultAdjectives, "sad", "bitter", "little", "pathetic", "silly", "nasty", "horrible", "miserable", "odious", "sorry"]);

export function belittled(ctx: View, layout: Layout, original: CommentContext): Flag[] {
  const tokens = ctx.tokens;
  for (let i = 2; i < tokens.length; i++) {
    if (!PLAIN_PERSONS.has(tokens[i]!.norm) || !BELITTLING.has(tokens[i - 1]!.norm)) continue;
    let j = i - 1;
    while (j > 0 && i - j < 4 && (BELITTLING.has(tokens[j]!.norm) || MODIFIERS.has(tokens[j]!.norm)) && layout.sentence[j - 1] === layout.sentence[i]) j--;
    if (!YOU.has(tokens[j]!.norm)) continue;
    const start = tokens[j]!.start;
    return [spanFlag(original, "insult", "insult.addressed", start, tokens[i]!.end, `"${ctx.body.slice(start, tokens[i]!.end)}" belittles the person addressed.`, 0.65)];
  }
  return [];
}
