/**
 * Topic words: the stems of a text's distinctive words (not function words, not everyday words),
 * which relevance compares between a comment and its article.
 */

/** Function words and everyday words: they say nothing about the topic. */
export const COMMON = new Set(
  `a about above across after again against all almost alone along already also although always am among an and another any anybody anyone anything anyway are around as ask asked at away back be became because become been before began behind being believe below best better between big both bring but by call came can cannot cant case certain change come comes coming could course day days did didnt different do does doesnt doing done dont down during each early either else end enough even ever every everyone everything exactly example fact far feel felt few find first for found from full gave get gets getting give given go goes going gone good got great had has hasnt have havent having he hed hell her here hers herself hes him himself his how however i id if ill im important in instead into is isnt it its itself ive just keep kind knew know known last later least less let lets like likely little long look looking lot made make makes making many may maybe me mean means might mine more most much must my myself need never new next no nobody none nor not nothing now of off often oh ok okay old on once one only or other others our ours ourselves out over own part people perhaps place point put quite rather read really right said same saw say saying says see seem seemed seems seen several shall she shed shes should show side since so some someone something sometimes soon still such sure take taken tell than thank thanks that thats the their theirs them themselves then there theres these they theyd theyll theyre thing things think this those though thought through thus time times to today together too took toward true try trying turn two under until up upon us use used using very want wanted wants was wasnt way ways we well went were werent what whats when where whether which while who whole whom whose why will with within without wont word words work world would wouldnt wrong yeah year years yes yet you youd youll your youre yours yourself yourselves youve also lol hahaha haha gee oh ps re ie eg etc vs via per ago ages anymore apparently absolutely agree awful basically bit bunch definitely everybody glad guess happen happened happening happens hate honestly hope hour hours huge literally lot lots love lovely mate mind minute minutes miss month months morning evening night nights tonight tomorrow yesterday weekend week weeks proper proud real reckon remember sad seriously somebody start started starting stuff terrible totally wish wonder anyway anyways probably actually loads massive whole half zero three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands dozen dozens second third fourth fifth twice`.split(
    " ",
  ),
);

/** Lowercase, no possessive, no plural: enough for matching topic words. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.includes("'") || w.includes("’")) w = w.replace(/['’]s$/, "").replace(/['’]/g, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|us|is)$/.test(w)) return w;
  else if (w.length > 3 && w.endsWith("s")) w = w.slice(0, -1);
  return w;
}

/** Topic words of a text: stems of its non-common words of three letters or more. */
export function topicWords(text: string): string[] {
  return topicWordsOf(text.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? []);
}

/** Topic words of words already split (a comment's token norms). */
export function topicWordsOf(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const word of words) {
    const w = topicWord(word);
    if (w !== null) out.push(w);
  }
  return out;
}

/** The topic word (stem) of one word, or null for common words, short words and non-words. */
export function topicWord(word: string): string | null {
  if (word.length < 3) return null;
  let w = TOPIC_WORD.get(word);
  if (w === undefined) {
    if (TOPIC_WORD.size > 50_000) TOPIC_WORD.clear();
    TOPIC_WORD.set(word, (w = topicWordOf(word)));
  }
  return w;
}

/** Everyday words repeat across comments: each spelling is stemmed and checked once. */
const TOPIC_WORD = new Map<string, string | null>();

/** The stem of a word of three letters or more, or null when it is a common word or not a word. */
function topicWordOf(word: string): string | null {
  const lower = word.toLowerCase();
  if (COMMON.has(lower) || !LETTERS.test(lower)) return null;
  const w = stem(lower);
  return w.length >= 3 && !COMMON.has(w) ? w : null;
}

const LETTERS = /^\p{L}+(?:'\p{L}+)?$/u;
