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
}

const YOU = "(?:you|u|ya|he|she|they|him|her|them|(?:your|ur|his|her|their|the) [\\w'’]+)";

function compile(phrase: string): RegExp {
  const body = phrase
    .split("{you}")
    .map((part) => alternation([part]).replace(/ /g, "\\s+"))
    .join(YOU);
  return new RegExp(`(?:^|[^\\w'’])(${body})(?=[^\\w'’]|$)`, "gi");
}

/** Phrases keyed by the word that gates them. */
export function buildThreatPhrases(pack: CompiledThreatPack): Map<string, ThreatPhrase[]> {
  const byGate = new Map<string, ThreatPhrase[]>();
  const add = (kind: ThreatPhrase["kind"], phrase: string) => {
    const gate = phrase
      .replace(/\{you\}/g, " ")
      .split(/\s+/)
      .reduce((a, b) => (b.replace(/'/g, "").length > a.replace(/'/g, "").length ? b : a), "");
    const list = byGate.get(gate) ?? [];
    list.push({ kind, re: compile(phrase) });
    byGate.set(gate, list);
  };
  for (const p of pack.pack.selfHarmPhrases) add("self_harm", p);
  for (const p of pack.pack.intimidationPhrases) add("intimidation", p);
  return byGate;
}
