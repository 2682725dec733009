import { describe, expect, it } from "vitest";
import { relevance, topicWordsOf, Vocabulary } from "./relevance";

describe("Vocabulary", () => {
  it("reads added text at the first lookup and matches stems and shared prefixes", () => {
    const v = new Vocabulary().add("Flooding in Carlisle: the river Eden burst its banks");
    expect(v.size).toBeGreaterThan(3);
    expect(v.has("flood")).toBe(true); // a prefix of "flooding"
    expect(v.has("bank")).toBe(true);
    expect(v.has("tractor")).toBe(false);
    expect(v.has("tractor")).toBe(false); // remembered answer
  });

  it("forgets remembered answers when words are added", () => {
    const v = new Vocabulary().add("the river");
    expect(v.has("tractor")).toBe(false);
    v.add("a tractor pulled cars out");
    expect(v.has("tractor")).toBe(true);
    v.addWords(["rugby"]);
    expect(v.has("rugby")).toBe(true);
  });
});

describe("topicWordsOf", () => {
  it("keeps stems of subject words, in order, repeats included, and drops common words", () => {
    expect(topicWordsOf(["The", "rivers", "are", "rising", "rivers", "it's", "ok"])).toEqual(["river", "rising", "river"]);
    expect(topicWordsOf(["The", "rivers", "are", "rising", "rivers", "it's", "ok"])).toEqual(["river", "rising", "river"]);
  });

  it("scores the share of topic words the vocabulary knows", () => {
    const v = new Vocabulary().add("river flood rain");
    expect(relevance(["river", "tractor"], [v])).toEqual({ score: 0.5, topicWordCount: 2, shared: 1, unrelated: ["tractor"], foreign: [] });
  });
});
