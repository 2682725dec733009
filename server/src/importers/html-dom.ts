/**
 * Small helpers over htmlparser2's DOM for the saved-page importer: parsing
 * (with iframe `srcdoc` documents spliced in, as SingleFile saves embedded
 * comment widgets), element predicates, and walks that stop at nested comments.
 */
import { DomUtils, parseDocument } from "htmlparser2";

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type ChildNode = HtmlDocument["children"][number];
export type HtmlNode = HtmlDocument | ChildNode;
/** An element node (tags, scripts, styles). */
export type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
/** A test on one element; the widget descriptions are built from these. */
export type Pred = (el: Element) => boolean;

/**
 * Parses a page. htmlparser2 never throws on broken markup: a truncated page
 * simply ends with its open elements closed. An iframe saved with its
 * content in `srcdoc`, or whose `src` names one of `frames` (an .mhtml
 * file's parts), gets that document as its children, so a widget that lived
 * in an iframe is found like one inline.
 */
export function parseHtml(text: string, frames: ReadonlyMap<string, string> = new Map()): HtmlDocument {
  const doc = parseDocument(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  for (const frame of DomUtils.getElementsByTagName("iframe", doc, true)) {
    const srcdoc = frame.attribs.srcdoc ?? frames.get(frame.attribs.src ?? "");
    if (!srcdoc || frame.children.length > 0) continue;
    const inner = parseDocument(srcdoc, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
    // appendChild detaches the node from `inner`, so iterate over a copy.
    for (const child of [...inner.children]) DomUtils.appendChild(frame, child);
  }
  return doc;
}

/** Tags, scripts and styles are elements (domhandler gives them their own node types). */
export const isElement = (node: HtmlNode): node is Element => node.type === "tag" || node.type === "script" || node.type === "style";

/** Split class lists, kept per element: every widget's predicates ask for them, so big pages split each list once. */
const classCache = new WeakMap<Element, string[]>();

/** The element's class tokens. */
export function classesOf(el: Element): string[] {
  let tokens = classCache.get(el);
  if (!tokens) {
    tokens = (el.attribs.class ?? "").split(/\s+/).filter(Boolean);
    classCache.set(el, tokens);
  }
  return tokens;
}

/** Matches an element carrying any of these class tokens. */
export function cls(...names: string[]): Pred {
  const wanted = new Set(names);
  // A substring test first: most elements carry none of the names, and need no split.
  return (el) => {
    const raw = el.attribs.class;
    return raw !== undefined && names.some((n) => raw.includes(n)) && classesOf(el).some((c) => wanted.has(c));
  };
}

/** Matches these tag names. */
export function tag(...names: string[]): Pred {
  const wanted = new Set(names);
  return (el) => wanted.has(el.name);
}

/** Matches an attribute value (or any value when `value` is omitted). */
export function attr(name: string, value?: string): Pred {
  return (el) => (value === undefined ? el.attribs[name] !== undefined : el.attribs[name] === value);
}

/** Matches an element with this id. */
export const id = (value: string): Pred => attr("id", value);
/** Matches when every predicate does. */
export const and = (...preds: Pred[]): Pred => (el) => preds.every((p) => p(el));
/** Matches when any predicate does. */
export const or = (...preds: Pred[]): Pred => (el) => preds.some((p) => p(el));

/** Elements under `root` matching `pred`, in document order (which is page order). */
export function findAll(root: HtmlNode, pred: Pred): Element[] {
  return DomUtils.findAll((el) => pred(el as Element), "children" in root ? root.children : []) as Element[];
}

/** The first element under `root` matching `pred`, in document order. */
export function findFirst(root: HtmlNode, pred: Pred): Element | null {
  return (DomUtils.findOne((el) => pred(el as Element), "children" in root ? root.children : [], true) as Element | null) ?? null;
}

/**
 * The first element under `el` matching one of `preds` (tried in order of
 * trust), without entering elements that `stop` matches: a comment's author
 * is never one of its replies' authors.
 */
export function findOwn(el: Element, preds: Pred[], stop: Pred): Element | null {
  for (const pred of preds) {
    const hit = walkOwn(el, pred, stop);
    if (hit) return hit;
  }
  return null;
}

function walkOwn(el: Element, pred: Pred, stop: Pred): Element | null {
  for (const child of el.children) {
    if (!isElement(child) || stop(child)) continue;
    if (pred(child)) return child;
    const deeper = walkOwn(child, pred, stop);
    if (deeper) return deeper;
  }
  return null;
}

/** Every element under `el` matching `pred`, without entering elements that `stop` matches. */
export function findAllOwn(el: Element, pred: Pred, stop: Pred): Element[] {
  const out: Element[] = [];
  for (const child of el.children) {
    if (!isElement(child) || stop(child)) continue;
    if (pred(child)) out.push(child);
    out.push(...findAllOwn(child, pred, stop));
  }
  return out;
}

/** The nearest ancestor matching `pred`, or null. */
export function closest(el: Element, pred: Pred): Element | null {
  for (let p = el.parent; p && isElement(p as HtmlNode); p = p.parent) {
    if (pred(p as Element)) return p as Element;
  }
  return null;
}

/** The deepest element containing all of `els` (the comment list's own container). */
export function commonAncestor(els: Element[]): Element | null {
  const [first, ...rest] = els;
  if (!first) return null;
  for (let candidate: Element | null = first.parent && isElement(first.parent) ? first.parent : null; candidate; ) {
    if (rest.every((el) => DomUtils.existsOne((n) => n === el, candidate!.children))) return candidate;
    candidate = candidate.parent && isElement(candidate.parent) ? candidate.parent : null;
  }
  return null;
}

/** The comments of the page: HTML comment nodes (where Chrome writes "saved from url"). */
export function commentNodes(root: HtmlNode): string[] {
  const out: string[] = [];
  const visit = (node: HtmlNode): void => {
    if (node.type === "comment" && "data" in node) out.push(String(node.data));
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}
