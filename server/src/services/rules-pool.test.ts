import { compileSiteRules, evaluateThread } from "@sift/shared/rules";
import { describe, expect, it } from "vitest";
import { importHashesOf } from "./import-rows";
import { balanceThreads, evaluateThreadsInParallel } from "./rules-pool";
import { makeComment, makeThread } from "./test-fixtures";

describe("balanceThreads", () => {
  it("puts the largest threads first into the emptiest group and never splits a thread", () => {
    const sized = (n: number) => ({ comments: Array.from({ length: n }) });
    expect(balanceThreads([sized(1), sized(5), sized(3), sized(3)], 2)).toEqual([[1, 0], [2, 3]]); // 5+1 against 3+3
    expect(balanceThreads([sized(2)], 4)).toEqual([[0]]);
  });
});

describe("evaluateThreadsInParallel", { timeout: 60_000 }, () => {
  it("gives, in thread order, what evaluateThread and importHashesOf give, with the site's rules applied in the worker", async () => {
    const siteRules = compileSiteRules([
      { id: "rival", kind: "word", pattern: "brexitbet", category: "spam", action: "hold", enabled: true },
    ]).set;
    const threads = [1, 2, 3].map((n) =>
      makeThread({
        title: `Thread ${n}`,
        comments: [makeComment("a", { body: `Try brexitbet now, number ${n}` }), makeComment("b", { body: "You are an idiot." })],
      }),
    );
    const results = await evaluateThreadsInParallel(threads, siteRules, { cores: 2, minComments: 0 });
    const expected = threads.map((thread) => {
      const flags = evaluateThread(thread, { siteRules });
      return { flags, hashes: importHashesOf(thread, flags) };
    });
    expect(results).toEqual(expected);
    expect(results.every((r) => r.flags[0]!.some((f) => f.rule === "site.rival"))).toBe(true);
  });
});
