import { loadCorpus, type Corpus } from "./corpus";
import { checkFloors, loadFloors, type FloorFailure, type Floors } from "./floors";
import { siftPredictor, wordListPredictor } from "./predict";
import { scoreCorpus, type Scorecard } from "./score";

/** Corpus files whose items were written after the rules were last tuned. */
const HELD_OUT_PREFIX = "holdout-";

/** The whole evaluation: Sift and the word-list baseline on the same corpus, and the floors Sift must hold. */
export interface Evaluation {
  corpus: { items: number; clean: number; hardNegatives: number; byCategory: Record<string, number>; byContrast: Record<string, number> };
  sift: Scorecard;
  wordList: Scorecard;
  /**
   * Sift on the held-out batches (`holdout-*.jsonl`, written after the rules were last tuned) and on
   * the rest: a large gap means the rules fit the corpus's wording rather than the problem.
   */
  heldOut: { sift: Scorecard; tuned: Scorecard } | null;
  floors: Floors;
  failures: FloorFailure[];
}

/** Scores the committed corpus (or a given one) against the committed floors (or given ones). */
export function runEvaluation(corpus: Corpus = loadCorpus(), floors: Floors = loadFloors()): Evaluation {
  const sift = scoreCorpus(corpus.items, siftPredictor(corpus.articles));
  const wordList = scoreCorpus(corpus.items, wordListPredictor());
  const isHeldOut = (id: string) => id.startsWith(HELD_OUT_PREFIX);
  const heldOutItems = corpus.items.filter((i) => isHeldOut(i.id));
  const heldOut =
    heldOutItems.length === 0
      ? null
      : {
          sift: scoreCorpus(heldOutItems, siftPredictor(corpus.articles)),
          tuned: scoreCorpus(corpus.items.filter((i) => !isHeldOut(i.id)), siftPredictor(corpus.articles)),
        };
  return { corpus: describeCorpus(corpus), sift, wordList, heldOut, floors, failures: checkFloors(sift, floors) };
}

function describeCorpus(corpus: Corpus): Evaluation["corpus"] {
  const byCategory: Record<string, number> = {};
  const byContrast: Record<string, number> = {};
  for (const item of corpus.items) {
    for (const label of item.labels.length > 0 ? item.labels : ["clean"]) byCategory[label] = (byCategory[label] ?? 0) + 1;
    if (item.contrast) byContrast[item.contrast] = (byContrast[item.contrast] ?? 0) + 1;
  }
  return {
    items: corpus.items.length,
    clean: corpus.items.filter((i) => i.labels.length === 0).length,
    hardNegatives: corpus.items.filter((i) => i.contrast !== undefined).length,
    byCategory,
    byContrast,
  };
}
