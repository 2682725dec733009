import { chooseHeaders, contentLines, findHeaders, type Header } from "./text-page-headers";
import { cleanLine, isFooterLine, isTimeLine, isWidgetChrome, parseTimeLine, replyTarget, stripAuthor } from "./text-page-lines";

/** One comment as read off the page, before ids are given. */
export interface RawComment {
  author: string;
  /** ISO 8601 when the page shows an absolute time. */
  time: string | null;
  /** The name the page says this comment answers ("Reply to Jane", Disqus's parent name). */
  replyTo: string | null;
  body: string;
  /** True when the comment has its own "Reply" action: threaded widgets leave it off at the deepest level. */
  hasReplyLink: boolean;
}

/**
 * Where the post-comment form or footer begins: nothing after it is a comment.
 * ("Add a comment…" is not one: Facebook, Disqus and Commento put that box above the list.)
 */
const END_OF_COMMENTS =
  /^(?:leave a (?:reply|comment)(?: cancel reply)?|would love your thoughts, please comment\.?x?|post comment|powered by (?:disqus|commento|hyvor talk|wpdiscuz)|load more comments|facebook comments plugin)$/i;

/**
 * Joins lines into paragraphs: blank lines separate paragraphs, single breaks
 * stay inside one. A copy that keeps no blank lines at all (some browsers
 * drop them) puts each paragraph on its own line: then every line is one.
 */
export function toParagraphs(lines: string[], blankSeparated = true): string {
  if (!blankSeparated) return lines.filter(Boolean).join("\n\n");
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

/**
 * Disqus prints a reply's header as "Author Parent • 2 hours ago", with only
 * an icon between the two names. When the name ends with someone who
 * commented earlier, that tail is the parent, not part of the author.
 * `earlier` holds earlier authors, lower-cased.
 */
function splitParentName(header: Header, earlier: Set<string>): { author: string; replyTo: string | null } {
  const unchanged = { author: header.author, replyTo: header.replyTo };
  if (!header.inline || header.replyTo || earlier.has(header.author.toLowerCase())) return unchanged;
  const words = header.author.split(" ");
  // Longest tail first, and always leave at least one word for the author.
  for (let k = 1; k < words.length; k++) {
    const tail = words.slice(k).join(" ");
    if (earlier.has(tail.toLowerCase())) return { author: stripAuthor(words.slice(0, k).join(" ")), replyTo: tail };
  }
  return unchanged;
}

/** The time shown in a header's trailer lines, if the header line itself had none. */
function trailerTime(area: string[], header: Header, end: number): string | null {
  for (let i = header.index + header.span; i < end; i++) {
    const l = area[i] ?? "";
    if (!l || isWidgetChrome(l)) continue;
    if (isTimeLine(l)) return l;
    if (replyTarget(l) === null) return null;
  }
  return null;
}

/** The "Reply to Jane" line under a header, if any. */
function trailerReplyTo(area: string[], header: Header, end: number): string | null {
  for (let i = header.index + header.span; i < end; i++) {
    const l = area[i] ?? "";
    if (!l || isWidgetChrome(l) || isTimeLine(l)) continue;
    return replyTarget(l);
  }
  return null;
}

/** Splits the comment area of a page (after the widget header) into comments, in page order. */
export function parseCommentArea(rawLines: string[], declared: number | null): RawComment[] {
  const lines = rawLines.map(cleanLine);
  const endIndex = lines.findIndex((l) => END_OF_COMMENTS.test(l));
  const area = endIndex === -1 ? lines : lines.slice(0, endIndex);
  const headers = chooseHeaders(area, findHeaders(area), declared);
  const authors = new Set<string>();
  // Judge blank lines only inside the list: the copy's trailing newline is not a paragraph break.
  const firstHeader = headers[0]?.index ?? 0;
  const lastText = area.findLastIndex(Boolean);
  const blankSeparated = area.some((l, i) => !l && i > firstHeader && i < lastText);
  return headers.map((h, k) => {
    const end = headers[k + 1]?.index ?? area.length;
    const { author, replyTo } = splitParentName(h, authors);
    authors.add(author.toLowerCase());
    const time = h.time ?? trailerTime(area, h, end);
    const hasReplyLink = area.slice(h.index + 1, end).some((l) => isFooterLine(l) && /\breply\b/i.test(l));
    return {
      author,
      time: time ? parseTimeLine(time) : null,
      replyTo: replyTo ?? trailerReplyTo(area, h, end),
      body: toParagraphs(contentLines(area, h, end), blankSeparated),
      hasReplyLink,
    };
  });
}
