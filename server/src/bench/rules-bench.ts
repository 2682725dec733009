import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { evaluateComment, evaluateThread, type ThreadInput } from "@sift/shared/rules";
import type { Corpus } from "./corpus";
import { median, perSecond, round, timeReps } from "./measure";

/** How many comments the rules are timed on: enough for a steady rate, few enough for 3 repetitions. */
export const RULES_SAMPLE = 20_000;

export interface RulesResult {
  sample_comments: number;
  /** evaluateThread over the sampled threads: every phase plus thread context (parents, duplicates, relevance). */
  rules_comments_per_s: number;
  /** evaluateComment on each comment alone (no thread context). */
  rules_comment_only_comments_per_s: number;
  /** obscenity's default English matcher, hasMatch per comment. */
  obscenity_comments_per_s: number;
  /** The same matcher, getAllMatches per comment (evidence spans, like Sift's flags). */
  obscenity_all_matches_comments_per_s: number;
  /** Sift's full judgement ÷ obscenity's hasMatch: at least 1 is issue 3's bar. */
  rules_vs_obscenity: number;
  flagged_share_sift: number;
  flagged_share_obscenity: number;
}

/** The first comments of every thread, in proportion, so replies keep their parents. */
export function sampleThreads(corpus: Corpus, limit: number): ThreadInput[] {
  const total = corpus.threads.reduce((n, t) => n + t.comments.length, 0);
  const share = Math.min(1, limit / total);
  return corpus.threads.map((t) => ({
    article: { title: t.title, body: t.articleBody },
    comments: t.comments.slice(0, Math.ceil(t.comments.length * share)).map((c) => ({
      external_id: c.id,
      parent_external_id: c.parentId,
      author: c.author,
      body: c.body,
    })),
  }));
}

/** Sift's rules and obscenity on the same comments, in this process (one core), medians of `reps`. */
export function benchRules(corpus: Corpus, reps: number): RulesResult {
  const threads = sampleThreads(corpus, RULES_SAMPLE);
  const comments = threads.flatMap((t) => t.comments);
  const n = comments.length;
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

  // Warm up both engines (JIT, lazily compiled patterns) on a slice before timing.
  for (const c of comments.slice(0, 500)) {
    evaluateComment(c);
    matcher.getAllMatches(c.body);
  }
  let siftFlagged = 0;
  let obscenityFlagged = 0;
  const thread: number[] = [];
  const single: number[] = [];
  const has: number[] = [];
  const all: number[] = [];
  // Interleaved, so a burst of load from other processes on this shared machine hits every engine alike.
  for (let rep = 0; rep < reps; rep++) {
    thread.push(...timeReps(1, () => {
      siftFlagged = 0;
      for (const t of threads) for (const flags of evaluateThread(t)) if (flags.length > 0) siftFlagged++;
    }));
    has.push(...timeReps(1, () => {
      obscenityFlagged = 0;
      for (const c of comments) if (matcher.hasMatch(c.body)) obscenityFlagged++;
    }));
    single.push(...timeReps(1, () => {
      for (const c of comments) evaluateComment(c);
    }));
    all.push(...timeReps(1, () => {
      for (const c of comments) matcher.getAllMatches(c.body, true);
    }));
  }
  const sift = perSecond(n, median(thread));
  const obscenity = perSecond(n, median(has));
  return {
    sample_comments: n,
    rules_comments_per_s: sift,
    rules_comment_only_comments_per_s: perSecond(n, median(single)),
    obscenity_comments_per_s: obscenity,
    obscenity_all_matches_comments_per_s: perSecond(n, median(all)),
    rules_vs_obscenity: round(sift / obscenity),
    flagged_share_sift: round(siftFlagged / n, 3),
    flagged_share_obscenity: round(obscenityFlagged / n, 3),
  };
}
