import type { CompiledThreatPack } from "../pack/threat";
import { alternation } from "./threat-cues";

/**
 * Menace and self-harm urging that need no harm verb ("we know where your kids go to school",
 * "jump off a bridge"): the pack lists them as plain phrases, `{you}` standing for the person
 * menaced (you, him, your kids, the ref…). Each phrase is looked for only when its rarest word
 * (its longest) is in the comment, so most comments never run one.
 */

export interface ThreatPhrase {
  kind: "intimidation" | "self_harm";
  re: RegExp;
  /** Every word the phrase spells out: all must be in the comment before the pattern runs. */
  words: string[];
}

/** Everyday words a phrase is never gated on (they are in most comments). */
const COMMON = new Set("you your you're ur u i i'm i'll i've we we'll we've we're he she they him her them his their it is are was be been a an the to of in on at for and or but so if just should would will can could go get got what where when which who how this that there here all one some any know see like come out up down off over back with without better time people never nobody no one know knows live lives happens happen going shame watch traffic find park name want make made take took does do day days work school home house car family kids life world everyone everybody something anything bad good end open walk next last season little number front under fire world show turn leave drive finish yours".split(" "));

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
    const gate = (rare.length ? rare : all).reduce((a, b) => (b.replace(/'/g, "").length > a.replace(/'/g, "").length ? b : a), "");
    const list = byGate.get(gate) ?? [];
    list.push({ kind, re: compile(phrase), words: phrase.replace(/\{you\}|\{\.\.\.\}/g, " ").split(/\s+/).filter((w) => w && /^[\w']+$/.test(w)) });
    byGate.set(gate, list);
  };
  for (const p of pack.pack.selfHarmPhrases) add("self_harm", p);
  for (const p of pack.pack.intimidationPhrases) add("intimidation", p);
  return byGate;
}
