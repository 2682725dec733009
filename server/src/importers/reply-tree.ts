import type { CommentImport } from "@sift/shared";

// Helpers for exports that list comments flat, each naming its parent (CSV/JSON records, Disqus
// XML, WordPress WXR): page order, repeated ids, and the counts their notes give.

/** "1 post", "3 posts". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** A few ids for a note, so a user can find them in the file without a wall of numbers. */
function sample(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(", ") : `${ids.slice(0, 3).join(", ")}, …`;
}

/**
 * Page order for an export that lists comments flat with parent references: depth-first,
 * parents before their replies, siblings in file order (Disqus and WordPress write comments
 * oldest first, which is how their widgets show them by default). A reply whose parent
 * is not in the thread, or that is caught in a reply loop, is shown top-level and noted, so
 * nothing is silently dropped. `word` names the comments in notes ("post", "comment").
 */
export function orderDepthFirst(comments: readonly CommentImport[], notes: string[], word: string): CommentImport[] {
  const ids = new Set(comments.map((c) => c.external_id));
  const orphans: string[] = [];
  const children = new Map<string | null, CommentImport[]>();
  for (const comment of comments) {
    let parent = comment.parent_external_id;
    if (parent !== null && (!ids.has(parent) || parent === comment.external_id)) {
      orphans.push(comment.external_id);
      parent = null;
    }
    const fixed = parent === comment.parent_external_id ? comment : { ...comment, parent_external_id: parent };
    const list = children.get(parent);
    if (list) list.push(fixed);
    else children.set(parent, [fixed]);
  }
  if (orphans.length > 0) notes.push(`${plural(orphans.length, word)} answering a ${word} not in the file (${sample(orphans)}): shown as top-level`);
  const ordered: CommentImport[] = [];
  const visited = new Set<string>();
  const visit = (roots: readonly CommentImport[]) => {
    // An explicit stack: a 10,000-deep reply chain must not overflow the call stack.
    const stack = [...roots].reverse();
    while (stack.length > 0) {
      const comment = stack.pop()!;
      if (visited.has(comment.external_id)) continue;
      visited.add(comment.external_id);
      ordered.push(comment);
      const replies = children.get(comment.external_id) ?? [];
      for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]!);
    }
  };
  visit(children.get(null) ?? []);
  let broken = 0;
  for (const comment of comments) {
    if (visited.has(comment.external_id)) continue;
    broken++;
    visit([{ ...comment, parent_external_id: null }]);
  }
  if (broken > 0) notes.push(`reply loops (a answers b answers a) broken by showing ${plural(broken, word)} as top-level`);
  return ordered;
}

/** Gives repeated ids a "#2"-style suffix (storage keys comments by id) and notes it. */
export function uniquifyIds(comments: CommentImport[], notes: string[], word: string): void {
  const seen = new Set<string>();
  let renamed = 0;
  for (const comment of comments) {
    let id = comment.external_id;
    for (let n = 2; seen.has(id); n++) id = `${comment.external_id}#${n}`;
    if (id !== comment.external_id) renamed++;
    comment.external_id = id;
    seen.add(id);
  }
  if (renamed > 0) notes.push(`${plural(renamed, word)} repeated an id already used in the thread: given a "#2"-style suffix`);
}
