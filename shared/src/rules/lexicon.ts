/**
 * The built-in word lists. The words themselves live in `pack/lexicon-*.json`
 * (data a moderator can read and edit, described in `pack/README.md`); this
 * module validates them once at load and gives them types. Matching is on
 * whole normalised tokens (see text.ts), so a word here never matches inside
 * another word: "Scunthorpe", "cockpit", "analyst", "shiitake", "grape",
 * "assorted" and "cumin" stay clean.
 */
import { z } from "zod";
import identityData from "./pack/lexicon-identity.json" with { type: "json" };
import insultData from "./pack/lexicon-insults.json" with { type: "json" };
import profanityData from "./pack/lexicon-profanity.json" with { type: "json" };
import { loadPack, LowerCaseWords, PackVersionSchema } from "./pack/load";


export const LexiconEntrySchema = z.object({
  /** The word as a moderator would read it in an explanation. */
  base: z.string().min(1),
  /** Extra spellings and inflections that mean the same. */
  forms: LowerCaseWords.optional(),
  /** Also a common name or ordinary word when capitalised next to another name ("Dick Cheney"). */
  alsoName: z.boolean().optional(),
  /** 0..1 how offensive; feeds the flag's confidence. */
  weight: z.number().min(0).max(1).optional(),
});
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;


export const ProfanityPackSchema = z.object({ version: PackVersionSchema, about: z.string(), profanity: z.array(LexiconEntrySchema).min(1) });

export const InsultPackSchema = z.object({
  version: PackVersionSchema,
  about: z.string(),
  /** Name-calling wherever it is aimed (unless negated, said of oneself or reported). */
  nameCalling: z.array(LexiconEntrySchema).min(1),
  /** Nouns that insult when aimed at someone ("you clown", "the mayor is a bozo"); singular, plurals are derived. */
  insultNouns: LowerCaseWords.min(1),
  /** Adjectives that insult when said of the reader ("you're so gormless"). */
  insultAdjectives: LowerCaseWords.min(1),
  /** The adjectives that insult even when said of a third person alone ("he's gormless"). */
  sharpAdjectives: LowerCaseWords,
  /** Words that may stand between the target and the insult ("a complete", "such an utter"). */
  intensifiers: LowerCaseWords,
  /** Nouns for people in a role, so "the ref is a clown" has a person as its subject. */
  personNouns: LowerCaseWords,
  /** The writer speaking of themselves: "I'm such an idiot" is self-deprecation. */
  selfCues: LowerCaseWords,
  /** Verbs that report name-calling rather than do it: "don't call people idiots". */
  reportingCues: LowerCaseWords,
  /** Subjects that are things, not people: "this is garbage". */
  aimedAtThings: LowerCaseWords,
  /** Insults without an insult word, as patterns over roles (see phases/insult-figurative.ts). */
  figurative: z.object({
    /** What a person "has the … of a <thing>" ("brains", "attention span", "first touch"). */
    qualities: LowerCaseWords,
    /** Things whose comparison praises ("the memory of an elephant", "as sharp as a tack"). */
    flattering: LowerCaseWords,
    /** Adjectives an ironic simile denies ("as sharp as a bowling ball", "about as much use as …"). */
    capabilities: LowerCaseWords,
    /** Nouns of "a … of a man" that praise or only count ("a giant of a man", "a hell of a player"). */
    praiseNouns: LowerCaseWords,
    /** Tasks anyone can do, so failing them is an insult ("couldn't run a bath"). */
    trivialTasks: LowerCaseWords,
    /** Endings that make a failure hopeless ("to save his life", "in a brewery"). */
    hopeless: LowerCaseWords,
  }),
});

const SeveritySchema = z.enum(["high", "severe"]);
const TargetSchema = z.enum(["race", "ethnicity", "religion", "sexuality", "gender", "disability", "nationality"]);

