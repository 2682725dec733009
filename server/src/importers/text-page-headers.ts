/**
 * Finding where each comment starts in the comment area of a saved page.
 * Widgets mark a comment's start in different ways: a time or "Reply to"
 * line under the name (wpDiscuz, WordPress, Commento, Hyvor, Disqus), the
 * name and time on one line (Disqus, "Name says:"), an action footer closing
 * the comment before (Facebook), or only blank lines around a short name
 * (plain wpDiscuz). The strongest signal a page shows decides which
 * candidates count.
 */
import {
  couldBeAuthor,
  inlineHeader,
  isAuthorDetail,
  isFooterLine,
  isTimeLine,
  isWidgetChrome,
  replyTarget,
} from "./text-page-lines";

/**
 * How a line is marked as a comment's first line, weakest first:
 * Bare — a short line between blank lines, only the page's rhythm says it is a name;
 * AfterFooter — the first text after an action footer (or at the top of the list), where the next comment must begin;
 * Layout — a time or reply line under it, or name and time on one line: the layout itself says "header".
 */
export const Mark = { Bare: 1, AfterFooter: 2, Layout: 3 } as const;
export type Mark = (typeof Mark)[keyof typeof Mark];

/** A line that starts a comment. */
export interface Header {
  index: number;
  author: string;
  time: string | null;
  /** The name the header says this comment answers (Disqus prints it after the author). */
  replyTo: string | null;
  /** True when author and time share one line ("Name • 3 hours ago"). */
  inline: boolean;
  /** Number of lines the header itself takes before its trailers (2 when a parent's name follows the author). */
  span: number;
  mark: Mark;
  /** Tie-breaker among Bare candidates, from the blank-line rhythm and repeated names. */
  score: number;
}

/** Index of the next line at or after `from` that is not blank, widget chrome or an author badge; -1 if none. */
function nextContent(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (l && !isWidgetChrome(l) && !isAuthorDetail(l)) return i;
  }
  return -1;
}

/**
 * True when nothing but blanks and chrome stands between the previous action
 * footer and `index`; also at the top of the list unless `footerOnly`.
 */
function followsFooter(lines: string[], index: number, footerOnly = false): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    if (!l) continue;
    if (isFooterLine(l)) return true;
    if (!isWidgetChrome(l)) return false;
  }
  return !footerOnly;
}

/** Names widgets give people who did not give one; chrome elsewhere (wpDiscuz's "guest" field), a name above a time line. */
const ANONYMOUS = /^(?:guest|anonymous)$/i;

/** The header a line starts, if it could start one at all. */
function headerAt(lines: string[], i: number, seenNames: Set<string>, nameCounts: Map<string, number>): Header | null {
  const line = lines[i] ?? "";
  const inline = inlineHeader(line);
  if (inline && couldBeAuthor(inline.author)) {
    return { index: i, author: inline.author, time: inline.time, replyTo: null, inline: true, span: 1, mark: Mark.Layout, score: 10 };
  }
  const anonymous = ANONYMOUS.test(line);
  if (!couldBeAuthor(line) && !anonymous) return null;
  const base = { index: i, author: line, time: null, replyTo: null, inline: false, span: 1 };
  const j = nextContent(lines, i + 1);
  const next = j === -1 ? "" : (lines[j] ?? "");
  if (isTimeLine(next) || replyTarget(next) !== null) return { ...base, mark: Mark.Layout, score: 10 };
  if (anonymous) return null;
  // Disqus prints a reply's parent right under its author: "bigsky_mike" / "Helen Ruiz" / "•" / "2 hours ago".
  // The first name is the author when the parent commented above, or when a footer just closed a comment.
  const afterNext = nextContent(lines, j + 1);
  const parentFirst = seenNames.has(next.toLowerCase()) || followsFooter(lines, i, true);
  if (j === i + 1 && parentFirst && couldBeAuthor(next) && isTimeLine(lines[afterNext] ?? "")) {
    return { ...base, replyTo: next, span: 2, mark: Mark.Layout, score: 10 };
  }
  const afterFooter = followsFooter(lines, i);
  // A repeated name is likelier a commenter; a short line followed by another short line is likelier a one-line body.
  let score = afterFooter ? 3 : 1;
  if ((nameCounts.get(line) ?? 0) > 1) score += 1;
  if (!next || couldBeAuthor(next)) score -= 2;
  return { ...base, mark: afterFooter ? Mark.AfterFooter : Mark.Bare, score };
}

