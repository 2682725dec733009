import type { CompiledThreatPack } from "../pack/threat";
import { alternation } from "./threat-cues";

/**
 * Menace and self-harm urging that need no harm verb ("we know where your kids go to school",
 * "jump off a bridge"): the pack lists them as plain phrases, `{you}` standing for the person
 * menaced (you, him, your kids, the ref…). Each phrase is looked for only when its rarest word
 * (its longest) is in the comment, so most comments never run one.
 */

export interface ThreatPhrase {
  kind: "intimidation" | "self_harm" | "endorsement";
  re: RegExp;
  /** Every word the phrase spells out: all must be in the comment before the pattern runs. */
  words: string[];
}

/** Everyday words a phrase is never gated on (they are in most comments). */
const COMMON_ORDER = "the a an to of and in it is you i that for on was with he be are this they we have at but not or his her your my so if all just will would can could do does what when where which who how there here one some any out up down off over back get got go going people know knows like want see come make made take took time good bad day days life world work school home house car family kids everyone everybody something anything never nobody no someone live lives happens happen shame watch find park name season traffic end open walk next last little number front under fire show turn leave drive finish better without yours you're ur u i'm i'll i've we'll we've we're him them their been were she been".split(" ");
const COMMON = new Set(COMMON_ORDER);

/** `{...}` in a phrase: up to three words of anything ("the only good {...} is a dead"). */
const GAP = "\\s+(?:[\\w'’-]+\\s+){0,3}";

const YOU = "(?:you|u|ya|he|she|they|him|her|them|(?:your|ur|his|her|their|the) [\\w'’]+)";

function compile(phrase: string): RegExp {
  const body = phrase
    .split("{...}")
    .map((piece) =>
      piece
        .trim()
        .split("{you}")
        .map((part) => alternation([part]).replace(/ /g, "\\s+"))
        .join(YOU),
    )
    .join(GAP);
  return new RegExp(`(?:^|[^\\w'’])(${body})(?=[^\\w'’]|$)`, "gi");
}

/** Phrases keyed by the word that gates them. */
export function buildThreatPhrases(pack: CompiledThreatPack): Map<string, ThreatPhrase[]> {
  const byGate = new Map<string, ThreatPhrase[]>();
  const add = (kind: ThreatPhrase["kind"], phrase: string) => {
    const all = phrase.replace(/\{you\}|\{\.\.\.\}/g, " ").split(/\s+/).filter(Boolean);
    const rare = all.filter((w) => !COMMON.has(w));
    // The phrase's other words are checked too before its pattern runs, so an everyday gate only costs a few lookups.
    // Longest rare word; failing that the least frequent everyday word (the list runs from most to least frequent).
    const gate = rare.length ? rare.reduce((a, b) => (b.replace(/'/g, "").length > a.replace(/'/g, "").length ? b : a), "") : all.reduce((a, b) => (COMMON_ORDER.indexOf(b) > COMMON_ORDER.indexOf(a) ? b : a));
    const list = byGate.get(gate) ?? [];
    list.push({ kind, re: compile(phrase), words: phrase.replace(/\{you\}|\{\.\.\.\}/g, " ").split(/\s+/).filter((w) => w && /^[\w']+$/.test(w)) });
    byGate.set(gate, list);
  };
  for (const p of pack.pack.selfHarmPhrases) add("self_harm", p);
  for (const p of pack.pack.intimidationPhrases) add("intimidation", p);
  for (const p of pack.pack.endorsementPhrases) add("endorsement", p);
  return byGate;
}
