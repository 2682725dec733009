import { describe, expect, it } from "vitest";
import { buildCommentTree } from "./comment-tree";

const c = (id: string, parent_id: string | null = null) => ({ id, parent_id });
const shape = (nodes: ReturnType<typeof buildCommentTree<{ id: string; parent_id: string | null }>>): unknown =>
  nodes.map((n) => (n.replies.length ? [n.comment.id, shape(n.replies)] : n.comment.id));

describe("buildCommentTree", () => {
  it("nests replies under parents in page order", () => {
    expect(shape(buildCommentTree([c("a"), c("b", "a"), c("c", "b"), c("d", "a"), c("e")]))).toEqual([["a", [["b", ["c"]], "d"]], "e"]);
  });

  it("keeps orphans and self-replies at the top level", () => {
    expect(shape(buildCommentTree([c("a", "gone"), c("b", "b")]))).toEqual(["a", "b"]);
  });
});
