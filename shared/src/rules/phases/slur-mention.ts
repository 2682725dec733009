import type { CommentContext } from "../context";
import { inflect } from "./slur-phrases";

/**
 * A slur can be used (aimed at someone by the writer) or mentioned: reported
 * ("got called a '…' at school", "kids screaming … at anyone"), named as a word
 * ("the word … is vile", "… is a slur") or rejected ("stop using …", "people
 * still say …"). Mentions stay clean unless the writer then endorses the word
 * ("…? No, because he is one").
 */

/** Verbs that report a word being said, written or thrown at someone. */
const SAYING = new Set([
  ...["shout", "yell", "scream", "chant", "call", "say", "type", "use", "spray", "hear", "whisper", "mutter", "hurl", "throw", "write", "scrawl", "paint", "sing", "tweet", "post", "text", "label", "brand"].flatMap(inflect),
  "said", "heard", "wrote", "written", "threw", "thrown", "sang", "sung",
]);
/** Nouns that name a word as a word: "the word …", "the term …". */
const WORD_NOUNS = new Set(["word", "words", "term", "terms", "slur", "slurs", "insult", "label", "chant", "chants", "graffiti", "name"]);
/** The writer as the one saying it: "I call them …", "we'd say …" is use, not report. */
const WRITER = new Set(["i", "we", "i'll", "i'd", "we'll", "we'd", "ill", "id"]);
/** A passive before the verb: "I got called a …" reports what was done to the writer. */
const PASSIVE = new Set(["got", "get", "gets", "getting", "was", "were", "been", "being", "be", "am", "is", "are", "kept", "keep"]);
/** Words that may stand between a verb's subject and the verb: "people still say", "I would always call". */
const ADVERBS = new Set(["still", "always", "just", "even", "openly", "actually", "would", "will", "used", "to", "never", "really", "literally", "casually", "constantly"]);
/** Words after the slur that judge it as a word: "… is a slur", "… is fine to say", "… as a throwaway word". */
const JUDGED_AFTER = new Set(["word", "slur", "say", "said", "offensive", "vile", "acceptable", "ok", "okay", "fine", "banter", "insult", "hateful", "disgusting", "unacceptable", "slang"]);
const LINK_AFTER = new Set(["is", "isn't", "was", "as", "remains", "being", "has", "still"]);
/** The writer endorsing the word after mentioning it: "because he is one", "that's exactly what he is". */
const ENDORSED = /\b(?:(?:he|she|they|you) ?(?:'re|'s|is|are|was|were) (?:one|ones|exactly that)\b|that'?s (?:exactly )?what (?:he|she|they|you) (?:is|are)\b|well i will\b|i'?ll keep (?:saying|calling))/;

/** True when the slur at token `i` is quoted, reported or named as a word rather than aimed at anyone. */
export function isMention(ctx: CommentContext, i: number, sentenceStart: number): boolean {
  const tokens = ctx.tokens;
  const t = tokens[i]!;
  if (quoted(ctx.body, t.start, t.end)) return true;
  for (let j = i - 1; j >= Math.max(sentenceStart, i - 6); j--) {
    const w = tokens[j]!.norm;
    if (WORD_NOUNS.has(w) && i - j <= 2) return true;
    if (!SAYING.has(w)) continue;
    let k = j - 1;
    while (k >= sentenceStart && ADVERBS.has(tokens[k]!.norm)) k--;
    const subject = k >= sentenceStart ? tokens[k]!.norm : "";
    return PASSIVE.has(subject) || !WRITER.has(subject);
  }
  for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
    if (j === i + 1 && !LINK_AFTER.has(tokens[j]!.norm)) break;
    if (JUDGED_AFTER.has(tokens[j]!.norm)) return true;
  }
  return false;
}

/** The writer takes the mentioned word up as their own. */
export function endorsesMention(ctx: CommentContext): boolean {
  return ENDORSED.test(ctx.plain);
}

/** The word stands inside quotation marks: an open double quote earlier in its line, or an open single quote shortly before it ('wogs out'). */
function quoted(text: string, start: number, end: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", start) + 1, start);
  if ((line.match(/“/g) ?? []).length > (line.match(/”/g) ?? []).length || (line.match(/"/g) ?? []).length % 2 === 1) return true;
  for (let k = start - 1; k >= Math.max(0, start - 30); k--) {
    const c = text[k]!;
    if (c === "\n" || c === "." || c === "!" || c === "?") return false;
    if (c !== "'" && c !== "‘" && c !== "’") continue;
    const letterBefore = /\p{L}/u.test(text[k - 1] ?? "");
    const letterAfter = /\p{L}/u.test(text[k + 1] ?? "");
    if (letterBefore && letterAfter) continue; // an apostrophe: "don't"
    if (letterBefore) return false; // a closing quote: the quotation ended before the word
    return /['’](?!\p{L})/u.test(text.slice(end, end + 30)); // and a closing one shortly after
  }
  return false;
}