export const IdentityPackSchema = z.object({
  version: PackVersionSchema,
  about: z.string(),
  /** Identity slurs, each with the group it targets and its severity. */
  slurs: z.array(LexiconEntrySchema.extend({ target: TargetSchema, severity: SeveritySchema })).min(1),
  /** Words just before a slur that show the writer speaks of their own group ("I'm a proud dyke"). */
  reclaimedCues: z.object({ speakers: LowerCaseWords, fillers: LowerCaseWords }),
  /** Given names used as ethnic epithets when nobody of that name is in the conversation. */
  epithetNames: LowerCaseWords,
  /** Words for protected groups by class: plural nouns, singular nouns and adjectives alike. */
  groups: z.record(z.string(), LowerCaseWords.min(1)),
  /** Group adjectives that name the whole people after "the" ("the Chinese", "the disabled"). */
  collectiveAdjectives: LowerCaseWords,
  /** Nouns that make a group adjective a people ("Muslim men", "Black people"). */
  peopleNouns: LowerCaseWords,
  /** Nouns after a group adjective that make it a state, an institution or a thing, not people ("the Chinese government"). */
  institutionNouns: LowerCaseWords,
  /** Words before a group word that make it some particular people, not the whole group ("my Polish neighbour"). */
  specificDeterminers: LowerCaseWords,
  /** Countries: "Iran scum" brands a people; criticism of the state itself is not an attack on people. */
  countries: LowerCaseWords,
  /** Words that deny people their humanity: "strong" ones wherever they sit near the group, "linked" ones only when said of it ("X are animals"). */
  dehumanising: z.object({ strong: LowerCaseWords, linked: LowerCaseWords }),
  /** Labels that brand a whole people as murderers. */
  smears: LowerCaseWords,
  /** What derogation says of a group: attributes, crimes, verbs (inflected automatically) and phrases. */
  negativePredicates: z.object({ attributes: LowerCaseWords, crimeNouns: LowerCaseWords, verbs: LowerCaseWords, irregularVerbs: LowerCaseWords, phrases: LowerCaseWords }),
  /** Words that make a statement about the whole group: before it ("typical X", "why do X") or after it ("always", "the lot of them"). */
  generalisingCues: z.object({ before: LowerCaseWords, after: LowerCaseWords }),
  /** Hostility stated as emotion or intent just before the group: "I hate X", "never trust a X", "the problem with X". */
  hostileBefore: LowerCaseWords,
  /** "Send the X back", "kick all X out": a verb of expulsion before the group and its particle after it. */
  expelVerbs: LowerCaseWords,
  expelParticles: LowerCaseWords,
  /** Words after the group that make it the one harmed, not the one judged ("X were subjected to …", "X faced …"). */
  victimCues: LowerCaseWords,
  /** Words that start a new clause with its own subject: the group's predicate cannot lie beyond them. */
  clauseStarts: LowerCaseWords,
  /** Words in a later clause or sentence that refer back to the group just named. */
  backReferences: LowerCaseWords,
  /** Signs that the writer reports or rejects hate rather than says it. */
  counterSpeechCues: z.object({ reporting: LowerCaseWords, stance: LowerCaseWords }),
  /** Negation: "not all X are …", "X aren't a burden". */
  negations: LowerCaseWords,
  /** Hateful tropes that need no group word, with the reason shown to moderators. */
  tropes: z.array(z.object({ phrase: z.string().min(1), why: z.string().min(1) })),
});

export type InsultPack = z.infer<typeof InsultPackSchema>;
export type IdentityPack = z.infer<typeof IdentityPackSchema>;

export const PROFANITY_PACK = loadPack("lexicon-profanity.json", ProfanityPackSchema, profanityData);
export const INSULT_PACK: InsultPack = loadPack("lexicon-insults.json", InsultPackSchema, insultData);
export const IDENTITY_PACK: IdentityPack = loadPack("lexicon-identity.json", IdentityPackSchema, identityData);

/** Common profanity (category `profanity`). */
export const PROFANITY: LexiconEntry[] = PROFANITY_PACK.profanity;

/** Name-calling that is an insult wherever it is aimed (category `insult`). */
export const STRONG_INSULTS: LexiconEntry[] = INSULT_PACK.nameCalling;

/** Words that insult only when aimed at someone ("you loser", "Wake up, creature."): single-word nouns and adjectives. */
export const TARGETED_INSULTS: string[] = [...INSULT_PACK.insultNouns.filter((w) => !w.includes(" ")), ...INSULT_PACK.insultAdjectives];

/** Insult nouns said of someone ("the ref is a useless clown"), singular. */
export const INSULT_NOUNS: string[] = INSULT_PACK.insultNouns;

/** Identity slurs (category `slur`): hate aimed at people for who they are. */
export const IDENTITY_SLURS: LexiconEntry[] = IDENTITY_PACK.slurs;

/** Nouns that deny people their humanity when aimed at a group: "the X filth", "X scum", "X are vermin". */
export const DEHUMANISING: string[] = [...IDENTITY_PACK.dehumanising.strong, ...IDENTITY_PACK.dehumanising.linked];

/** Labels that brand a whole people as murderers: "child butchers", "baby killers". */
export const GROUP_SMEARS: string[] = IDENTITY_PACK.smears;

/**
 * Words for peoples and protected groups (religion, ethnicity, nationality,
 * sexuality, gender identity, disability, sex). A mention is not toxic by
 * itself; rules look at what is said about the group.
 */
export const GROUP_TERMS: string[] = Object.values(IDENTITY_PACK.groups).flat();

/** Country names: "X scum" about a country's people is an attack on them. */
export const COUNTRY_NAMES: string[] = IDENTITY_PACK.countries;
