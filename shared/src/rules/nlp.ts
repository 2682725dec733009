import winkNLP, { type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/**
 * Sentence analysis for the few sentences a cheap first pass marks as candidates: wink-nlp's
 * English model gives lemmas (shot → shoot, 'll → will), parts of speech and negation scope.
 * The model is loaded on first use, so comments that never reach here never pay for it.
 */

/** One word of an analysed sentence; offsets point into the text that was analysed (plus `offset`). */
export interface Word {
  text: string;
  /** Lowercased text, curly apostrophes straightened. */
  lower: string;
  lemma: string;
  /** Universal part of speech (VERB, NOUN, PRON, AUX, …). */
  pos: string;
  start: number;
  end: number;
  /** Inside the scope of a negation ("don't hurt him": hurt and him). */
  negated: boolean;
  /** Written with a capital letter and not the sentence's first word: a likely name. */
  name: boolean;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function load(): Nlp {
  nlp ??= winkNLP(model, ["pos", "negation"]);
  return nlp;
}

/** Words of `text` (one sentence), with offsets shifted by `offset`. */
export function analyseSentence(text: string, offset: number): Word[] {
  const engine = load();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const words: Word[] = [];
  let at = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out();
    at += t.out(its.precedingSpaces).length;
    // wink keeps every character; if it ever did not, find the token rather than drift.
    if (text.slice(at, at + value.length) !== value) {
      const found = text.indexOf(value, at);
      if (found !== -1) at = found;
    }
    const lower = value.toLowerCase().replace(/’/g, "'");
    words.push({
      text: value,
      lower,
      // wink-nlp's typings disagree with its own its.lemma; the value is a string.
      lemma: String(t.out(its.lemma as never)).toLowerCase(),
      pos: t.out(its.pos),
      start: offset + at,
      end: offset + at + value.length,
      negated: t.out(its.negationFlag) === true,
      name: words.length > 0 && /^\p{Lu}\p{Ll}/u.test(value),
    });
    at += value.length;
  });
  return words;
}
