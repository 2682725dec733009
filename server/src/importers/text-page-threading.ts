import type { RawComment } from "./text-page-comments";

/** Longest name a mention is looked for in, in words: names are short, and this keeps the lookup linear. */
const MAX_NAME_WORDS = 6;

/**
 * The earlier author a body opens by addressing: "@Dan …", or a full name
 * of two or more words ("Derek Owens she was!"), which is how Facebook
 * writes a reply's mention. A bare first name is too common a word to trust.
 * `latest` maps each earlier author to the index of their latest comment.
 */
function addressee(body: string, latest: Map<string, number>): number {
  const at = body.startsWith("@");
  const words = (at ? body.slice(1) : body).slice(0, 200).split(/[ \n]/, MAX_NAME_WORDS);
  for (let k = words.length; k >= (at ? 1 : 2); k--) {
    const phrase = words.slice(0, k).join(" ");
    // The name ends at a word boundary: "@Dan," names Dan, "@Danny" does not.
    for (const name of [phrase, phrase.replace(/[,:;.!?]+$/, "")]) {
      const index = latest.get(name);
      if (index !== undefined && name.length > 0) return index;
    }
  }
  return -1;
}

/**
 * Which comment each one answers, as an index into `comments` (or -1),
 * from the strongest signal the page gives:
 * 1. the page names the parent ("Reply to Jane", Disqus's parent name):
 *    the latest comment above by that name;
 * 2. threaded widgets (WordPress) drop the "Reply" link at their deepest
 *    level, so when the first comment has one, a comment without one
 *    answers the nearest comment above that has one (any comment between
 *    them is a sibling at that same deepest level);
 * 3. the body opens by addressing an earlier commenter.
 */
export function findParents(comments: RawComment[]): number[] {
  // The first comment is top-level: if it has a Reply link, threading is on and only the deepest level lacks one.
  const depthFromLinks = comments[0]?.hasReplyLink === true && comments.some((c) => !c.hasReplyLink);
  const latest = new Map<string, number>();
  const latestLower = new Map<string, number>();
  let lastWithLink = -1;
  return comments.map((c, i) => {
    let parent = -1;
    if (c.replyTo) parent = latestLower.get(c.replyTo.toLowerCase()) ?? -1;
    else if (depthFromLinks && !c.hasReplyLink) parent = lastWithLink;
    else parent = addressee(c.body, latest);
    latest.set(c.author, i);
    latestLower.set(c.author.toLowerCase(), i);
    if (c.hasReplyLink) lastWithLink = i;
    return parent;
  });
}
