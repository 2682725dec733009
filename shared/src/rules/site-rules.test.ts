import { describe, expect, it } from "vitest";
import type { SiteRule } from "../schemas/site-rule";
import { compileSiteRules, evaluateComment, regexProblem, siteRuleFlagsForText } from "./index";
import { MAX_REGEX_TEXT } from "./site-rules";

const rule = (over: Partial<SiteRule> & Pick<SiteRule, "id" | "kind" | "pattern">): SiteRule => ({
  category: "spam",
  action: "flag",
  enabled: true,
  ...over,
});

describe("site rules", () => {
  it("matches a word rule through disguises, as whole words only", () => {
    const { set } = compileSiteRules([rule({ id: "rival", kind: "word", pattern: "brexitbet" })]);
    const hit = evaluateComment({ body: "Try br3xitb3t today" }, { siteRules: set });
    expect(hit.map((f) => f.rule)).toContain("site.rival");
    expect(evaluateComment({ body: "notbrexitbetting here" }, { siteRules: set }).map((f) => f.rule)).not.toContain("site.rival");
  });

  it("matches phrases and regular expressions, with evidence offsets and the action", () => {
    const { set } = compileSiteRules([
      rule({ id: "promo", kind: "phrase", pattern: "use my code", action: "hold" }),
      rule({ id: "phone", kind: "regex", pattern: "\\+?\\d{3}[ -]?\\d{3}[ -]?\\d{4}", category: "spam", action: "remove" }),
    ]);
    const body = "Use my code now, call 555-123-4567";
    const flags = evaluateComment({ body }, { siteRules: set }).filter((f) => f.rule.startsWith("site."));
    expect(flags.map((f) => [f.rule, f.evidence, f.action])).toEqual([
      ["site.promo", "Use my code", "hold"],
      ["site.phone", "555-123-4567", "remove"],
    ]);
    for (const f of flags) expect(body.slice(f.start!, f.end!)).toBe(f.evidence);
  });

  it("reports a bad rule instead of throwing, and skips disabled rules", () => {
    const { set, problems } = compileSiteRules([
      rule({ id: "bad", kind: "regex", pattern: "(unclosed" }),
      rule({ id: "two", kind: "word", pattern: "two words" }),
      rule({ id: "off", kind: "word", pattern: "anything", enabled: false }),
    ]);
    expect(problems.map((p) => p.id)).toEqual(["bad", "two"]);
    expect(set.rules).toHaveLength(0);
  });

  it("clears a built-in rule's flag on an excepted word, and only that word", () => {
    const { set } = compileSiteRules([], [{ rule: "profanity.lexicon", word: "bollocks" }]);
    const cats = (body: string) => evaluateComment({ body }, { siteRules: set }).map((f) => f.category);
    expect(cats("Dog's bollocks of a match, that.")).not.toContain("profanity");
    expect(cats("Absolute shit match, that.")).toContain("profanity");
  });
});

describe("regexProblem", () => {
  it.each([
    ["(a+)+$", /repeated group/],
    ["(\\w*\\s?)*x", /repeated group/],
    ["(a|aa)*b", /repeated group/],
    ["((ab)+c)+", /repeated group/],
    ["(x)\\1", /backreferences/],
    ["a".repeat(201), /longer than 200/],
  ])("refuses %s", (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });

  it.each(["\\+?\\d{3}[ -]?\\d{3}[ -]?\\d{4}", "buy (cheap|discount) pills", "(ab)+c", "[(a+)]+", "(a{1}b)+", "free\\s+money"])("accepts %s", (pattern) => {
    expect(regexProblem(pattern)).toBeNull();
  });

  it("is applied by compileSiteRules", () => {
    const { problems } = compileSiteRules([rule({ id: "redos", kind: "regex", pattern: "(a+)+b" })]);
    expect(problems).toEqual([{ id: "redos", message: expect.stringMatching(/repeated group/) }]);
  });
});

describe("siteRuleFlagsForText", () => {
  const { set } = compileSiteRules([
    rule({ id: "w", kind: "word", pattern: "spammo" }),
    rule({ id: "p", kind: "phrase", pattern: "buy now" }),
    rule({ id: "r", kind: "regex", pattern: "zork\\d+" }),
  ]);
  it.each([
    "nothing to see here.",
    "Spammo! Buy now, zork42",
    "sp4mmo is back",
    "s p a m m o again",
    "spaaaammo",
    "notspammo",
    "BUY   NOW friends",
    "ѕpammo with a Cyrillic s",
  ])("gives the same site flags as the full evaluation on %j", (body) => {
    const full = evaluateComment({ body }, { siteRules: set }).filter((f) => f.rule.startsWith("site."));
    expect(siteRuleFlagsForText(body, set)).toEqual(full);
  });
});

describe("regex rules on huge comments", () => {
  it("read only the first MAX_REGEX_TEXT characters", () => {
    const { set } = compileSiteRules([rule({ id: "r", kind: "regex", pattern: "zork\\d" })]);
    const early = `zork1 ${"a".repeat(MAX_REGEX_TEXT)}`;
    const late = `${"a ".repeat(MAX_REGEX_TEXT)}zork1`;
    expect(siteRuleFlagsForText(early, set).map((f) => f.evidence)).toEqual(["zork1"]);
    expect(siteRuleFlagsForText(late, set)).toEqual([]);
  });
});
