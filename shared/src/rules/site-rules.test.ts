import { describe, expect, it } from "vitest";
import type { SiteRule } from "../schemas/site-rule";
import { compileSiteRules, evaluateComment } from "./index";

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
