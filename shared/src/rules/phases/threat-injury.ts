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
