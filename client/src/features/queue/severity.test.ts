import { describe, expect, it } from "vitest";
import type { ApiFlag } from "../../api";
import { findTopFlag, sortFlagsBySeverity } from "./severity";

const flag = (category: ApiFlag["category"], confidence = 0.5): ApiFlag => ({
  category,
  rule: `${category}.test`,
  evidence: "",
  start: null,
  end: null,
  explanation: "test",
  confidence,
});

describe("severity", () => {
  it("orders flags most severe first, then most confident", () => {
    const sorted = sortFlagsBySeverity([flag("spam"), flag("insult", 0.4), flag("threat"), flag("insult", 0.9), flag("off_topic")]);
    expect(sorted.map((f) => `${f.category}:${f.confidence}`)).toEqual([
      "threat:0.5",
      "insult:0.9",
      "insult:0.4",
      "spam:0.5",
      "off_topic:0.5",
    ]);
  });

  it("picks the top flag as the default removal reason, none for an unflagged comment", () => {
    expect(findTopFlag([flag("profanity"), flag("slur")])?.category).toBe("slur");
    expect(findTopFlag([])).toBeUndefined();
  });
});