/** Every line that could start a comment, with how strongly the layout marks it. */
export function findHeaders(lines: string[]): Header[] {
  const nameCounts = new Map<string, number>();
  for (const l of lines) if (couldBeAuthor(l)) nameCounts.set(l, (nameCounts.get(l) ?? 0) + 1);
  const seenNames = new Set<string>();
  const out: Header[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]) continue;
    const header = headerAt(lines, i, seenNames, nameCounts);
    if (couldBeAuthor(lines[i] ?? "")) seenNames.add((lines[i] ?? "").toLowerCase());
    if (!header) continue;
    seenNames.add(header.author.toLowerCase());
    out.push(header);
    i += header.span - 1;
  }
  return out;
}

/**
 * Lines between a header and `end` that are text, not header trailers,
 * footers or chrome. An action footer ("Reply", "Like · Reply · 3y") closes
 * the comment: text after it is not this comment's (a stray link, a banner).
 */
export function contentLines(lines: string[], header: Header, end: number): string[] {
  const out: string[] = [];
  let i = header.index + header.span;
  for (; i < end; i++) {
    const l = lines[i] ?? "";
    if (l && !isTimeLine(l) && replyTarget(l) === null && !isWidgetChrome(l) && !isAuthorDetail(l)) break;
  }
  let hasText = false;
  for (; i < end; i++) {
    const l = lines[i] ?? "";
    if (l && isFooterLine(l) && /\p{L}/u.test(l) && hasText) break;
    if (l && (isFooterLine(l) || isWidgetChrome(l))) continue;
    out.push(l);
    hasText ||= Boolean(l);
  }
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}

/** True when the comments are closed by action footers ("Like · Reply · 3y", "Reply"): then a comment starts only after one. */
function isFooterDelimited(lines: string[]): boolean {
  return lines.filter((l) => l && isFooterLine(l) && /\p{L}/u.test(l)).length >= 2;
}

/**
 * Keeps the headers that make sense together. The strongest mark the page
 * uses decides which candidates count; two headers with no text between
 * them cannot both be headers (the weaker, or else the later, is text); and
 * when the page declares a count, the weakest bare candidates (one-line
 * replies like "LOL") go back into bodies.
 */
export function chooseHeaders(lines: string[], candidates: Header[], declared: number | null): Header[] {
  const layoutMarked = candidates.filter((c) => c.mark === Mark.Layout).length >= 2;
  const minimum = layoutMarked || isFooterDelimited(lines) ? Mark.AfterFooter : Mark.Bare;
  const kept: Header[] = [];
  for (const c of candidates.filter((h) => h.mark >= minimum)) {
    const prev = kept[kept.length - 1];
    if (prev && contentLines(lines, prev, c.index).length === 0) {
      if (c.mark > prev.mark || (c.mark === prev.mark && c.score > prev.score)) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  const last = kept[kept.length - 1];
  if (last && contentLines(lines, last, lines.length).length === 0) kept.pop();
  if (!declared || kept.length <= declared) return kept;
  const weakest = kept
    .filter((c, k) => c.mark === Mark.Bare && k > 0)
    .sort((a, b) => a.score - b.score || b.index - a.index)
    .slice(0, kept.length - declared);
  const drop = new Set(weakest);
  return kept.filter((c) => !drop.has(c));
}
