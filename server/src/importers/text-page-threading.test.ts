import { describe, expect, it } from "vitest";
import type { RawComment } from "./text-page-comments";
import { findParents } from "./text-page-threading";

/** [author, body, hasReplyLink, replyTo] */
type Row = [string, string, boolean, string?];
const rows = (list: Row[]): RawComment[] =>
  list.map(([author, body, hasReplyLink, replyTo]) => ({ author, body, hasReplyLink, replyTo: replyTo ?? null, time: null }));

describe("findParents", () => {
  it.each<[string, Row[], number[]]>([
    ["a named parent wins, latest comment by that name", [["Ann", "a", true], ["Bo", "b", true], ["Ann", "c", true], ["Cy", "d", true, "ann"]], [-1, -1, -1, 2]],
    ["a named parent that is not on the page gives no parent", [["Ann", "a", true], ["Bo", "b", true, "Zed"]], [-1, -1]],
    [
      "a missing Reply link marks the deepest level: the nearest comment above with a link is the parent",
      [["Ann", "a", true], ["Bo", "b", false], ["Cy", "c", false], ["Di", "d", true], ["Ed", "e", false]],
      [-1, 0, 0, -1, 3],
    ],
    ["no link anywhere says nothing about depth", [["Ann", "a", false], ["Bo", "b", false]], [-1, -1]],
    ["@name addresses an earlier commenter", [["Dan", "a", true], ["Eve", "b", true], ["Fay", "@Dan fair point", true]], [-1, -1, 0]],
    ["a full name opens a Facebook reply", [["Derek Owens", "a", true], ["Tina Marsh", "Derek Owens she was!", true]], [-1, 0]],
    ["a bare first name is only a word", [["Dan", "a", true], ["Eve", "Dan is right", true]], [-1, -1]],
    ["a name must end at a word boundary", [["Dan", "a", true], ["Eve", "@Danny hello", true]], [-1, -1]],
  ])("%s", (_name, list, want) => expect(findParents(rows(list))).toEqual(want));
});
