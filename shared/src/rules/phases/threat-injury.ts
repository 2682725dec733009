import type { CompiledThreatPack } from "../pack/threat";
import { alternation } from "./threat-cues";

/**
 * Injury wished with no harm verb: "I hope his knee goes again", "fingers crossed the mayor's heart
 * packs in". The harm is a person's own body part failing (`injuryParts` + `injuryFailures`), and
 * only a wish makes it a threat; "I hope my knee holds up" is the writer's, "I hope his hamstring
 * heals" no harm. One pattern, run only on comments holding a wish word.
 */

/** Words that can open a wish: a comment with none of them skips the pattern. */
export const WISH_GATE: ReadonlySet<string> = new Set(["hope", "hoping", "hopefully", "hopes", "wish", "wishing", "pray", "praying", "crossed"]);

const OWNER = "(?:his|her|their|your|ur|(?:the|that|this|some|every)\\s+[\\w-]+['’]s?|[\\w-]+['’]s)";

/** The body parts (and brakes) of the pack, as single words: a wish with none of them skips the pattern. */
export function buildInjuryGate(pack: CompiledThreatPack): ReadonlySet<string> {
  return new Set(pack.pack.injuryParts.filter((w) => !w.includes(" ")));
}

/** Builds the pattern once from the pack: wish, up to 40 characters, an owner, a body part, its failure. */
export function buildInjuryWish(pack: CompiledThreatPack): RegExp {
  const p = pack.pack;
  return new RegExp(
    `(?:^|[^\\w'’])((?:hope|hoping|hopefully|hopes|wish|wishing|pray|praying|fingers crossed)(?=[^\\w'’])[^.!?;]{0,40}?(?<=[^\\w'’])${OWNER}\\s+(?:[\\w-]+\\s+)?(?:${alternation(p.injuryParts)})\\s+(?:${alternation(p.injuryFailures)}))(?=[^\\w'’]|$)`,
    "gi",
  );
}

/** Spans of wished injuries in `text` (lowercased), skipping negated ones ("I hope his knee doesn't go"). */
export function findInjuryWishes(text: string, re: RegExp): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (/\b(?:not|never|don't|dont|wouldn't|no one|nobody)\s+$/.test(text.slice(Math.max(0, start - 20), start))) continue;
    out.push({ start, end: start + m[1]!.length });
  }
  return out;
}

/**
 * A disaster wished on a place with people in it: "hope the office floods with the lot of them still
 * inside", "I'd laugh if the coach crashes with the whole squad on board". The people are a pronoun or a
 * noun phrase of up to three words; the caller checks they are people (not "the cherries still inside").
 */
export function buildDisasterWish(pack: CompiledThreatPack): RegExp {
  return new RegExp(
    `(?:^|[^\\w'’])((?:hope|hoping|hopefully|hopes|wish|wishing|pray|praying|fingers crossed|(?:i['’]d|i would|would) (?:laugh|love it) if)(?=[^\\w'’])[^.!?;]{0,60}?(?<=[^\\w'’])(?:${alternation(pack.pack.disasterVerbs)})(?=[^\\w'’])[^.!?;]{0,30}?(?<=[^\\w'’])with\\s+((?:[\\w'’]+\\s+){0,3}?[\\w'’]+)\\s+(?:(?:still|all|stuck|trapped|locked|sat|sitting)\\s+)*(?:inside|in it|in there|on board|aboard))(?=[^\\w'’]|$)`,
    "gi",
  );
}

/** Words without which the disaster pattern cannot match. */
export const DISASTER_GATE: ReadonlySet<string> = new Set(["inside", "aboard", "board", "it", "there"]);

/** Spans of wished disasters whose victims are people (`isPeople` judges the captured words). */
export function findDisasterWishes(text: string, re: RegExp, isPeople: (words: string[]) => boolean): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (/\b(?:not|never|don't|dont|wouldn't|no one|nobody)\s+$/.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (!isPeople(m[2]!.toLowerCase().split(/\s+/)) || /\b(?:not|never|don't|doesn't|won't|wouldn't)\b|n['’]t\b/.test(m[1]!)) continue;
    out.push({ start, end: start + m[1]!.length });
  }
  return out;
}

/** An accident wished on a person at the wheel: "here's hoping that ref crashes his car", "hope she comes off her bike". */
export const ACCIDENT_WISH = /(?:^|[^\w'’])((?:hope|hoping|hopefully|hopes|wish|wishing|pray|praying|fingers crossed)(?=[^\w'’])[^.!?;]{0,50}?(?<=[^\w'’])(?:crashes|crash|crashed|wraps|wrap|writes off|write off|rolls|roll|comes off|come off|falls off|fall off|flies off|fly off)\s+(?:his|her|their|your|ur)\s+(?:car|van|bike|motorbike|motor|lorry|scooter|moped))(?=[^\w'’]|$)/gi;
/** The vehicles of ACCIDENT_WISH: a comment with none of them skips it. */
export const ACCIDENT_GATE: ReadonlySet<string> = new Set(["car", "van", "bike", "motorbike", "motor", "lorry", "scooter", "moped"]);

/** Spans of wished accidents, skipping negated ones ("hope nobody crashes their car on the ice"). */
export function findAccidentWishes(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(ACCIDENT_WISH)) {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    if (/\b(?:not|never|don't|doesn't|won't|wouldn't|nobody|no one|noone)\b|n['’]t\b/.test(m[1]!)) continue;
    out.push({ start, end: start + m[1]!.length });
  }
  return out;
}
