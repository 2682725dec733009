import type { Token } from "./text";

/**
 * Is this comment English? The rules only know English: on other languages
 * they would guess, so flags say so and relevance is not judged. A cheap
 * test: the script of the letters, then the share of English function words.
 */
export type Language = "en" | "other" | "unknown";

const FUNCTION_WORDS = new Set(
  "the a an and or but of to in on at for with from by as is are was were be been it its this that these those i you he she we they me my your his her our their not no do does did have has had will would can could should just so if than then there what which who all about like get one more".split(" "),
);

/** Too few words to tell: short reactions ("LOL", "Merci!") are not judged. */
const MIN_TOKENS = 6;

export function detectLanguage(tokens: Token[]): Language {
  let latin = 0;
  let other = 0;
  let functionWords = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.ascii) {
      words++;
      latin++;
      if (FUNCTION_WORDS.has(t.norm)) functionWords++;
      continue;
    }
    if (!/\p{L}/u.test(t.text)) continue;
    words++;
    if (FUNCTION_WORDS.has(t.norm)) functionWords++;
    // Count scripts on the raw text: a lookalike letter inside a Latin word is a disguise, not another language.
    if (/^[\p{Script=Latin}'’\-]+$/u.test(t.text)) latin++;
    else if (!/[\p{Script=Latin}]/u.test(t.text)) other++;
  }
  if (words < MIN_TOKENS) return "unknown";
  if (other > latin) return "other";
  return functionWords / words >= 0.12 ? "en" : "other";
}
