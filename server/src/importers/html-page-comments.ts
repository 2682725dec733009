/**
 * Reads a known widget's comments off the DOM: author, time, text and
 * parent for each, in page order. Replies nest inside their parent's
 * element in every widget we read, so the parent is the nearest enclosing
 * comment; deleted placeholders are skipped and their replies move up.
 */
import type { CommentImport } from "@sift/shared";
import { closest, commonAncestor, findAll, findAllOwn, findFirst, findOwn, or, tag, type Element, type HtmlDocument, type Pred } from "./html-dom";
import { inlineText, renderText } from "./html-to-text";
import { contentId } from "./text-page";
import { declaredCount, parseTimeLine } from "./text-page-lines";
import type { WidgetSpec } from "./html-page-widgets";

/** A widget found on the page with its comments. */
export interface WidgetRead {
  spec: WidgetSpec;
  /** The widget's container: cut out of the article. */
  root: Element;
  comments: CommentImport[];
  declared: number | null;
  deleted: number;
  /** Comments the widget marks as awaiting the site's moderation. */
  awaiting: number;
}

/** Tombstones widgets leave where a comment was removed. */
const DELETED = /^(?:this comment (?:was|has been) (?:deleted|removed)(?: by (?:the )?(?:author|moderator|a moderator))?\.?|\[deleted\]|\[removed\]|comment deleted\.?)$/i;

/** Moderation notices a widget shows the commenter: a status, never comment text. */
const AWAITING = /^(?:your comment is |this comment is |comment )?awaiting (?:for )?(?:moderation|approval)\.?$|^(?:pending|held for) (?:moderation|approval)\.?$/i;

/** The text an element holds itself, not in child elements: where a widget writes a notice. Linear, unlike rendering every element. */
function directText(el: Element): string {
  let text = "";
  for (const child of el.children) if (child.type === "text" && "data" in child) text += String(child.data);
  return text.replace(/\s+/g, " ").trim();
}

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

/**
 * ISO 8601 from a time element: `datetime`, Facebook's `data-utime`
 * (epoch seconds), a `title` holding the full date, or an absolute date in
 * the text. Relative text ("3 hours ago") gives null: the page has no base date.
 */
export function readTime(el: Element | null): string | null {
  if (!el) return null;
  const utime = Number(el.attribs["data-utime"]);
  if (Number.isFinite(utime) && utime > 0) return new Date(utime * 1000).toISOString();
  for (const raw of [el.attribs.datetime, el.attribs.title, findFirst(el, (e) => e.name === "time")?.attribs.datetime, inlineText(el)]) {
    const iso = raw ? parseDateText(raw.trim()) : null;
    if (iso) return iso;
  }
  return null;
}

function parseDateText(text: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
    // A date-time without a zone is read as UTC, like the text parser's absolute times.
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes(":") ? text : `${text.replace(" ", "T")}Z`;
    const ms = Date.parse(zoned.length === 10 ? `${zoned}T00:00:00Z` : zoned);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const plain = text.replace(WEEKDAY, "").replace(/\s*\([^)]*\)\s*$/, "");
  const fromLine = parseTimeLine(plain);
  if (fromLine) return fromLine;
  // JavaScript's Date#toString, which Commento puts in its titles: "Tue May 29 2018 10:12:00 GMT+0000".
  if (/\d{1,2}:\d{2}(?::\d{2})?\s+GMT[+-]\d{4}$/.test(plain)) {
    const ms = Date.parse(plain);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return null;
}

/** The count the widget shows: a `data-comments-count` attribute or a "26 Comments" text. */
function readCount(root: Element, doc: HtmlDocument, spec: WidgetSpec): number | null {
  for (const pred of spec.count ?? []) {
    const el = findFirst(root, pred) ?? findFirst(doc, pred);
    if (!el) continue;
    const attrCount = Number(el.attribs["data-comments-count"]);
    if (el.attribs["data-comments-count"] && Number.isInteger(attrCount)) return attrCount;
    const n = declaredCount(inlineText(el));
    if (n !== null) return n;
  }
  // Themes write their own heading ("12 Responses to “Title”"): the first heading that reads as a count.
  for (const heading of findAll(doc, tag("h2", "h3", "h4", "h5"))) {
    const n = declaredCount(inlineText(heading));
    if (n !== null) return n;
  }
  return null;
}

