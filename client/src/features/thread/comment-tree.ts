/** A comment with the replies under it. */
export interface TreeNode<T> {
  comment: T;
  replies: TreeNode<T>[];
}

/**
 * Nests comments under their parents, keeping page order among siblings. A reply whose parent
 * is not in the list (dropped upstream) becomes top-level rather than disappearing.
 */
export function buildCommentTree<T extends { id: string; parent_id: string | null }>(comments: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(comments.map((c) => [c.id, { comment: c, replies: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parent_id !== null && c.parent_id !== c.id ? nodes.get(c.parent_id) : undefined;
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}
