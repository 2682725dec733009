import { createHash } from "node:crypto";
import type { CommentImport, ParseIssue, ParseResult, ThreadImport } from "@sift/shared";
import type { Importer } from "./registry";
import { parseArticle } from "./text-page-article";
import { parseCommentArea } from "./text-page-comments";
import { cleanLine, declaredCount, isWidgetChrome } from "./text-page-lines";
import { findParents } from "./text-page-threading";

/** Lines that open a comment widget when no count line does ("Leave a Reply" comes after the list in WordPress themes). */
const WIDGET_OPENERS = /^(?:subscribe|notify of|sort by best|sort by top|sort by(?::.*)?|join the discussion[….]*|start the discussion[….]*|add a comment[….]*|comments|discussion)$/i;

interface WidgetBounds {
  /** First line of the widget's header block (end of the article). */
  start: number;
  /** First line after the count line: the comment list, still led by the widget's sort menus and form chrome. */
  commentsStart: number;
  declared: number | null;
  /** The headline a WordPress count line quotes ("6 thoughts on “Title”"). */
  quotedTitle: string | null;
}

/**
 * Finds the comment widget's header: the declared-count line ("26 Comments")
 * with the chrome around it ("Subscribe", "Notify of", "Oldest", …), or a
 * block of widget chrome when the page shows no count.
 */
