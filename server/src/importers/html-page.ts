/**
 * Comment pages saved as HTML ("Save page as…", complete, HTML only or single-file .mhtml). A
 * known widget (see html-page-widgets.ts) is read from its markup; any
 * other page is rendered to text as a browser would and read by the
 * text-page parser, so an unknown layout gets the same chances as a page
 * saved as text.
 */
import type { ParseIssue, ParseResult, ThreadImport } from "@sift/shared";
import type { Importer } from "./registry";
import { classesOf, closest, findAll, findFirst, parseHtml, tag, type Element, type HtmlDocument } from "./html-dom";
import { renderText } from "./html-to-text";
import { readArticle } from "./html-page-article";
import { readWidget, type WidgetRead } from "./html-page-comments";
import { isMhtml, unpackMhtml } from "./html-mhtml";
import { WIDGETS } from "./html-page-widgets";
import { parseTextPage } from "./text-page";

const NO_COMMENTS =
  "no comment section found: the HTML page has no known comment widget (wpDiscuz, Disqus, WordPress, Facebook, Commento, Hyvor Talk) and its text shows no comment list";

/** The widget with the most comments on the page (a theme may print an empty list beside the real widget). */
function bestWidget(doc: HtmlDocument): WidgetRead | null {
  let best: WidgetRead | null = null;
  // One walk to list the elements, so widgets absent from the page cost one cheap test per element.
  const elements = findAll(doc, () => true);
  for (const spec of WIDGETS.filter((w) => elements.some(w.comment))) {
    const read = readWidget(doc, spec);
    if (read && read.comments.length > (best?.comments.length ?? 0)) best = read;
  }
  return best;
}

/** What a reader should know about the comments that were not imported as they stood. */
function notesFor(read: WidgetRead): string[] {
  const notes = [`read the ${read.spec.name} widget from the page's markup`];
  if (read.deleted === 1) notes.push("1 deleted comment was skipped; replies to it answer the comment above it");
  if (read.deleted > 1) notes.push(`${read.deleted} deleted comments were skipped; replies to them answer the comment above them`);
  if (read.awaiting > 0) notes.push(`${read.awaiting} comment${read.awaiting === 1 ? " was" : "s were"} still awaiting the site's moderation`);
  if (read.declared !== null && read.declared !== read.comments.length) {
    notes.push(`the page declares ${read.declared} comments; ${read.comments.length} were found in the markup`);
  }
  return notes;
}

function threadFromWidget(doc: HtmlDocument, read: WidgetRead): ThreadImport {
  const article = readArticle(doc, read.root);
  return {
    external_id: null,
    format: "html-page",
    title: article.title || "Untitled page",
    url: article.url,
    source_note: article.sourceNote,
    article: { title: article.title, body: article.body },
    declared_comment_count: read.declared,
    comments: read.comments,
    notes: notesFor(read),
  };
}

/**
 * The site's header and footer (not an article's or a comment's own,
 * which sit inside article, section, list items or comment blocks).
 */
function isPageChrome(el: Element): boolean {
  if (el.name === "aside") return true;
  if (el.name !== "header" && el.name !== "footer") return false;
  const owner = closest(el, (p) => ["article", "section", "li", "main"].includes(p.name) || classesOf(p).some((c) => /comment/i.test(c)));
  return owner === null;
}

/**
 * Why a widget that loads with JavaScript shows no comments: the page was
 * saved before they loaded, or their frame was saved as a separate file
 * ("Web page, complete"), which is the file to import.
 */
function emptyWidgetMessage(doc: HtmlDocument): string | null {
  for (const spec of WIDGETS.filter((w) => w.loadsLater)) {
    const root = spec.root.map((pred) => findFirst(doc, pred)).find((el) => el !== null);
    if (!root) continue;
    const frame = findFirst(root, (e) => e.name === "iframe" && /^(?!https?:|about:|data:|javascript:)\S/i.test(e.attribs.src ?? ""));
    if (frame) return `no comments in the page itself: its ${spec.name} comments were saved as a separate file (${frame.attribs.src}); import that file`;
    return `found an empty ${spec.name} widget: the page was saved before its comments loaded (scroll to the comments, wait for them, then save)`;
  }
  return null;
}

