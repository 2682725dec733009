import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadImportSchema, type ParseResult, type ThreadImport } from "@sift/shared";
import { decodeEntities, detectRedditJson, parseRedditJson } from "./reddit-json";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Asserts success and schema validity, and returns the threads. */
function threadsOf(result: ParseResult): ThreadImport[] {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  for (const thread of result.threads) ThreadImportSchema.parse(thread);
  return result.threads;
}

describe("parseRedditJson: a full thread", () => {
  const [thread] = threadsOf(parseRedditJson(fixture("reddit-thread.json")));

  it("takes the post as the article, with entities decoded and blank-line runs collapsed", () => {
    expect(thread).toMatchObject({
      external_id: "t3_1abc2d",
      format: "reddit-json",
      title: "Raised beds & squirrels \u2014 what actually works?",
      url: "https://www.reddit.com/r/gardening/comments/1abc2d/raised_beds_squirrels_what_actually_works/",
      source_note: "r/gardening",
      declared_comment_count: 14,
      article: {
        title: "Raised beds & squirrels \u2014 what actually works?",
        body: "We finally dug the new beds & planted garlic.\n\nAny tips for keeping squirrels out? They dig up everything >:(",
      },
    });
  });

  it("lists comments depth-first in page order with parents from the nesting", () => {
    expect(thread!.comments.map((c) => [c.external_id, c.parent_external_id])).toEqual([
      ["t1_l0aaa01", null],
      ["t1_l0aaa02", "t1_l0aaa01"],
      ["t1_l0aaa03", "t1_l0aaa01"],
      ["t1_l0aaa04", "t1_l0aaa03"],
      ["t1_l0aaa05", null],
      ["t1_l0aaa06", "t1_l0aaa05"],
      ["t1_l0aaa07", null],
    ]);
  });

  it("keeps markdown, decodes entities and converts created_utc", () => {
    const quote = thread!.comments[2]!;
    expect(quote.body).toBe("> Chicken wire under the soil\n\nHow deep? 6\"? I'm worried about the garlic roots <3");
    expect(quote.posted_at).toBe("2024-05-01T12:50:00.000Z");
    expect(quote.author).toBe("compost_queen");
  });

  it("keeps [removed] and [deleted] comments as removed, author as given", () => {
    const removed = thread!.comments.filter((c) => c.initial_status === "removed");
    expect(removed.map((c) => [c.external_id, c.author, c.body])).toEqual([
      ["t1_l0aaa02", "[deleted]", "[removed]"],
      ["t1_l0aaa05", "urban_grower", "[deleted]"],
    ]);
    expect(thread!.comments.filter((c) => c.initial_status === "pending")).toHaveLength(5);
  });

  it("counts 'load more' and 'continue this thread' stubs into a note", () => {
    expect(thread!.notes).toEqual(["skipped 2 'load more' stubs (7 comments not in the file)"]);
  });
});

describe("parseRedditJson: other shapes", () => {
  it("accepts a lone Listing of comments, deriving the thread from the comments", () => {
    const [thread] = threadsOf(parseRedditJson(fixture("reddit-comments-listing.json"), { fileName: "downloads/bridges.json" }));
    expect(thread).toMatchObject({
      external_id: "t3_18zz9q",
      title: "bridges",
      url: "https://www.reddit.com/r/AskHistorians/comments/18zz9q/how_did_medieval_bridges/",
      declared_comment_count: null,
    });
    expect(thread!.comments.map((c) => c.external_id)).toEqual(["t1_k9x001", "t1_k9x002", "t1_k9x003"]);
    expect(thread!.comments[2]!.body).toBe("Please remember to cite sources & be civil.");
    expect(thread!.notes).toContain("skipped 1 'load more' stubs (3 comments not in the file)");
  });

  it("accepts a bare link post with no comments", () => {
    const [thread] = threadsOf(parseRedditJson(fixture("reddit-post-only.json")));
    expect(thread).toMatchObject({
      external_id: "t3_1q2w3e",
      title: "City council votes to close Elm St bridge for repairs",
      source_note: "r/news · links to https://example-news.test/2024/05/elm-st-bridge",
      declared_comment_count: 0,
      comments: [],
    });
  });

  it("accepts a post Listing without the comment Listing", () => {
    const full = JSON.parse(fixture("reddit-thread.json")) as unknown[];
    const [thread] = threadsOf(parseRedditJson(JSON.stringify([full[0]])));
    expect(thread!.comments).toEqual([]);
    expect(thread!.title).toContain("squirrels");
  });
});

describe("parseRedditJson: bad input", () => {
  const cases: { name: string; text: string; issue: { line?: number; message: RegExp } }[] = [
    { name: "truncated file", text: fixture("reddit-thread.json").slice(0, 900), issue: { message: /ends early/ } },
    { name: "a plain comment array", text: '[{"body": "hi"}]', issue: { message: /not a Reddit thread/ } },
    { name: "a Listing of something else", text: '{"kind": "Listing", "data": {"children": [{"kind": "t5", "data": {}}]}}', issue: { message: /no posts or comments/ } },
    { name: "a number", text: "42", issue: { message: /not a Reddit thread/ } },
    { name: "syntax error with position", text: '[\n  {"kind": "Listing",,}\n]', issue: { line: 2, message: /line 2, column 22/ } },
  ];
  it.each(cases)("$name", ({ text, issue }) => {
    const result = parseRedditJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]!.message).toMatch(issue.message);
      if (issue.line) expect(result.issues[0]!.line).toBe(issue.line);
    }
  });
});

describe("detectRedditJson", () => {
  it.each([
    ["reddit-thread.json", 0.95],
    ["reddit-comments-listing.json", 0.95],
    ["reddit-post-only.json", 0.9],
    ["json-disqus.json", 0],
    ["csv-threads.csv", 0],
  ])("%s → %d", (name, score) => expect(detectRedditJson(fixture(name))).toBe(score));
});

describe("decodeEntities", () => {
  it.each([
    ["&amp;lt;", "&lt;"],
    ["a &gt; b &lt; c", "a > b < c"],
    ["it&#39;s &#x27;fine&#X27;", "it's 'fine'"],
    ["&quot;q&quot; &nbsp;", '"q" \u00a0'],
    ["&unknown; &#0; & alone", "&unknown; &#0; & alone"],
    ["&#128512;", "\u{1F600}"],
  ])("%s → %s", (input, output) => expect(decodeEntities(input)).toBe(output));
});
