import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import type { Flag } from "../../schemas/flag";
import type { Category } from "../../schemas/thread";
import { evaluateThread } from "../index";
import type { Articles, CorpusItem } from "./corpus";

/** What a filter says about one item: the categories it raised and, for the report, why. */
export interface Prediction {
  categories: Set<Category>;
  /** Short reasons ("rule[evidence]") shown next to misses and false positives. */
  reasons: string[];
}

/** A filter under evaluation: Sift's engine or a word-list baseline. */
export type Predictor = (item: CorpusItem) => Prediction;

/**
 * Sift's judgement of an item, run through `evaluateThread` exactly as an import would: the item's
 * article (if any) is the thread's article, and its parent (if any) is the comment it replies to.
 */
export function siftPredictor(articles: Articles): Predictor {
  return (item) => {
    const article = item.context?.article ? articles[item.context.article]! : { title: "", body: "" };
    const parent = item.context?.parent;
    const comments = [
      ...(parent ? [{ external_id: "parent", parent_external_id: null, author: "parent author", body: parent }] : []),
      { external_id: item.id, parent_external_id: parent ? "parent" : null, author: "item author", body: item.text },
    ];
    const flags: Flag[] = evaluateThread({ article, comments }).at(-1) ?? [];
    return {
      categories: new Set(flags.map((f) => f.category)),
      reasons: flags.map((f) => `${f.rule}[${f.evidence}]`),
    };
  };
}

/**
 * A plain word-list filter for comparison: `obscenity`'s default English list with its
 * recommended transformers, any match counted as profanity (the list has no categories).
 */
export function wordListPredictor(): Predictor {
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return (item) => {
    const matches = matcher.getAllMatches(item.text, true);
    const reasons = matches.map((m) => `obscenity[${item.text.slice(m.startIndex, m.endIndex + 1)}]`);
    return { categories: new Set<Category>(matches.length > 0 ? ["profanity"] : []), reasons };
  };
}
