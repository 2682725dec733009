/**
 * Renders DOM to text the way a browser's "save as text" or innerText does:
 * block elements start new lines, paragraphs are separated by a blank line,
 * `<br>` is a line break, and runs of source whitespace collapse to one
 * space. Elements a reader never sees as content (scripts, styles, hidden
 * elements, forms, buttons, navigation) are dropped, so chrome never leaks
 * into a comment or the article.
 */
import { classesOf, isElement, type Element, type HtmlNode, type Pred } from "./html-dom";

/** Elements whose text is never page content. */
const NEVER_TEXT = new Set([
  "script", "style", "noscript", "template", "svg", "math", "head", "title", "meta", "link", "form", "button",
  "select", "option", "textarea", "input", "label", "object", "embed", "canvas", "audio", "video", "nav", "dialog",
]);

/** Blocks set off by a blank line (margins, in a browser); other blocks only start a new line. */
const PARAGRAPH_BLOCKS = new Set(["p", "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "hr", "h1", "h2", "h3", "h4", "h5", "h6"]);
const LINE_BLOCKS = new Set([
  "address", "article", "aside", "body", "dd", "details", "div", "dt", "fieldset", "figcaption", "footer", "header",
  "hgroup", "html", "legend", "li", "main", "section", "summary", "tr", "caption", "center", "menu", "iframe",
]);

/**
 * Class tokens of page furniture that saved pages keep: share bars, ads,
 * cookie banners, screen-reader-only labels, "related posts" boxes.
 */
const CHROME_CLASS =
  /^(?:ad|ads|adsbygoogle|advert[\w-]*|ad-[\w-]+|sponsor[\w-]*|share[\w-]*|sharedaddy|social-[\w-]+|cookie[\w-]*|gdpr[\w-]*|consent[\w-]*|newsletter[\w-]*|jp-relatedposts|related-posts|screen-reader-text|sr-only|visually-hidden|hidden|wpd-hidden|subscribe[\w-]*)$/i;

/** True when a reader would not see the element: hidden attributes and inline styles. */
export function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined || el.attribs["aria-hidden"] === "true") return true;
  const style = (el.attribs.style ?? "").replace(/\s+/g, "").toLowerCase();
  return /(?:^|;)(?:display:none|visibility:hidden)/.test(style);
}

/** Chrome by tag, visibility or class: never comment or article text. */
export function isChromeElement(el: Element): boolean {
  if (NEVER_TEXT.has(el.name) || isHidden(el)) return true;
  if (el.name === "iframe" && el.children.length === 0) return true;
  const role = el.attribs.role;
  if (role === "navigation" || role === "banner" || role === "contentinfo" || role === "button" || role === "dialog") return true;
  return classesOf(el).some((c) => CHROME_CLASS.test(c));
}

/**
 * `aria-hidden` hides from screen readers, not from the eye: a "•" between
 * a name and a time is on screen, and the text-page parser reads headers by
 * it ("Name • 2 hours ago"). Kept when rendering a page's layout.
 */
function isVisibleSeparator(el: Element, options: RenderOptions): boolean {
  if (!options.layout || el.attribs["aria-hidden"] !== "true" || el.attribs.hidden !== undefined || NEVER_TEXT.has(el.name)) return false;
  const only = el.children.length === 1 ? el.children[0] : undefined;
  return only?.type === "text" && "data" in only && /^\s*[•·|]\s*$/.test(String(only.data));
}

type Token = string | { br: true } | { gap: 1 | 2 };

/**
 * How to render: `layout` also starts a new line between sibling elements
 * that touch with no text between them (`<span>Name</span><time>2 days
 * ago</time>`), which CSS almost always sets apart. Used for pages of
 * unknown layout, whose text the text-page parser reads line by line.
 */
export interface RenderOptions {
  layout?: boolean;
}

function collect(node: HtmlNode, skip: Pred, out: Token[], options: RenderOptions): void {
  if (node.type === "text" && "data" in node) {
    out.push(String(node.data).replace(/[ \t\n\r\f]+/g, " "));
    return;
  }
  if (!isElement(node)) {
    if (node.type === "root" && "children" in node) collectChildren(node.children, skip, out, options);
    return;
  }
  if ((isChromeElement(node) && !isVisibleSeparator(node, options)) || skip(node)) return;
  if (node.name === "br") {
    out.push({ br: true });
    return;
  }
  if (node.name === "img") return;
  const gap = PARAGRAPH_BLOCKS.has(node.name) ? 2 : LINE_BLOCKS.has(node.name) ? 1 : 0;
  if (node.name === "td" || node.name === "th") out.push(" ");
  if (gap) out.push({ gap });
  collectChildren(node.children, skip, out, options);
  if (gap) out.push({ gap });
}

function collectChildren(children: HtmlNode[], skip: Pred, out: Token[], options: RenderOptions): void {
  let afterElement = false;
  for (const child of children) {
    const element = isElement(child);
    if (options.layout && element && afterElement) out.push({ gap: 1 });
    collect(child, skip, out, options);
    // Any text between two elements, even a space, keeps them on one line.
    afterElement = element ? afterElement || child.name !== "br" : false;
  }
}

/** Joins tokens: consecutive block gaps merge into the widest one; gaps at the edges vanish. */
function joinTokens(tokens: Token[]): string {
  let text = "";
  let pending = 0;
  for (const t of tokens) {
    if (typeof t === "string") {
      if (!t) continue;
      if (pending && text.trim()) text += "\n".repeat(pending);
      pending = 0;
      text += t;
    } else if ("br" in t) {
      text += "\n";
    } else {
      pending = Math.max(pending, t.gap);
    }
  }
  return text;
}

/** Tidies rendered text: NBSP to space, trimmed lines, at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[\u00a0\u2007\u202f \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The text of `node` as a reader sees it, with `skip` dropping more
 * elements (a widget's own badges and notices, nested replies).
 */
export function renderText(node: HtmlNode, skip: Pred = () => false, options: RenderOptions = {}): string {
  const tokens: Token[] = [];
  // `skip` applies below `node`: a comment renders its own text while skipping the comments nested in it.
  if ("children" in node) collectChildren(node.children, skip, tokens, options);
  return tidyText(joinTokens(tokens));
}

/** The text of an element on one line (names, dates, counters). */
export function inlineText(node: HtmlNode, skip: Pred = () => false): string {
  return renderText(node, skip).replace(/\s+/g, " ").trim();
}
