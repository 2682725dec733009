import type { CommentImport, ParseResult, ThreadImport } from "@sift/shared";
import type { Importer } from "./registry";
import { parseJsonText, REDDIT_MARKER } from "./json-records";
import { normalizeParagraphs } from "./records";

/** Reddit's envelope: every object is `{kind, data}`; "t3" is a post, "t1" a comment, "more" a "load more" stub. */
interface Thing {
  kind: string;
  data: Record<string, unknown>;
}

const REDDIT_ORIGIN = "https://www.reddit.com";

/** What the walk over the comment tree collects besides the comments. */
interface Walk {
  comments: CommentImport[];
  moreStubs: number;
  missingComments: number;
}

/**
 * Parses the `.json` of a Reddit thread (append `.json` to a thread URL): an array of two
 * Listings, the post and the comment tree. Also accepts a lone comment Listing, a Listing of
 * posts, or a bare post. Comments come out depth-first in page order.
 */
export function parseRedditJson(text: string, options: { fileName?: string } = {}): ParseResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const value = parsed.value;
  if (Array.isArray(value)) {
    const [postListing, commentListing] = value;
    const post = listingChildren(postListing)?.find((t) => t.kind === "t3");
    const comments = commentListing === undefined ? [] : listingChildren(commentListing);
    if (post && comments) return { ok: true, threads: [toThread(post.data, comments, options.fileName)] };
    return notReddit("expected an array of two Listings: the post, then its comments");
  }
  const children = listingChildren(value);
  if (children) {
    if (children.some((t) => t.kind === "t1" || t.kind === "more")) return { ok: true, threads: [toThread(undefined, children, options.fileName)] };
    const posts = children.filter((t) => t.kind === "t3");
    if (posts.length > 0) return { ok: true, threads: posts.map((p) => toThread(p.data, [], options.fileName)) };
    return notReddit("the Listing holds no posts or comments");
  }
  const thing = asThing(value);
  if (thing?.kind === "t3") return { ok: true, threads: [toThread(thing.data, [], options.fileName)] };
  if (isObject(value) && typeof value.title === "string" && "num_comments" in value) {
    return { ok: true, threads: [toThread(value, [], options.fileName)] };
  }
  return notReddit("expected Reddit's thread JSON (Listings of t3/t1 things)");
}

/** 0..1 from content: Reddit's `"kind": "Listing"` / `t3` / `t1` envelopes near the start of a JSON file. */
export function detectRedditJson(text: string): number {
  const head = text.slice(0, 64 * 1024).trimStart();
  if (!/^[[{]/.test(head)) return 0;
  if (/"kind"\s*:\s*"Listing"/.test(head)) return 0.95;
  return REDDIT_MARKER.test(head) ? 0.9 : 0;
}

/** The Importer for Reddit thread JSON. */
export const redditJsonImporter: Importer = {
  name: "reddit-json",
  description: "a Reddit thread's .json (the post Listing and its comment Listing)",
  detect: (text) => detectRedditJson(text),
  parse: (text, options) => parseRedditJson(text, options),
};

function notReddit(detail: string): ParseResult {
  return { ok: false, issues: [{ message: `not a Reddit thread: ${detail}` }] };
}

function toThread(post: Record<string, unknown> | undefined, children: Thing[], fileName: string | undefined): ThreadImport {
  const walk = walkComments(children);
  const notes: string[] = [];
  if (walk.moreStubs > 0) {
    notes.push(`skipped ${walk.moreStubs} 'load more' stubs (${walk.missingComments} comments not in the file)`);
  }
  if (!post) notes.push("the file holds comments only, no post: the thread title comes from the file name");
  const firstComment = children.find((t) => t.kind === "t1")?.data;
  const title = post ? decodeEntities(str(post.title)) : fileName?.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "Reddit comments";
  const permalink = str(post?.permalink) || threadPermalink(str(firstComment?.permalink));
  const subreddit = str(post?.subreddit ?? firstComment?.subreddit);
  const linkUrl = str(post?.url);
  const isLinkPost = post !== undefined && post.is_self === false && linkUrl !== "";
  const numComments = post?.num_comments;
  return {
    external_id: post ? str(post.name) || prefixed("t3_", post.id) : str(firstComment?.link_id) || null,
    format: "reddit-json",
    title,
    url: permalink ? new URL(permalink, REDDIT_ORIGIN).toString() : linkUrl || null,
    source_note: [subreddit ? `r/${subreddit}` : "Reddit", isLinkPost ? `links to ${linkUrl}` : ""].filter(Boolean).join(" · "),
    article: { title, body: normalizeParagraphs(decodeEntities(str(post?.selftext))) },
    declared_comment_count: typeof numComments === "number" && Number.isInteger(numComments) && numComments >= 0 ? numComments : null,
    comments: walk.comments,
    notes,
  };
}

/** Depth-first over the nested `replies` Listings, in page order; iterative so deep chains cannot overflow the stack. */
function walkComments(topLevel: Thing[]): Walk {
  const walk: Walk = { comments: [], moreStubs: 0, missingComments: 0 };
  const stack: { thing: Thing; parent: string | null }[] = topLevel.map((thing) => ({ thing, parent: null })).reverse();
  while (stack.length > 0) {
    const { thing, parent } = stack.pop()!;
    if (thing.kind === "more") {
      walk.moreStubs++;
      walk.missingComments += typeof thing.data.count === "number" ? thing.data.count : 0;
      continue;
    }
    if (thing.kind !== "t1") continue;
    const comment = toComment(thing.data, parent, walk.comments.length);
    walk.comments.push(comment);
    const replies = listingChildren(thing.data.replies) ?? [];
    for (let i = replies.length - 1; i >= 0; i--) stack.push({ thing: replies[i]!, parent: comment.external_id });
  }
  return walk;
}

function toComment(data: Record<string, unknown>, parent: string | null, index: number): CommentImport {
  const body = normalizeParagraphs(decodeEntities(str(data.body)));
  const created = data.created_utc;
  return {
    external_id: str(data.name) || prefixed("t1_", data.id) || `t1_unknown_${index + 1}`,
    parent_external_id: parent,
    author: str(data.author) || "[deleted]",
    posted_at: typeof created === "number" && Number.isFinite(created) ? new Date(created * 1000).toISOString() : null,
    body,
    // Reddit leaves these tombstones in place of what a moderator or the author took down.
    initial_status: body === "[removed]" || body === "[deleted]" ? "removed" : "pending",
  };
}

/** The children of a `{kind: "Listing", data: {children}}`, or undefined when the value is not a Listing. */
function listingChildren(value: unknown): Thing[] | undefined {
  const listing = asThing(value);
  if (listing?.kind !== "Listing" || !Array.isArray(listing.data.children)) return undefined;
  return listing.data.children.map(asThing).filter((t): t is Thing => t !== undefined);
}

function asThing(value: unknown): Thing | undefined {
  if (!isObject(value) || typeof value.kind !== "string" || !isObject(value.data)) return undefined;
  return { kind: value.kind, data: value.data };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

function prefixed(prefix: string, id: unknown): string {
  const text = str(id);
  return text ? prefix + text : "";
}

/** A comment permalink (/r/x/comments/abc/slug/def/) minus its last segment is the thread's. */
function threadPermalink(commentPermalink: string): string {
  const match = /^(\/r\/[^/]+\/comments\/[^/]+\/[^/]*\/)/.exec(commentPermalink);
  return match?.[1] ?? "";
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Reddit HTML-escapes `body`, `title` and `selftext`; one pass so "&amp;lt;" becomes "&lt;", not "<". */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