/** Unknown layout: the page's text, read like a page saved as text. */
function parseAsText(doc: HtmlDocument): ParseResult {
  const text = renderText(findFirst(doc, tag("body")) ?? doc, isPageChrome, { layout: true });
  if (!text) return { ok: false, issues: [{ message: "the HTML page has no visible text" }] };
  const result = parseTextPage(text);
  if (!result.ok) {
    // Line numbers would point into the rendered text, not the file: keep only the message.
    const noSection = emptyWidgetMessage(doc) ?? NO_COMMENTS;
    const issues: ParseIssue[] = result.issues.map((i) => ({ message: /^no comment section found/.test(i.message) ? noSection : `${i.message} (read from the page's text)` }));
    return { ok: false, issues };
  }
  const article = readArticle(doc, null);
  const threads = result.threads.map((t) => ({
    ...t,
    format: "html-page",
    // The text parser's headline stands unless it found none: the markup's own title is then better than nothing.
    title: t.title === "Untitled page" && article.title ? article.title : t.title,
    url: t.url ?? article.url,
    notes: ["no known comment widget in the markup: the comments were read from the page's text", ...t.notes],
  }));
  return { ok: true, threads };
}

/** Parses a comment page saved as HTML. Pure; broken or truncated markup is read as far as it goes. */
export function parseHtmlPage(text: string): ParseResult {
  if (!text.trim()) return { ok: false, issues: [{ message: "the page is empty: there is no markup to read" }] };
  const mhtml = unpackMhtml(text);
  const doc = mhtml ? parseHtml(mhtml.html, mhtml.frames) : parseHtml(text);
  const read = bestWidget(doc);
  if (read) return { ok: true, threads: [threadFromWidget(doc, read)] };
  return parseAsText(doc);
}

/** Elements a saved fragment of a page (no `<html>`) can open with. */
const FRAGMENT_OPENERS = new Set(["head", "body", "meta", "title", "link", "div", "main", "article", "section", "header", "nav", "p", "h1", "h2", "ul", "ol", "table", "span", "script", "style"]);

/** How far into a file detection looks: a page's opening is enough. */
const HEAD = 8192;

/**
 * Recognises HTML by its opening (doctype, `<html>`, Chrome's "saved from"
 * note, an .mhtml file's MIME headers) or, for a fragment, by markup density. An XML document scores low
 * unless its root is `<html>` (XHTML): RSS, WXR and Disqus exports belong to
 * their own importers.
 */
export function detectHtmlPage(text: string): number {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, "").trimStart();
  if (isMhtml(head)) return /^Content-Type:\s*text\/html/im.test(head) ? 0.9 : 0.3;
  if (!head.startsWith("<")) return 0;
  const afterProlog = head.replace(/^<\?xml[^>]*\?>\s*/i, "").replace(/^(?:<!--[\s\S]*?-->\s*)+/, "");
  if (/^<!doctype\s+html\b/i.test(afterProlog) || /^<html\b/i.test(afterProlog)) return 0.9;
  if (/^<\?xml/i.test(head)) return 0.05;
  // A fragment must open with an HTML element: `<disqus>` or `<rss>` with HTML inside CDATA is an export.
  const first = /^<([a-z][\w:-]*)/i.exec(afterProlog.replace(/^<!doctype[^>]*>\s*/i, ""))?.[1]?.toLowerCase();
  if (!first || !FRAGMENT_OPENERS.has(first)) return 0.05;
  const tags = head.match(/<\/?(?:div|p|span|a|li|ul|ol|body|head|meta|script|style|article|section|h[1-6]|br|img)\b/gi)?.length ?? 0;
  if (tags >= 5) return 0.7;
  return tags >= 2 ? 0.3 : 0.05;
}

/** The html-page format in the registry. */
export const htmlPageImporter: Importer = {
  name: "html-page",
  description: "a comment page saved as HTML (wpDiscuz, Disqus, WordPress, Facebook, Commento, Hyvor; other layouts through their text)",
  detect: (text) => detectHtmlPage(text),
  parse: (text) => parseHtmlPage(text),
};
