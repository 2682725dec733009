import {
  cleanLine,
  couldBeAuthor,
  inlineHeader,
  isFooterLine,
  isTimeLine,
  isWidgetChrome,
  parseTimeLine,
  replyTarget,
} from "./text-page-lines";

/** One comment as read off the page, before ids are given. */
export interface RawComment {
  author: string;
  time: string | null;
  replyTo: string | null;
  body: string;
}

interface Header {
  index: number;
  author: string;
  time: string | null;
  /** True when the layout itself marks this line as a header (a time or reply line follows, or author and time share a line). */
  strong: boolean;
  score: number;
}

/** Where the post-comment form or footer begins: nothing after it is a comment. */
const END_OF_COMMENTS =
  /^(?:leave a (?:reply|comment)|would love your thoughts, please comment\.?x?|post comment|add a comment(?:\.\.\.|…)?|powered by (?:disqus|commento|hyvor talk|wpdiscuz)|load more comments)$/i;

/** Index of the next non-blank line at or after `from`, or -1. */
function nextFilled(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]) return i;
  return -1;
}

function previousFilled(lines: string[], from: number): number {
  for (let i = from; i >= 0; i--) if (lines[i]) return i;
  return -1;
}

/** Finds every line that starts a comment, using the layout's own signals first. */
function findHeaders(lines: string[]): Header[] {
  const candidates: Header[] = [];
  const nameCounts = new Map<string, number>();
  for (const l of lines) if (couldBeAuthor(l)) nameCounts.set(l, (nameCounts.get(l) ?? 0) + 1);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line) continue;
    const inline = inlineHeader(line);
    if (inline && couldBeAuthor(inline.author)) {
      candidates.push({ index: i, author: inline.author, time: inline.time, strong: true, score: 10 });
      continue;
    }
    if (!couldBeAuthor(line)) continue;
    const next = lines[nextFilled(lines, i + 1)] ?? "";
    const prevIndex = previousFilled(lines, i - 1);
    const prev = prevIndex === -1 ? "" : (lines[prevIndex] ?? "");
    const strong = isTimeLine(next) || replyTarget(next) !== null;
    let score = strong ? 10 : 1;
    if (prevIndex === -1 || isFooterLine(prev) || isWidgetChrome(prev)) score += 2;
    if ((nameCounts.get(line) ?? 0) > 1) score += 1;
    if (!next || couldBeAuthor(next)) score -= 2;
    candidates.push({ index: i, author: line, time: null, strong, score });
  }
  return candidates;
}

/**
 * Keeps the headers that make sense together: a comment needs a body before
 * the next header, and when the page declares a count, the weakest extra
 * candidates (short one-line replies like "LOL") go back into bodies.
 */
function chooseHeaders(lines: string[], candidates: Header[], declared: number | null): Header[] {
  const hasStrong = candidates.filter((c) => c.strong).length >= 2;
  // In layouts that mark headers with a time or reply line, a bare short line is a header only right after a footer.
  let chosen = hasStrong ? candidates.filter((c) => c.strong || c.score >= 3) : [...candidates];
  chosen = chosen.filter((c, k) => {
    const nextHeader = chosen[k + 1];
    const end = nextHeader ? nextHeader.index : lines.length;
    return bodyLines(lines, c.index + 1, end).length > 0;
  });
  if (declared && chosen.length > declared) {
    const weakest = [...chosen]
      .filter((c) => !c.strong && c !== chosen[0])
      .sort((a, b) => a.score - b.score || b.index - a.index)
      .slice(0, chosen.length - declared);
    chosen = chosen.filter((c) => !weakest.includes(c));
  }
  return chosen;
}

/** The text lines of a comment, without its time, reply marker and action footer. */
function bodyLines(lines: string[], start: number, end: number): string[] {
  const out: string[] = [];
  let i = start;
  // Header trailers: time and "reply to" lines directly under the author.
  for (; i < end; i++) {
    const l = lines[i] ?? "";
    if (l && !isTimeLine(l) && replyTarget(l) === null && !isWidgetChrome(l)) break;
  }
  for (; i < end; i++) {
    const l = lines[i] ?? "";
    if (l && (isFooterLine(l) || isWidgetChrome(l))) continue;
    out.push(l);
  }
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}

/** Joins lines into paragraphs: blank lines separate paragraphs, single breaks stay inside one. */
export function toParagraphs(lines: string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const l of lines) {
    if (l) current.push(l);
    else if (current.length) {
      paragraphs.push(current.join("\n"));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join("\n"));
  return paragraphs.join("\n\n");
}

/** Splits the comment area of a page (after the widget header) into comments. */
export function parseCommentArea(rawLines: string[], declared: number | null): RawComment[] {
  const lines = rawLines.map(cleanLine);
  const endIndex = lines.findIndex((l) => END_OF_COMMENTS.test(l));
  const area = endIndex === -1 ? lines : lines.slice(0, endIndex);
  const headers = chooseHeaders(area, findHeaders(area), declared);
  return headers.map((h, k) => {
    const end = headers[k + 1]?.index ?? area.length;
    let time = h.time;
    let replyTo: string | null = null;
    for (let i = h.index + 1; i < end; i++) {
      const l = area[i] ?? "";
      if (!l) continue;
      if (isTimeLine(l)) time ??= l;
      else if (replyTarget(l) !== null) replyTo = replyTarget(l);
      else if (!isWidgetChrome(l)) break;
    }
    const body = toParagraphs(bodyLines(area, h.index + 1, end));
    return { author: h.author, time: time ? parseTimeLine(time) : null, replyTo, body };
  });
}
