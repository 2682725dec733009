import { describe, expect, it } from "vitest";
import { FlagSchema } from "../../schemas/flag";
import { CATEGORIES } from "../../schemas/thread";
import { evaluateThread } from "../index";
import { CONTRASTS, loadCorpus } from "./corpus";
import { describeFailure, loadFloors } from "./floors";
import { runEvaluation } from "./run";
import { scoreCorpus } from "./score";

const corpus = loadCorpus();

describe("the labelled corpus", () => {
  it("is big enough, covers every category and contrast, and is at least half hard negatives", () => {
    expect(corpus.items.length).toBeGreaterThanOrEqual(450);
    for (const category of CATEGORIES) expect(corpus.items.filter((i) => i.labels.includes(category)).length, category).toBeGreaterThanOrEqual(20);
    for (const contrast of CONTRASTS) expect(corpus.items.some((i) => i.contrast === contrast), contrast).toBe(true);
    expect(corpus.items.filter((i) => i.contrast !== undefined).length * 2).toBeGreaterThanOrEqual(corpus.items.length);
  });

  it("gives every off-topic item an article to be off the topic of", () => {
    const orphans = corpus.items.filter((i) => i.labels.includes("off_topic") && !i.context?.article).map((i) => i.id);
    expect(orphans).toEqual([]);
  });
});

describe("scoring", () => {
  const item = (id: string, labels: (typeof CATEGORIES)[number][]) => ({ id, text: id, labels, note: "test" });

  it("counts true and false positives per category and keeps precision undefined when nothing was predicted", () => {
    const items = [item("a", ["threat"]), item("b", []), item("c", ["threat", "insult"])];
    const card = scoreCorpus(items, (i) => ({ categories: new Set(i.id === "c" ? [] : ["threat" as const]), reasons: [] }));
    const threat = card.categories.find((c) => c.category === "threat")!;
    expect(threat).toMatchObject({ support: 2, truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 });
    expect(card.categories.find((c) => c.category === "insult")!.precision).toBeNull();
    expect(card.clean).toEqual({ items: 1, flagged: 1 });
    expect(card.confusion.clean!.threat).toBe(1);
    expect(card.confusion.insult!.none).toBe(1);
    expect(card.misses.map((m) => m.id)).toEqual(["c", "c"]);
  });
});

describe("the rules engine on the corpus", () => {
  const evaluation = runEvaluation(corpus, loadFloors());

  it("holds every precision and recall floor in floors.json", () => {
    expect(evaluation.failures.map(describeFailure)).toEqual([]);
  });

  it("flags fewer clean items than a plain word list and finds more abuse", () => {
    expect(evaluation.sift.clean.flagged).toBeLessThan(evaluation.wordList.clean.flagged);
    expect(evaluation.sift.anyAbuse.f1).toBeGreaterThan(evaluation.wordList.anyAbuse.f1);
  });
});

describe("flags on the corpus", () => {
  it("are valid flags whose evidence is exactly the text at their offsets, obfuscated or not", () => {
    const wrong: string[] = [];
    for (const item of corpus.items) {
      const article = item.context?.article ? corpus.articles[item.context.article]! : { title: "", body: "" };
      const [flags] = evaluateThread({ article, comments: [{ external_id: item.id, parent_external_id: null, author: "a", body: item.text }] });
      for (const flag of flags ?? []) {
        FlagSchema.parse(flag);
        if (flag.start !== null && flag.end !== null && item.text.slice(flag.start, flag.end) !== flag.evidence) {
          wrong.push(`${item.id} ${flag.rule}: ${JSON.stringify(flag.evidence)} vs ${JSON.stringify(item.text.slice(flag.start, flag.end))}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
