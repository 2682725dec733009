import { CATEGORIES, type Category } from "../../schemas/thread";
import type { CorpusItem } from "./corpus";
import type { Prediction, Predictor } from "./predict";

/** Precision, recall and F1 of one category; precision is null when nothing was predicted. */
export interface CategoryScore {
  category: Category | "any_abuse";
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number;
  f1: number;
}

/** The categories a word list can be compared on at all: any of them counts as "abusive". */
const ABUSE: readonly Category[] = ["threat", "slur", "insult", "profanity"];

/** An item a filter got wrong for one category, with the author's note and the filter's reasons. */
export interface Mistake {
  id: string;
  text: string;
  category: Category;
  labels: Category[];
  contrast: string | null;
  note: string;
  reasons: string[];
}

/** Everything one filter scored on the corpus. */
export interface Scorecard {
  categories: CategoryScore[];
  /** Abusive (threat, slur, insult or profanity) or not, whatever the category: the fairest comparison with a word list. */
  anyAbuse: CategoryScore;
  /** For items labelled X (or "clean"), how often each category (or "none") was predicted. */
  confusion: Record<string, Record<string, number>>;
  /** Clean items (no labels) and how many of them got any flag. */
  clean: { items: number; flagged: number };
  /** Hard negatives (items with a contrast) that got a category they are not labelled with. */
  hardNegatives: { items: number; flagged: number };
  /** The same per kind of hard negative: where a filter over-flags. */
  byContrast: Record<string, { items: number; flagged: number }>;
  misses: Mistake[];
  falsePositives: Mistake[];
}

/** Runs a predictor over the corpus and counts, per category, what it got right and wrong. */
export function scoreCorpus(items: readonly CorpusItem[], predict: Predictor): Scorecard {
  const predictions = items.map((item) => ({ item, prediction: predict(item) }));
  const misses: Mistake[] = [];
  const falsePositives: Mistake[] = [];
  const categories = CATEGORIES.map((category) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { item, prediction } of predictions) {
      const labelled = item.labels.includes(category);
      const predicted = prediction.categories.has(category);
      if (labelled && predicted) tp++;
      else if (predicted) {
        fp++;
        falsePositives.push(mistakeOf(item, category, prediction));
      } else if (labelled) {
        fn++;
        misses.push(mistakeOf(item, category, prediction));
      }
    }
    return metricsOf(category, tp, fp, fn);
  });
  const flaggedWrongly = (p: { item: CorpusItem; prediction: Prediction }) =>
    [...p.prediction.categories].some((c) => !p.item.labels.includes(c));
  const clean = predictions.filter((p) => p.item.labels.length === 0);
  const hard = predictions.filter((p) => p.item.contrast !== undefined);
  const abusive = (set: Iterable<Category>) => [...set].some((c) => ABUSE.includes(c));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { item, prediction } of predictions) {
    const labelled = abusive(item.labels);
    const predicted = abusive(prediction.categories);
    if (labelled && predicted) tp++;
    else if (predicted) fp++;
    else if (labelled) fn++;
  }
  return {
    categories,
    anyAbuse: metricsOf("any_abuse", tp, fp, fn),
    confusion: confusionOf(predictions),
    clean: { items: clean.length, flagged: clean.filter((p) => p.prediction.categories.size > 0).length },
    hardNegatives: { items: hard.length, flagged: hard.filter(flaggedWrongly).length },
    byContrast: countByContrast(hard, flaggedWrongly),
    misses: rankBySeverity(misses),
    falsePositives: rankBySeverity(falsePositives),
  };
}

function countByContrast<P extends { item: CorpusItem }>(hard: P[], flaggedWrongly: (p: P) => boolean): Scorecard["byContrast"] {
  const counts: Scorecard["byContrast"] = {};
  for (const p of hard) {
    const entry = (counts[p.item.contrast!] ??= { items: 0, flagged: 0 });
    entry.items++;
    if (flaggedWrongly(p)) entry.flagged++;
  }
  return counts;
}

function metricsOf(category: CategoryScore["category"], tp: number, fp: number, fn: number): CategoryScore {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision === null || precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { category, support: tp + fn, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

function mistakeOf(item: CorpusItem, category: Category, prediction: Prediction): Mistake {
  return {
    id: item.id,
    text: item.text,
    category,
    labels: item.labels,
    contrast: item.contrast ?? null,
    note: item.note,
    reasons: prediction.reasons,
  };
}

/** Rows are the item's labels (or "clean"), columns the predicted categories (or "none"). */
function confusionOf(predictions: { item: CorpusItem; prediction: Prediction }[]): Scorecard["confusion"] {
  const confusion: Scorecard["confusion"] = {};
  for (const row of [...CATEGORIES, "clean"]) confusion[row] = Object.fromEntries([...CATEGORIES, "none"].map((c) => [c, 0]));
  for (const { item, prediction } of predictions) {
    const rows = item.labels.length > 0 ? item.labels : ["clean"];
    const columns = prediction.categories.size > 0 ? [...prediction.categories] : ["none"];
    for (const r of rows) for (const c of columns) confusion[r]![c]!++;
  }
  return confusion;
}

/** The most harmful mistakes first: threats before spam, then in corpus order. */
function rankBySeverity(mistakes: Mistake[]): Mistake[] {
  return mistakes
    .map((m, i) => ({ m, i }))
    .sort((a, b) => CATEGORIES.indexOf(a.m.category) - CATEGORIES.indexOf(b.m.category) || a.i - b.i)
    .map(({ m }) => m);
}
