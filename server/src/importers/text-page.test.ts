import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadImportSchema } from "@sift/shared";
import { parseTextPage, textPageImporter } from "./text-page";
import { parseFixture, readFixture } from "./text-page-test-support";

const ARTICLE = [
  "Harbour Ferry Timetable Changes From Monday",
  "",
  "The morning ferry to the island will leave fifteen minutes earlier from Monday, the operator said on Friday.",
  "",
  "Evening sailings are unchanged, and the last boat back still leaves the island at 10:40pm.",
  "",
].join("\n");

/** The first issue's message of a failed parse. */
function failure(text: string): string {
  const result = parseTextPage(text);
  if (result.ok) throw new Error(`expected a failure, got ${result.threads[0]?.comments.length} comments`);
  expect(result.issues.length).toBeGreaterThan(0);
  return result.issues[0]?.message ?? "";
}

describe("parseTextPage: input it cannot read", () => {
  it.each([
    ["empty text", "", /empty/],
    ["whitespace only", "  \n\t\n \u00a0 \n", /empty/],
    ["a full HTML document", "<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>3 Comments</p></body></html>", /HTML or XML markup/],
    ["an HTML fragment", "<section class=\"comments\">\n  <h3>2 Comments</h3>\n  <div class=\"c\">Jane</div>\n  <p>Nice piece.</p>\n</section>", /HTML or XML markup/],
    ["an article with no comment widget", ARTICLE + "Share this:\nFacebook\n© 2025 Harbour News\n", /no comment section found/],
    ["a WordPress page nobody has commented on", ARTICLE + "Leave a Reply\nYour email address will not be published.\nPost Comment\n", /no comments: nobody has commented/],
    [
      "a wpDiscuz widget with no comments",
      ARTICLE + "Subscribe\nNotify of\nguest\n0 Comments\nInline Feedbacks\nView all comments\nWould love your thoughts, please comment.x\n()\nx\n",
      /found a comment section but no comments in it \(it declares 0\)/,
    ],
    ["a Disqus widget with no comments", ARTICLE + "0 Comments\nLogin\nRecommend\nTweet\nShare\nSort by Best\nStart the discussion…\n\nPowered by Disqus\nSubscribe\nPrivacy\n", /no comments in it/],
  ])("%s is a failure with a clear message", (_name, text, message) => {
    expect(failure(text)).toMatch(message);
  });
});

describe("parseTextPage: every fixture page", () => {
  const pages = readdirSync(new URL("./fixtures/", import.meta.url)).filter((f) => /^text-.*\.txt$/.test(f));

  it("has at least two pages for each layout", () => {
    for (const layout of ["wpdiscuz", "disqus", "wordpress", "facebook", "commento", "hyvor"]) {
      expect(pages.filter((p) => p.startsWith(`text-${layout}-`)).length, layout).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(pages)("%s: passes the schema, with unique ids that survive a re-save", (name) => {
    const thread = parseFixture(name);
    const ids = thread.comments.map((c) => c.external_id);
    expect(new Set(ids).size).toBe(ids.length);
    // A browser re-saving the page may turn line ends into CRLF and spaces into NBSP; ids and text must not change.
    const resaved = readFixture(name).replace(/\n/g, "\r\n").replace(/ {2}/g, " \u00a0");
    const again = parseTextPage(resaved);
    expect(again.ok && ThreadImportSchema.parse(again.threads[0]).comments).toEqual(thread.comments);
  });

  it.each(pages)("%s: reads the same when the copy kept no blank lines", (name) => {
    const thread = parseFixture(name);
    const result = parseTextPage(readFixture(name).replace(/\n\s*\n/g, "\n"));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const shape = (t: typeof thread) => t.comments.map((c) => [c.author, c.body.split("\n\n").length, c.parent_external_id !== null]);
    expect(shape(result.threads[0]!)).toEqual(shape(thread));
  });

  it.each(pages)("%s: a parent always comes before its reply", (name) => {
    const comments = parseFixture(name).comments;
    comments.forEach((c, i) => {
      if (c.parent_external_id) expect(comments.slice(0, i).some((p) => p.external_id === c.parent_external_id)).toBe(true);
    });
  });

  it.each(pages)("%s: the importer claims it", (name) => {
    expect(textPageImporter.detect(readFixture(name), name)).toBeGreaterThanOrEqual(0.4);
  });
});

describe("parseTextPage: article text that looks like page furniture", () => {
  const page = [
    "Bakery Wins County Bread Award",
    "",
    "By the end of the judging on Saturday, the small bakery on Mill Lane had beaten forty entries.",
    "",
    "Posted in the shop window was the judges' note, which praised the crust.",
    "",
    "\"We hope people will support our little shop,\" owner Rosa Vance said. Residents can donate flour to the community oven until Friday.",
    "",
    "About the author",
    "Sam Reed covers food and farming for the paper and bakes badly at weekends.",
    "",
    "2 Comments",
    "Oldest",
    "View all comments",
    "Kim Ashby",
    "",
    "Best sourdough in the county.",
    "",
    "noel_b",
    "",
    "Agreed!",
    "",
  ].join("\n");

  it("keeps sentences that start like bylines or end markers, quotes asking for support, and stops at the bio", () => {
    const result = parseTextPage(page);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const thread = ThreadImportSchema.parse(result.threads[0]);
    expect(thread.title).toBe("Bakery Wins County Bread Award");
    expect(thread.article.body.split("\n\n")).toEqual([
      "By the end of the judging on Saturday, the small bakery on Mill Lane had beaten forty entries.",
      "Posted in the shop window was the judges' note, which praised the crust.",
      "\"We hope people will support our little shop,\" owner Rosa Vance said. Residents can donate flour to the community oven until Friday.",
    ]);
    expect(thread.comments.map((c) => [c.author, c.body])).toEqual([["Kim Ashby", "Best sourdough in the county."], ["noel_b", "Agreed!"]]);
  });
});

describe("parseTextPage: text after a comment's action footer", () => {
  it("is not that comment's text", () => {
    const page = `${ARTICLE}2 Comments\nLogin\nSort by Best\nAvatar\nIsla Grant • 3 hours ago\nEarlier boats suit commuters.\n2 • Reply • Share ›\nRead our community guidelines before posting\nAvatar\nomar.k • 2 hours ago\nNot the school run though.\n• Reply • Share ›\n`;
    const result = parseTextPage(page);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]?.comments.map((c) => [c.author, c.body])).toEqual([
      ["Isla Grant", "Earlier boats suit commuters."],
      ["omar.k", "Not the school run though."],
    ]);
  });
});

describe("parseTextPage: size", () => {
  // A guard against quadratic work per comment (it once took 23 s for this page), not a benchmark.
  it("reads a page of 10,000 comments in a few seconds", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `Avatar\nreader_${i} • ${(i % 50) + 1} hours ago\nComment ${i} on the ferry timetable.\n${i % 7} • Reply • Share ›`);
    const started = performance.now();
    const result = parseTextPage(`${ARTICLE}10000 Comments\nLogin\nSort by Best\n${rows.join("\n")}\n`);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(result.ok && result.threads[0]?.comments.length).toBe(10_000);
  });
});

describe("parseTextPage: notes", () => {
  it("says when the page declares more comments than it shows (hidden Facebook replies)", () => {
    expect(parseFixture("text-facebook-sport.txt").notes).toEqual(["the page declares 7 comments; 5 were found in the text"]);
  });

  it("adds no note when the count matches", () => {
    expect(parseFixture("text-wpdiscuz-plain.txt").notes).toEqual([]);
  });
});
