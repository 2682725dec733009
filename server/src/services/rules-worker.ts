/**
 * The body of a rules worker thread: evaluates whole threads (the rules need a thread's context:
 * parents, duplicates, names) and computes each comment's import hash, so the main thread only
 * parses and stores. Started through rules-worker-entry.mjs; the main-thread side is rules-pool.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Flag, ThreadImport } from "@sift/shared";
import { evaluateThread, type SiteRuleSet } from "@sift/shared/rules";
import { importHashesOf } from "./import-rows";

/** Threads to evaluate; `siteRules` crosses the thread boundary by structured clone (Maps, Sets and RegExps survive it). */
export interface RulesJob {
  threads: ThreadImport[];
}

/** Per thread of the job, in order: each comment's flags and import hash. */
export interface RulesReply {
  results: { flags: Flag[][]; hashes: string[] }[];
}

/** Evaluates one job; pure apart from the clock-free rules engine. */
export function runRulesJob(job: RulesJob, siteRules: SiteRuleSet | undefined): RulesReply {
  return {
    results: job.threads.map((thread) => {
      const flags = evaluateThread(thread, { siteRules });
      return { flags, hashes: importHashesOf(thread, flags) };
    }),
  };
}

/** Entry point inside the worker: answers each posted job with one reply, until the pool closes it. */
export function serveRulesJobs(): void {
  const port = parentPort;
  if (!port) throw new Error("serveRulesJobs must run in a worker thread");
  const siteRules = (workerData as { siteRules?: SiteRuleSet }).siteRules;
  port.on("message", (job: RulesJob) => port.postMessage(runRulesJob(job, siteRules)));
}
