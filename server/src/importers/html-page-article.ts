/**
 * The article around a comment widget on a saved HTML page: title, url,
 * source note and body paragraphs. The markup names most of it (canonical
 * link, Open Graph tags, `<h1>`, `<article>`, `.entry-content`); the body's
 * edges (bylines, share bars, "Related" lists) are judged by the same rules
 * as a page saved as text.
 */
import { attr, closest, cls, commentNodes, findAll, findFirst, id, or, tag, type Element, type HtmlDocument, type Pred } from "./html-dom";
import { inlineText, renderText } from "./html-to-text";
import { parseArticle } from "./text-page-article";

export interface HtmlArticle {
  title: string;
  body: string;
  sourceNote: string | null;
  url: string | null;
}

/** Where a page keeps its article text, most specific first. */
const BODY_CONTAINERS: Pred[] = [
  attr("itemprop", "articleBody"),
  cls("entry-content", "article-body", "article-content", "story-body", "post-entry", "single-content"),
  tag("article"),
  tag("main"),
  attr("role", "main"),
  tag("body"),
];

/** Comment areas and page furniture that sit inside article containers. */
const NOT_ARTICLE: Pred = or(
  id("comments"), id("respond"), id("disqus_thread"), cls("comments-area", "comment-respond", "wpdiscuz_top_clearing"),
  tag("aside", "figcaption"),
  cls("entry-footer", "post-tags", "tags-links", "author-bio", "related", "yarpp-related"),
);

const HEADLINE_CLASSES = cls("entry-title", "post-title", "article-title", "headline", "story-title", "page-title");

function meta(doc: HtmlDocument, key: string): string | null {
  const el = findFirst(doc, (e) => e.name === "meta" && (e.attribs.property === key || e.attribs.name === key));
  return el?.attribs.content?.trim() || null;
}

/** "Title | Site", "Site – Title": the longest part is the headline. */
export function stripSiteSuffix(title: string): string {
  const parts = title.split(/\s+(?:\||–|—|-|·|::|»)\s+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title.trim();
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** The page's address: canonical link, og:url, or the note Chrome and SingleFile write when saving. */
function findUrl(doc: HtmlDocument): string | null {
  const canonical = findFirst(doc, (e) => e.name === "link" && (e.attribs.rel ?? "").split(/\s+/).includes("canonical"));
  const href = canonical?.attribs.href?.trim();
  if (href && /^https?:\/\//i.test(href)) return href;
  const og = meta(doc, "og:url");
  if (og && /^https?:\/\//i.test(og)) return og;
  for (const note of commentNodes(doc)) {
    const m = /saved from url=\(\d+\)(https?:\/\/\S+)/i.exec(note) ?? /\burl:\s*(https?:\/\/\S+)/i.exec(note);
    if (m?.[1]) return m[1];
  }
  return null;
}

function isInside(el: Element, outer: Element | null): boolean {
  for (let p: Element | null = el; p; p = closest(p, () => true)) if (p === outer) return true;
  return false;
}

/** The headline: a marked-up title in the article, og:title, the first `<h1>`, or the document title. */
function findTitle(doc: HtmlDocument, widget: Element | null): string {
  const h1s = findAll(doc, tag("h1")).filter((h) => !isInside(h, widget) && !closest(h, or(tag("nav"), cls("site-header", "site-branding"))));
  const marked = h1s.find((h) => HEADLINE_CLASSES(h) || closest(h, tag("article", "main")) !== null);
  const fromH1 = (h: Element | undefined) => (h ? inlineText(h) : "");
  const og = meta(doc, "og:title");
  const docTitle = findFirst(doc, tag("title"));
  return (
    fromH1(marked) ||
    (og ? stripSiteSuffix(og) : "") ||
    fromH1(h1s[0]) ||
    (docTitle ? stripSiteSuffix(inlineText(docTitle)) : "")
  );
}

/**
 * Disqus's frame, saved as its own file ("Web page, complete"), is addressed
 * by an embed URL that names the article it belongs to: `t_u` its address,
 * `t_d`/`t_t` its title.
 */
function disqusEmbedTarget(url: string | null): { url: string | null; title: string } | null {
  if (!url || !/^https?:\/\/(?:[\w-]+\.)?disqus\.com\/embed\/comments\b/i.test(url)) return null;
  try {
    const query = new URL(url).searchParams;
    return { url: query.get("t_u"), title: query.get("t_d") ?? query.get("t_t") ?? "" };
  } catch {
    return null;
  }
}

/** Reads the article; `widget` is the comment widget's element, left out of the body. */
export function readArticle(doc: HtmlDocument, widget: Element | null): HtmlArticle {
  const embed = disqusEmbedTarget(findUrl(doc));
  if (embed) return { title: embed.title, body: "", sourceNote: null, url: embed.url };
  const title = findTitle(doc, widget);
  let container: Element | null = null;
  for (const pred of BODY_CONTAINERS) {
    // A container may hold the widget too (themes put comments inside <article>): rendering skips it.
    container = findAll(doc, pred).find((el) => !isInside(el, widget)) ?? null;
    if (container) break;
  }
  if (!container) return { title, body: "", sourceNote: null, url: findUrl(doc) };
  const text = renderText(container, or(NOT_ARTICLE, (el) => el === widget));
  const parsed = parseArticle(text.split("\n"), title || null);
  return { title: title || parsed.title, body: parsed.body, sourceNote: parsed.sourceNote, url: findUrl(doc) ?? parsed.url };
}
