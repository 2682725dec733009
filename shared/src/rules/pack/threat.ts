import { z } from "zod";
import { GROUP_TERMS } from "../lexicon";
import { loadPack, LowerCaseWords, PackVersionSchema } from "./load";
import raw from "./threat.json";

/**
 * The threat rule pack: word lists a moderator can read and edit (see README.md beside this file),
 * validated here so a typo in the data fails at start-up instead of silently weakening a rule.
 */
const words = LowerCaseWords.min(1);

/** The shape of `threat.json`; each list is explained in `pack/README.md`. */
export const ThreatPackSchema = z.object({
  version: PackVersionSchema,
  about: z.string().min(1),
  harmVerbs: words,
  harmPhrases: words,
  needsBodyPart: words,
  defeatVerbs: words,
  mildDefeatVerbs: words,
  dyingVerbs: words,
  dyingIdioms: words,
  deathStates: words,
  irregularForms: z.record(z.string(), z.string()),
  harmNouns: words,
  weapons: words,
  carryVerbs: words,
  personNouns: words,
  targetPronouns: words,
  writerWords: words,
  possessives: words,
  bodyParts: words,
  belongings: words,
  crowdPlaces: words,
  crowdHarms: words,
  selfInflictable: words,
  idiomObjects: words,
  idiomAfterTarget: words,
  intentAux: words,
  intentSubjects: words,
  callModals: words,
  callSubjects: words,
  requestStarts: words,
  imperativeLeaders: words,
  wishCues: words,
  endorsementAfter: words,
  condemnCues: words,
  reportingVerbs: words,
  storyCues: words,
  sportsGameCues: words,
  negations: words,
  negationExceptions: words,
  hypotheticalCues: words,
  selfHarmPhrases: words,
  intimidationPhrases: words,
  endorsementPhrases: words,
  injuryParts: words,
  injuryFailures: words,
  /** Disasters a wish may bring on a building or a vehicle with people in it ("floods", "burns down"); see threat-injury.ts. */
  disasterVerbs: words,
});
export type ThreatPack = z.infer<typeof ThreatPackSchema>;

/** The pack as sets and lookups, built once. */
export interface CompiledThreatPack {
  pack: ThreatPack;
  harmVerbs: Set<string>;
  needsBodyPart: Set<string>;
  defeatVerbs: Set<string>;
  /** Defeat verbs that, aimed at a name ("beat City"), are sport unless a body part is named. */
  mildDefeatVerbs: Set<string>;
  dyingVerbs: Set<string>;
  /** "dead": a state wished on the subject ("I want him dead"). */
  deathStates: Set<string>;
  /** Harm phrases by their first word's lemma: "run" → [["run","over"], ["run","down"], …]. */
  phrasesByVerb: Map<string, string[][]>;
  harmNouns: Set<string>;
  weapons: Set<string>;
  carryVerbs: Set<string>;
  /** Person nouns and the identity-group words of the slur lexicon. */
  persons: Set<string>;
  targetPronouns: Set<string>;
  writerWords: Set<string>;
  possessives: Set<string>;
  bodyParts: Set<string>;
  belongings: Set<string>;
  /** Places where people gather: "shoot up the school" harms the people in it. */
  crowdPlaces: Set<string>;
  crowdHarms: Set<string>;
  selfInflictable: Set<string>;
  /** Every inflected form of a harm or dying verb, and every one-word weapon or harm noun: the cheap first pass. */
  triggerForms: Map<string, string>;
  /** Forms of a phrase verb ("put", "ran") → the other words of each of its phrases, all of which must be in the comment. */
  phraseForms: Map<string, string[][]>;
  /** Irregular verb forms to their lemma: strung → string. */
  irregular: Map<string, string>;
}

/** Regular inflections of a verb: kill → kills, killed, killing; stab → stabbed, stabbing; die → dies, died, dying. */
export function inflect(lemma: string): string[] {
  const out = [lemma, `${lemma}s`, `${lemma}es`, `${lemma}ed`, `${lemma}ing`];
  if (lemma.endsWith("e")) out.push(`${lemma}d`, `${lemma.slice(0, -1)}ing`);
  if (lemma.endsWith("ie")) out.push(`${lemma.slice(0, -2)}ying`);
  if (/[^aeiou][aeiou][bdgmnprt]$/.test(lemma)) out.push(`${lemma}${lemma.at(-1)}ed`, `${lemma}${lemma.at(-1)}ing`);
  if (lemma.endsWith("y")) out.push(`${lemma.slice(0, -1)}ied`, `${lemma.slice(0, -1)}ies`);
  return out;
}

export function compileThreatPack(input: unknown): CompiledThreatPack {
  const pack = loadPack("threat.json", ThreatPackSchema, input);
  const phrasesByVerb = new Map<string, string[][]>();
  for (const p of pack.harmPhrases) {
    const parts = p.split(" ");
    const list = phrasesByVerb.get(parts[0]!) ?? [];
    list.push(parts);
    phrasesByVerb.set(parts[0]!, list);
  }
  const triggerForms = new Map<string, string>();
  for (const lemma of [...pack.harmVerbs, ...pack.dyingVerbs]) for (const form of inflect(lemma)) triggerForms.set(form, lemma);
  for (const w of pack.deathStates) triggerForms.set(w, w);
  for (const [form, lemma] of Object.entries(pack.irregularForms)) {
    if (pack.harmVerbs.includes(lemma) || pack.dyingVerbs.includes(lemma)) triggerForms.set(form, lemma);
  }
  // Multi-word harm nouns ("firing squad") end in everyday words; their verbs or weapons trigger instead.
  for (const w of [...pack.weapons, ...pack.harmNouns]) if (!w.includes(" ")) triggerForms.set(w, triggerForms.get(w) ?? w);
  // A phrase verb alone ("put", "run") is too common to trigger on: it triggers when the phrase's other words are in the comment too.
  const phraseForms = new Map<string, string[][]>();
  for (const [verb, phrases] of phrasesByVerb) {
    const forms = [...inflect(verb), ...Object.entries(pack.irregularForms).filter(([, l]) => l === verb).map(([f]) => f)];
    for (const form of forms) if (!triggerForms.has(form)) phraseForms.set(form, phrases.map((p) => p.slice(1).filter((w) => !/^(?:a|the|in|to|of|on|his|her|their|your)$/.test(w))));
  }
  return {
    pack,
    harmVerbs: new Set(pack.harmVerbs),
    needsBodyPart: new Set(pack.needsBodyPart),
    defeatVerbs: new Set(pack.defeatVerbs),
    mildDefeatVerbs: new Set(pack.mildDefeatVerbs),
    dyingVerbs: new Set(pack.dyingVerbs),
    deathStates: new Set(pack.deathStates),
    phrasesByVerb,
    harmNouns: new Set(pack.harmNouns),
    weapons: new Set(pack.weapons),
    carryVerbs: new Set(pack.carryVerbs),
    persons: new Set([...pack.personNouns, ...GROUP_TERMS]),
    targetPronouns: new Set(pack.targetPronouns),
    writerWords: new Set(pack.writerWords),
    possessives: new Set(pack.possessives),
    bodyParts: new Set(pack.bodyParts),
    belongings: new Set(pack.belongings),
    crowdPlaces: new Set(pack.crowdPlaces),
    crowdHarms: new Set(pack.crowdHarms),
    selfInflictable: new Set(pack.selfInflictable),
    triggerForms,
    phraseForms,
    irregular: new Map(Object.entries(pack.irregularForms)),
  };
}

/** The built-in threat pack. */
export const THREAT_PACK: CompiledThreatPack = compileThreatPack(raw);
