import { describe, expect, it } from "vitest";
import { decodeHtmlEntities, htmlToText } from "./html-text";

describe("htmlToText", () => {
  it.each([
    ["paragraphs", "<p>One &amp; two</p>\n<p>Three</p>", {}, "One & two\n\nThree"],
    ["line breaks", "<p>a<br>b<br/>c</p>", {}, "a\nb\nc"],
    ["a link keeps its address", '<a href="https://spam.example/x">cheap</a> now', {}, "cheap (https://spam.example/x) now"],
    ["a bare link is not doubled", '<a href="https://x.example/">https://x.example/</a>', {}, "https://x.example/"],
    ["relative links add nothing", '<a href="/about">about us</a>', {}, "about us"],
    ["an empty link shows its address", '<a href="https://x.example/a"></a>', {}, "https://x.example/a"],
    ["quotes are marked", "<blockquote><p>you said\nthis</p></blockquote><p>reply</p>", {}, "> you said this\n\nreply"],
    ["nested quotes", "<blockquote>a<blockquote>b</blockquote></blockquote>c", {}, "> a\n\n> > b\n\nc"],
    ["scripts are dropped", "<script>alert(1)</script><style>p{}</style>ok", {}, "ok"],
    ["HTML entities", "caf&eacute; &mdash; 5&nbsp;&euro; &#8217;", {}, "café — 5 € ’"],
    ["newlines collapse in HTML", "one\ntwo\n\nthree", {}, "one two three"],
    ["wpautop: blank line is a paragraph", "one\ntwo\n\n\nthree", { autop: true }, "one\ntwo\n\nthree"],
    ["image alt text", '<img src="x.png" alt="a cat">', {}, "[a cat]"],
    ["empty", "", {}, ""],
    ["unclosed tags", "<p>half <b>bold", {}, "half bold"],
  ])("%s", (_name, html, options, text) => {
    expect(htmlToText(html, options)).toBe(text);
  });
});

describe("decodeHtmlEntities", () => {
  it.each([
    ["Fish &amp; Chips", "Fish & Chips"],
    ["caf&eacute; &#8211; &#x2019;", "café – ’"],
    ["a <b> c &lt;", "a <b> c <"],
    ["no entities", "no entities"],
    ["&bogus; stays", "&bogus; stays"],
  ])("%s", (text, decoded) => {
    expect(decodeHtmlEntities(text)).toBe(decoded);
  });
});
