import { describe, expect, it } from "vitest";
import type { ApiFlag } from "../../api";
import { splitBodyByFlags } from "./highlight";

const flag = (start: number | null, end: number | null, category: ApiFlag["category"] = "insult"): ApiFlag => ({
  category,
  rule: `${category}.test`,
  evidence: "",
  start,
  end,
  explanation: "test",
  confidence: 0.9,
});

const shape = (body: string, flags: ApiFlag[]) =>
  splitBodyByFlags(body, flags).map((s) => [s.text, s.flags.map((f) => f.category).join("+")]);

describe("splitBodyByFlags", () => {
  it.each([
    ["no flags", "hello world", [], [["hello world", ""]]],
    ["one flag in the middle", "you idiot, go", [flag(4, 9)], [["you ", ""], ["idiot", "insult"], [", go", ""]]],
    ["a flag at each end", "idiot and fool", [flag(0, 5), flag(10, 14)], [["idiot", "insult"], [" and ", ""], ["fool", "insult"]]],
    [
      "overlapping flags share the overlap",
      "abcdef",
      [flag(0, 4, "insult"), flag(2, 6, "threat")],
      [["ab", "insult"], ["cd", "insult+threat"], ["ef", "threat"]],
    ],
    ["whole-comment flags are ignored", "off topic", [flag(null, null, "off_topic")], [["off topic", ""]]],
    ["offsets past the end are clamped", "short", [flag(3, 99)], [["sho", ""], ["rt", "insult"]]],
    ["empty and inverted ranges are ignored", "text", [flag(2, 2), flag(3, 1)], [["text", ""]]],
    ["markup stays text", "<script>x</script> idiot", [flag(19, 24)], [["<script>x</script> ", ""], ["idiot", "insult"]]],
  ] as const)("%s", (_name, body, flags, expected) => {
    expect(shape(body, [...flags])).toEqual(expected);
  });

  it("keeps every character in order", () => {
    const body = "one two three four";
    const joined = splitBodyByFlags(body, [flag(4, 7), flag(5, 13)]).map((s) => s.text).join("");
    expect(joined).toBe(body);
  });

  it("returns nothing for an empty body", () => {
    expect(splitBodyByFlags("", [flag(0, 3)])).toEqual([]);
  });
});