/** The widget's container on the page, or the comments' common ancestor. */
function findRoot(doc: HtmlDocument, spec: WidgetSpec): { root: Element; comments: Element[] } | null {
  for (const pred of spec.root) {
    const root = findFirst(doc, pred);
    if (!root) continue;
    const comments = findAll(root, spec.comment);
    if (comments.length > 0) return { root, comments };
  }
  const comments = findAll(doc, spec.comment);
  const root = commonAncestor(comments) ?? comments[0];
  return root ? { root, comments } : null;
}

/** The comment's text: its body element without notices, badges and nested replies. */
function readBody(el: Element, bodyEl: Element | null, spec: WidgetSpec, skip: Pred): string {
  if (bodyEl) return renderText(bodyEl, skip);
  // Older WordPress themes put the paragraphs straight into the comment, between the meta and the Reply link.
  return spec.bodyInComment ? renderText(el, or(skip, spec.notBody ?? (() => false))) : "";
}

/** One comment as read, before ids; `awaiting` when the widget marks it as held for the site's moderation. */
type ReadComment = Omit<CommentImport, "external_id" | "parent_external_id"> & { awaiting: boolean };

/**
 * Reads one comment element: "deleted" for a tombstone, null when the
 * element has neither a name nor text of its own (a blog's `li.post` list
 * outside any Disqus, or a page cut off inside a comment's avatar).
 */
function readComment(el: Element, spec: WidgetSpec): ReadComment | "deleted" | null {
  const authorEl = findOwn(el, spec.author, spec.comment);
  const bodyEl = findOwn(el, spec.body, spec.comment);
  if (!authorEl && !bodyEl && !spec.bodyInComment) return null;
  const notices = findAllOwn(el, (e) => AWAITING.test(directText(e)), spec.comment);
  const skip: Pred = or(spec.comment, (e) => notices.includes(e), spec.notBody ?? (() => false));
  const body = readBody(el, bodyEl, spec, skip);
  if (DELETED.test(body.trim())) return "deleted";
  const author = authorEl ? inlineText(authorEl).replace(/\s+(?:says|said|wrote):?$/i, "") : "";
  if (!author && !body) return null;
  const awaiting = notices.length > 0 || (spec.pending ? spec.pending(el) || findOwn(el, [spec.pending], spec.comment) !== null : false);
  // Every comment starts pending, awaiting or not: a comment the site shows is not one our moderators approved.
  return { author: author || "Anonymous", posted_at: readTime(findOwn(el, spec.time, spec.comment)), body, initial_status: "pending", awaiting };
}

/** Reads a widget's comments, or null when the widget is not on the page. */
export function readWidget(doc: HtmlDocument, spec: WidgetSpec): WidgetRead | null {
  const found = findRoot(doc, spec);
  if (!found) return null;
  const idOf = new Map<Element, string>();
  const seen = new Map<string, number>();
  const comments: CommentImport[] = [];
  let deleted = 0;
  let awaiting = 0;
  for (const el of found.comments) {
    const read = readComment(el, spec);
    if (read === "deleted") deleted++;
    if (read === "deleted" || read === null) continue;
    const { awaiting: held, ...comment } = read;
    if (held) awaiting++;
    // The nearest enclosing comment that was kept: a deleted parent's replies answer its parent.
    let parent = closest(el, spec.comment);
    while (parent && !idOf.has(parent)) parent = closest(parent, spec.comment);
    const site = spec.siteId?.(el);
    const external = site && !seen.has(`s_${site}`) ? `s_${site}` : contentId(comment.author, comment.body, seen);
    seen.set(external, 1);
    idOf.set(el, external);
    comments.push({ ...comment, external_id: external, parent_external_id: parent ? (idOf.get(parent) ?? null) : null });
  }
  return { spec, root: found.root, comments, declared: readCount(found.root, doc, spec), deleted, awaiting };
}
