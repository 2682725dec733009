import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { BacktestExample } from "../../api";
import { ExampleExcerpt } from "./backtest-example";

const example = (excerpt: string, start: number | null, end: number | null, excerptStart = 0): BacktestExample => ({
  commentId: "c1",
  threadId: "t1",
  author: "a",
  excerpt,
  excerptStart,
  evidence: { start, end, text: start === null || end === null ? "" : excerpt.slice(start, end) },
});

describe("ExampleExcerpt", () => {
  it.each([
    ["marks the evidence", example("you grockle you", 4, 11), "you <mark class=\"evidence evidence--match\">grockle</mark> you"],
    ["shows markup in a comment as text", example("<img src=x onerror=alert(1)> grockle", 29, 36), "&lt;img src=x onerror=alert(1)&gt; <mark class=\"evidence evidence--match\">grockle</mark>"],
    ["says the excerpt starts mid-comment", example("grockle here", 0, 7, 40), "…<mark class=\"evidence evidence--match\">grockle</mark> here"],
    ["clamps offsets past the excerpt", example("short", 2, 99), "sh<mark class=\"evidence evidence--match\">ort</mark>"],
    ["shows a whole-comment flag unmarked", example("off topic", null, null), "off topic"],
  ])("%s", (_name, input, html) => {
    expect(renderToStaticMarkup(<ExampleExcerpt example={input} />)).toBe(html);
  });
});
