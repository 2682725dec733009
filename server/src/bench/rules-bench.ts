import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { evaluateComment, evaluateThread, type ThreadInput } from "@sift/shared/rules";
import type { Corpus } from "./corpus";
import { median, perSecond, round } from "./measure";

/** How many comments the rules are timed on: enough for a steady rate, few enough for several repetitions. */
export const RULES_SAMPLE = 20_000;
/** The rules are timed at least this many times (each run takes about a second): the machine is shared and noisy. */
export const MIN_RULES_REPS = 5;

export interface RulesResult {
  sample_comments: number;
  /** Average length of the timed comments' bodies, in characters (the issue asks for a mix of about 200). */
  average_body_chars: number;
  /** How the rates are measured: process CPU time (user + system) of each repetition, median of `repetitions`. */
  timing: "process CPU time";
  repetitions: number;
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
  /** The same ratio in each repetition (each pair timed back to back), lowest and highest: how steady the figure is. */
  rules_vs_obscenity_range: [number, number];
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

/** Milliseconds of this process's CPU time (user + system) that `fn` takes: other processes on a shared machine do not count. */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Sift's rules and obscenity on the same comments, in this process (one core), timed by CPU time,
 * medians of `reps` (at least MIN_RULES_REPS) interleaved repetitions.
 */
export function benchRules(corpus: Corpus, reps: number): RulesResult {
  const threads = sampleThreads(corpus, RULES_SAMPLE);
  const comments = threads.flatMap((t) => t.comments);
  const n = comments.length;
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const repetitions = Math.max(reps, MIN_RULES_REPS);

  // Warm up both engines (JIT, lazily compiled patterns) with one untimed pass before timing.
  for (const t of threads) evaluateThread(t);
  for (const c of comments) {
    matcher.hasMatch(c.body);
    matcher.getAllMatches(c.body, true);
  }
  let siftFlagged = 0;
  let obscenityFlagged = 0;
  const thread: number[] = [];
  const single: number[] = [];
  const has: number[] = [];
  const all: number[] = [];
  // Interleaved, so a burst of load from other processes on this shared machine hits every engine alike.
  for (let rep = 0; rep < repetitions; rep++) {
    thread.push(cpuMs(() => {
      siftFlagged = 0;
      for (const t of threads) for (const flags of evaluateThread(t)) if (flags.length > 0) siftFlagged++;
    }));
    has.push(cpuMs(() => {
      obscenityFlagged = 0;
      for (const c of comments) if (matcher.hasMatch(c.body)) obscenityFlagged++;
    }));
    single.push(cpuMs(() => {
      for (const c of comments) evaluateComment(c);
    }));
    all.push(cpuMs(() => {
      for (const c of comments) matcher.getAllMatches(c.body, true);
    }));
  }
  const sift = perSecond(n, median(thread));
  const obscenity = perSecond(n, median(has));
  const ratios = thread.map((ms, i) => has[i]! / ms);
  return {
    sample_comments: n,
    average_body_chars: Math.round(comments.reduce((sum, c) => sum + c.body.length, 0) / n),
    timing: "process CPU time",
    repetitions,
    rules_comments_per_s: sift,
    rules_comment_only_comments_per_s: perSecond(n, median(single)),
    obscenity_comments_per_s: obscenity,
    obscenity_all_matches_comments_per_s: perSecond(n, median(all)),
    rules_vs_obscenity: round(sift / obscenity),
    rules_vs_obscenity_range: [round(Math.min(...ratios)), round(Math.max(...ratios))],
    flagged_share_sift: round(siftFlagged / n, 3),
    flagged_share_obscenity: round(obscenityFlagged / n, 3),
  };
}
