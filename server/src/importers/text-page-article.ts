import { cleanLine, declaredCount, isChromeLine } from "./text-page-lines";

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

/** Looks like a headline: a few words, no closing full stop, not chrome. */
function isTitleLike(line: string): boolean {
  const l = cleanLine(line);
  const words = l.split(" ").length;
  return words >= 2 && words <= 25 && l.length <= 200 && !/[.,;]$/.test(l) && !isChromeLine(l) && !isSourceNote(l) && /\p{Lu}/u.test(l);
}

/** Reads like running text: a sentence, or a long line. */
function isProse(line: string): boolean {
  const l = cleanLine(line);
  const words = l.split(" ").length;
  return (words >= 6 && /[.!?:"”’)…]$/.test(l)) || words >= 16;
}

/**
 * Splits the text above the comment widget into title, source note and body.
 * The title is the headline-like line that the page repeats (image captions
 * and share bars repeat it), else the last headline-like line before the
 * first paragraph. The body runs from the first paragraph to the last one,
 * without chrome and without the repeated title.
 */
export function parseArticle(lines: string[]): ParsedArticle {
  const cleaned = lines.map(cleanLine);
  const firstProse = cleaned.findIndex((l) => isProse(l) && !isSourceNote(l));
  const head = firstProse === -1 ? cleaned : cleaned.slice(0, firstProse);

  const counts = new Map<string, number>();
  for (const l of cleaned) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  const titleCandidates = head.filter(isTitleLike);
  const title =
    titleCandidates.find((l) => (counts.get(l) ?? 0) > 1) ?? titleCandidates[titleCandidates.length - 1] ?? "";

  const sourceNote = cleaned.find(isSourceNote) ?? null;
  const url = cleaned.map((l) => /^(?:url|link|source url):\s*(https?:\/\/\S+)$/i.exec(l)?.[1]).find(Boolean) ?? null;

  let lastProse = -1;
  for (let i = cleaned.length - 1; i >= 0; i--) {
    if (isProse(cleaned[i] ?? "")) {
      lastProse = i;
      break;
    }
  }
  const paragraphs: string[] = [];
  if (firstProse !== -1) {
    for (let i = firstProse; i <= lastProse; i++) {
      const l = cleaned[i] ?? "";
      if (!l || isChromeLine(l) || isSourceNote(l) || declaredCount(l) !== null) continue;
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
