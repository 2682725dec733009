import type { Category } from "../schemas/thread";

/** One built-in rule as the Rules page lists it: read-only, explained in a line. */
export interface BuiltinRule {
  /** The id its flags carry. */
  id: string;
  category: Category;
  /** What the rule looks for, in words a moderator uses. */
  description: string;
}

/**
 * Every rule id the built-in phases can raise, most severe category first. The catalogue test
 * evaluates the whole labelled corpus and fails, listing them, on any id missing here; a phase
 * that gains a rule id gains a line here.
 */
export const BUILTIN_RULES: readonly BuiltinRule[] = [
  { id: "threat.intent", category: "threat", description: "The writer says they will harm someone (\"I'll cut you\")." },
  { id: "threat.call", category: "threat", description: "Calls on others to harm someone (\"someone should hang him\")." },
  { id: "threat.wish", category: "threat", description: "Wishes harm on someone (\"I hope your house burns down with you in it\")." },
  { id: "threat.endorsement", category: "threat", description: "Praises or approves of violence against someone." },
  { id: "threat.intimidation", category: "threat", description: "Menaces without naming the harm (\"we know where your kids go to school\")." },
  { id: "threat.self_harm", category: "threat", description: "Urges someone to harm or kill themselves (\"drown yourself\")." },
  { id: "slur.identity", category: "slur", description: "An identity slur (racist, homophobic, transphobic, misogynist, ableist, anti-religious), disguises seen through." },
  { id: "slur.dehumanising", category: "slur", description: "Calls a group of people vermin, filth, a disease and the like." },
  { id: "slur.derogation", category: "slur", description: "Derogates a protected group as a whole (\"X ruin every neighbourhood\", \"typical X\")." },
  { id: "slur.group-smear", category: "slur", description: "A smear attached to a protected group." },
  { id: "slur.trope", category: "slur", description: "A known hateful trope about a group." },
  { id: "slur.epithet-name", category: "slur", description: "A name used as an ethnic epithet for someone not in the conversation." },
  { id: "insult.name-calling", category: "insult", description: "Calls a person names (\"imbecile\", \"loser\")." },
  { id: "insult.addressed", category: "insult", description: "Insults the person addressed (\"you're pathetic\")." },
  { id: "insult.group-abuse", category: "insult", description: "Abuses a group that is not protected (not for who they are)." },
  { id: "profanity.lexicon", category: "profanity", description: "A profane word from the lexicon, disguises seen through, whole words only." },
  { id: "spam.call-to-action", category: "spam", description: "A commercial call to action (\"WhatsApp me\", \"guaranteed returns\")." },
  { id: "spam.link-heavy", category: "spam", description: "Mostly links, few other words." },
  { id: "spam.duplicate", category: "spam", description: "The same text posted by several authors in the thread (a spam wave or brigade)." },
  { id: "off_topic.marker", category: "off_topic", description: "The writer marks the comment off-topic (\"OT:\", \"off topic, but\")." },
  { id: "off_topic.site-meta", category: "off_topic", description: "About the site or the comment system, not the article." },
  { id: "off_topic.low-relevance", category: "off_topic", description: "Little to do with the article or the comment it answers." },
  { id: "off_topic.no-shared-words", category: "off_topic", description: "Shares no subject word with the article." },
  { id: "off_topic.follows-off-topic", category: "off_topic", description: "A short reply continuing an off-topic exchange." },
];

/** Looks a built-in rule up by id. */
export function findBuiltinRule(id: string): BuiltinRule | undefined {
  return BUILTIN_RULES.find((r) => r.id === id);
}
