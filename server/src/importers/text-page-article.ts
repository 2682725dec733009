import { cleanLine, declaredCount, isChromeLine, isTimeLine } from "./text-page-lines";

/** What comes before the comment widget: the article. */
export interface ParsedArticle {
  title: string;
  body: string;
  sourceNote: string | null;
  url: string | null;
}

const SOURCE_NOTE =
  /^(?:originally (?:appeared|published|posted) (?:at|on|in|by)|first (?:appeared|published) (?:at|on|in)|this (?:article|story|piece) (?:originally |first )?(?:appeared|was (?:originally |first )?published)|republished (?:from|with permission)|source:|via:?\s|reprinted from|cross-?posted from)/i;

/** "Originally appeared at Zero Hedge" and the like: where the article came from. */
export function isSourceNote(line: string): boolean {
  const l = cleanLine(line);
  return l.length <= 200 && SOURCE_NOTE.test(l);
}

/** Bylines and datelines: "By Jane Doe", "Posted on May 2, 2018 by jane", "4 March 2024 by Cllr X", "6 min read". */
const BYLINE =
  /^(?:by|posted|written|published|updated|last updated|filed by)\b|^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)[^.!?]{0,40}\bby\s+\S|\b\d+ min(?:ute)?s? read\b/i;

/** Lines after which the article is over: author bios, related links, share bars, tag lists. */
const END_OF_ARTICLE =
  /^(?:about the author|related(?: (?:posts|articles|stories|reading|content))?|more from\b.*|you (?:may|might) also like|recommended(?: for you)?|share this(?: article| story)?:?|tags?:.*|filed under\b.*|posted in\b.*|categories:.*|sponsored)$/i;

/**
 * A short line that does not end like a sentence. Bylines and end-of-article
 * markers are always this; the guard keeps "By the end of the year, …" and
 * "Posted in the shop window was …" in the article.
 */
function isLabelShaped(line: string): boolean {
  return line.split(" ").length <= 14 && !/[.!?"”]$/.test(line);
}

/** Page furniture around the article text: chrome, bylines and datelines. */
function isMeta(line: string): boolean {
  return isChromeLine(line) || isTimeLine(line) || (isLabelShaped(line) && BYLINE.test(line));
}

/** The bio, tag list, share bar or related links that follow an article. */
function isEndOfArticle(line: string): boolean {
  return isLabelShaped(line) && END_OF_ARTICLE.test(line);
}

/** Looks like a headline: a few words, no closing full stop, not chrome. */
function isTitleLike(line: string): boolean {
  const l = cleanLine(line);
  const words = l.split(" ").length;
  return words >= 2 && words <= 25 && l.length <= 200 && !/[.,;]$/.test(l) && !isMeta(l) && !isSourceNote(l) && /\p{Lu}/u.test(l);
}

/** Reads like running text: a sentence, or a long line. */
function isProse(line: string): boolean {
  const l = cleanLine(line);
  const words = l.split(" ").length;
  return ((words >= 6 && /[.!?:"”’)…]$/.test(l)) || words >= 16) && !isMeta(l) && !isSourceNote(l);
}

/**
 * The first paragraph of the article: the first prose line that the next
 * piece of text continues as prose. A lone appeal or cookie notice above
 * the headline is prose too, but a headline, not prose, follows it.
 */
function findBodyStart(cleaned: string[]): number {
  const first = cleaned.findIndex(isProse);
  for (let i = first; i !== -1 && i < cleaned.length; i++) {
    if (!isProse(cleaned[i] ?? "")) continue;
    const next = cleaned.slice(i + 1).find((l) => l && !isMeta(l));
    if (next === undefined || isProse(next) || isSourceNote(next)) return i;
  }
  return first;
}

/** Index of the last prose line of the article, stopping at the first end-of-article line after `from`. */
function findBodyEnd(cleaned: string[], from: number): number {
  const stop = cleaned.findIndex((l, i) => i > from && isEndOfArticle(l));
  const limit = stop === -1 ? cleaned.length : stop;
  for (let i = limit - 1; i >= from; i--) if (isProse(cleaned[i] ?? "")) return i;
  return from;
}

/**
 * Splits the text above the comment widget into title, source note and body.
 * The title is, in order of trust: the headline the comment count quotes
 * ("6 thoughts on “Title”"), a headline-like line that the page repeats
 * (image captions and share bars repeat it), or the last headline-like line
 * above the first paragraph. The body runs from the first paragraph to the
 * last one before the bio, tags or related links, without chrome, bylines
 * and the repeated title.
 */
export function parseArticle(lines: string[], quotedTitle: string | null = null): ParsedArticle {
  const cleaned = lines.map(cleanLine);
  const firstProse = findBodyStart(cleaned);
  const head = firstProse === -1 ? cleaned : cleaned.slice(0, firstProse);

  const counts = new Map<string, number>();
  for (const l of cleaned) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  const titleCandidates = head.filter(isTitleLike);
  const title =
    titleCandidates.find((l) => quotedTitle !== null && l === cleanLine(quotedTitle)) ??
    titleCandidates.find((l) => (counts.get(l) ?? 0) > 1) ??
    titleCandidates[titleCandidates.length - 1] ??
    "";

  const sourceNote = cleaned.find(isSourceNote) ?? null;
  const url = cleaned.map((l) => /^(?:url|link|source url):\s*(https?:\/\/\S+)$/i.exec(l)?.[1]).find(Boolean) ?? null;

  const paragraphs: string[] = [];
  if (firstProse !== -1) {
    const lastProse = findBodyEnd(cleaned, firstProse);
    for (let i = firstProse; i <= lastProse; i++) {
      const l = cleaned[i] ?? "";
      if (!l || isMeta(l) || isSourceNote(l) || declaredCount(l) !== null) continue;
      if (title && isTitleRepeat(l, title)) continue;
      paragraphs.push(l);
    }
  }
  return { title, body: paragraphs.join("\n\n"), sourceNote, url };
}

/** The headline again, once or several times in a row (image alt text, share bars). */
function isTitleRepeat(line: string, title: string): boolean {
  if (line === title) return true;
  return line.length % (title.length + 1) === title.length && line.split(title).every((part) => !part.trim());
}
