import { Worker } from "node:worker_threads";
import type { ThreadImport } from "@sift/shared";
import type { SiteRuleSet } from "@sift/shared/rules";
import { runRulesJob, type RulesJob, type RulesReply } from "./rules-worker";

const WORKER_ENTRY = new URL("./rules-worker-entry.mjs", import.meta.url);

/** Below this many comments the rules run on this thread alone even when more are asked for: a worker costs ~1.2 s of CPU just to start. */
export const PARALLEL_RULES_COMMENTS = 50_000;

type ThreadResult = RulesReply["results"][number];

/**
 * Threads the rules of a file read whole run on unless the caller asks for more: one. (A large
 * streamed import does better: its rules run on a worker *during* the store rather than split
 * across threads before it, and the store takes the worker's unclaimed threads when idle; see
 * spooled-rules.ts.) Measured on this project's 2-core
 * machine (shared with other processes), a worker never paid: 100,000 comments took 9.0-9.5 s of
 * CPU on two threads against 4.8 s on one (wall 6.1-7.0 s against 4.9-5.0 s at load 2.3-2.6), and
 * 250,000 took 17.2 s of CPU against 13.8 s (wall 16.6 s against 14.7 s). A worker's copy of the
 * engine starts cold (tsx, the language model, an unwarmed JIT), which costs more than it saves here.
 */
export const DEFAULT_RULES_THREADS = 1;

/**
 * Splits threads into `bins` groups of about equal comment counts (largest first into the
 * emptiest group), returning each group's thread indexes. A thread is never split: its rules
 * read the whole thread (parents, duplicates, names).
 */
export function balanceThreads(threads: readonly { comments: readonly unknown[] }[], bins: number): number[][] {
  const groups = Array.from({ length: bins }, () => ({ size: 0, indexes: [] as number[] }));
  const order = threads.map((t, i) => i).sort((a, b) => threads[b]!.comments.length - threads[a]!.comments.length);
  for (const i of order) {
    const emptiest = groups.reduce((min, g) => (g.size < min.size ? g : min));
    emptiest.indexes.push(i);
    emptiest.size += threads[i]!.comments.length;
  }
  return groups.map((g) => g.indexes).filter((g) => g.length > 0);
}

function runInWorker(job: RulesJob, siteRules: SiteRuleSet | undefined): Promise<RulesReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: { siteRules } });
    worker.once("message", (reply: RulesReply) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`a rules worker stopped (exit code ${code}) before answering`)));
    worker.postMessage(job);
  });
}

/**
 * Evaluates the rules (and import hashes) of every thread, on `cores` threads: the threads are
 * split into one group per core, every group but the first goes to a worker thread, and this
 * thread evaluates the first meanwhile (see DEFAULT_RULES_THREADS for why the default is one). Results come back in the order of `threads`. Small inputs and
 * single-thread files are evaluated here alone.
 */
export async function evaluateThreadsInParallel(
  threads: ThreadImport[],
  siteRules: SiteRuleSet | undefined,
  options: { cores?: number; minComments?: number; onThreadDone?: (comments: number) => void } = {},
): Promise<ThreadResult[]> {
  const { cores = DEFAULT_RULES_THREADS, minComments = PARALLEL_RULES_COMMENTS } = options;
  const total = threads.reduce((n, t) => n + t.comments.length, 0);
  const groups = total < minComments ? [threads.map((_, i) => i)] : balanceThreads(threads, Math.max(1, cores));
  const [mine = [], ...theirs] = groups;
  const pending = theirs.map((group) => runInWorker({ threads: group.map((i) => threads[i]!) }, siteRules));
  const results: ThreadResult[] = new Array(threads.length);
  const done = options.onThreadDone ?? (() => {});
  for (const i of mine) {
    // One thread at a time here, so the progress bar moves while the workers run.
    results[i] = runRulesJob({ threads: [threads[i]!] }, siteRules).results[0]!;
    done(threads[i]!.comments.length);
  }
  const replies = pending.map((reply, g) =>
    reply.then((r) => {
      theirs[g]!.forEach((threadIndex, k) => {
        results[threadIndex] = r.results[k]!;
        done(threads[threadIndex]!.comments.length);
      });
    }),
  );
  await Promise.all(replies);
  return results;
}
