import type { RawComment } from "./text-page-comments";

/** Index of the latest comment before `before` written by `name`, or -1. */
function latestBy(comments: RawComment[], name: string, before: number): number {
  const want = name.toLowerCase();
  for (let i = before - 1; i >= 0; i--) if (comments[i]?.author.toLowerCase() === want) return i;
  return -1;
}

/**
 * The earlier author a body opens by addressing: "@Dan …", or a full name
 * of two or more words ("Derek Owens she was!"), which is how Facebook
 * writes a reply's mention. A bare first name is too common a word to trust.
 */
function addressee(comments: RawComment[], index: number): number {
  const body = comments[index]?.body ?? "";
  const names = [...new Set(comments.slice(0, index).map((c) => c.author))].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const at = body.startsWith(`@${name}`) ? name.length + 1 : body.startsWith(name) && /\s/.test(name) ? name.length : -1;
    if (at !== -1 && !/[\p{L}\p{N}_]/u.test(body.charAt(at))) return latestBy(comments, name, index);
  }
  return -1;
}

/**
 * Which comment each one answers, as an index into `comments` (or -1),
 * from the strongest signal the page gives:
 * 1. the page names the parent ("Reply to Jane", Disqus's parent name);
 * 2. threaded widgets (WordPress) drop the "Reply" link at their deepest
 *    level, so when the first comment has one, a comment without one
 *    answers the nearest comment above that has one (any comment between
 *    them is a sibling at that same deepest level);
 * 3. the body opens by addressing an earlier commenter.
 */
export function findParents(comments: RawComment[]): number[] {
  // The first comment is top-level: if it has a Reply link, threading is on and only the deepest level lacks one.
  const depthFromLinks = comments[0]?.hasReplyLink === true && comments.some((c) => !c.hasReplyLink);
  return comments.map((c, i) => {
    if (c.replyTo) return latestBy(comments, c.replyTo, i);
    if (depthFromLinks && !c.hasReplyLink) {
      for (let p = i - 1; p >= 0; p--) if (comments[p]?.hasReplyLink) return p;
    }
    return addressee(comments, i);
  });
}