function findWidget(lines: string[]): WidgetBounds | null {
  const clean = lines.map(cleanLine);
  let anchor = clean.findIndex((l, i) => declaredCount(l) !== null && isNearChrome(clean, i));
  if (anchor === -1) anchor = clean.findIndex((l) => declaredCount(l) !== null);
  if (anchor === -1) anchor = clean.findIndex((l, i) => WIDGET_OPENERS.test(l) && isNearChrome(clean, i));
  if (anchor === -1) return null;
  anchor = laterCountLine(clean, anchor);
  const declared = declaredCount(clean[anchor] ?? "");
  let start = anchor;
  while (start > 0 && (!clean[start - 1] || isWidgetChrome(clean[start - 1] ?? "") || WIDGET_OPENERS.test(clean[start - 1] ?? ""))) start--;
  // The comment parser skips the chrome under the count itself: a chrome word there can still be a name ("Guest" above a time).
  const commentsStart = anchor + 1;
  const quotedTitle = /\s(?:on|to)\s+[“"‘'](.+)[”"’']$/.exec(clean[anchor] ?? "")?.[1] ?? null;
  return { start, commentsStart, declared, quotedTitle };
}

/**
 * A second count line close below the first, with only chrome and one-word
 * lines between: the first counted something else (Hyvor's "12 Responses"
 * counts reactions above its "5 Comments").
 */
function laterCountLine(clean: string[], anchor: number): number {
  for (let i = anchor + 1; i < Math.min(clean.length, anchor + 16); i++) {
    const l = clean[i] ?? "";
    if (declaredCount(l) !== null) return i;
    if (l && !isWidgetChrome(l) && !WIDGET_OPENERS.test(l) && l.split(" ").length > 1) break;
  }
  return anchor;
}

/** True when a widget chrome line stands within three lines of `index`. */
function isNearChrome(clean: string[], index: number): boolean {
  for (let d = -3; d <= 3; d++) {
    const l = clean[index + d];
    if (d !== 0 && l && (isWidgetChrome(l) || WIDGET_OPENERS.test(l))) return true;
  }
  return false;
}

/** A post-comment form with nothing above it: the page has a comment section, but it is empty. */
const COMMENT_FORM = /^(?:leave a (?:reply|comment)(?: cancel reply)?|be the first to comment\.?|no comments yet\.?|start the discussion[….]*)$/i;

/** Why a text cannot be a saved page at all (empty, or markup rather than rendered text), or null. */
function rejectInput(text: string): ParseIssue | null {
  if (!text.trim()) return { message: "the page is empty: there is no text to read" };
  const filled = text.split(/\r?\n/).filter((l) => l.trim());
  const markup = filled.filter((l) => /^\s*<\/?[a-z!?][^>]*>/i.test(l)).length;
  if (/^\s*<(?:!doctype|html|head|body|div|\?xml)/i.test(text) || (markup >= 3 && markup * 3 >= filled.length)) {
    return { message: "this is HTML or XML markup, not a page saved as text (save the page as text, or use a supported export)" };
  }
  return null;
}

/** A content-derived id: the same comment on a re-saved page gets the same id (also used by the HTML importer, so both agree). */
export function contentId(author: string, body: string, seen: Map<string, number>): string {
  const key = `${author}\n${body.replace(/\s+/g, " ").slice(0, 300)}`;
  const hash = createHash("sha1").update(key).digest("hex").slice(0, 16);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return n === 1 ? `p_${hash}` : `p_${hash}_${n}`;
}

/** Parses a comment page saved as plain text: the article, then the comment widget. Pure. */
export function parseTextPage(text: string): ParseResult {
  const unreadable = rejectInput(text);
  if (unreadable) return { ok: false, issues: [unreadable] };
  const lines = text.split(/\r?\n/);
  const widget = findWidget(lines);
  if (!widget) {
    const form = lines.findIndex((l) => COMMENT_FORM.test(cleanLine(l)));
    if (form !== -1) return { ok: false, issues: [{ line: form + 1, message: "found a comment form but no comments: nobody has commented on this page yet" }] };
    return { ok: false, issues: [{ message: "no comment section found: expected a comment widget (\"N Comments\", \"Subscribe\", \"Sort by\")" }] };
  }
  const article = parseArticle(lines.slice(0, widget.start), widget.quotedTitle);
  const raw = parseCommentArea(lines.slice(widget.commentsStart), widget.declared);
  if (raw.length === 0) {
    const says = widget.declared === null ? "" : ` (it declares ${widget.declared})`;
    return { ok: false, issues: [{ line: widget.commentsStart + 1, message: `found a comment section but no comments in it${says}` }] };
  }
  const seen = new Map<string, number>();
  const parents = findParents(raw);
  const comments: CommentImport[] = [];
  for (const [i, c] of raw.entries()) {
    const id = contentId(c.author, c.body, seen);
    comments.push({
      external_id: id,
      parent_external_id: comments[parents[i] ?? -1]?.external_id ?? null,
      author: c.author,
      posted_at: c.time,
      body: c.body,
      initial_status: "pending",
    });
  }
  const notes: string[] = [];
  if (widget.declared !== null && widget.declared !== comments.length) {
    notes.push(`the page declares ${widget.declared} comments; ${comments.length} were found in the text`);
  }
  const thread: ThreadImport = {
    external_id: null,
    format: "text-page",
    title: article.title || "Untitled page",
    url: article.url,
    source_note: article.sourceNote,
    article: { title: article.title, body: article.body },
    declared_comment_count: widget.declared,
    comments,
    notes,
  };
  return { ok: true, threads: [thread] };
}

/** Recognises a saved page by its comment widget's chrome. */
function detectTextPage(text: string): number {
  const head = text.slice(0, 4096);
  if (/^\s*[[{<]/.test(head)) return 0;
  const lines = text.split("\n", 20000).map(cleanLine);
  const hasCount = lines.some((l) => declaredCount(l) !== null);
  const chrome = lines.filter((l) => isWidgetChrome(l) || WIDGET_OPENERS.test(l)).length;
  if (hasCount && chrome >= 1) return 0.6;
  if (hasCount || chrome >= 2) return 0.4;
  return 0.05;
}

export const textPageImporter: Importer = {
  name: "text-page",
  description: "a comment page saved as plain text (wpDiscuz, Disqus, WordPress, Facebook, Commento, Hyvor)",
  detect: (text) => detectTextPage(text),
  parse: (text) => parseTextPage(text),
};
