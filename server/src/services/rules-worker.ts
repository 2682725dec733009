/**
 * The body of a rules worker thread: evaluates whole threads (the rules need a thread's context:
 * parents, duplicates, names) and computes each comment's import hash, so the main thread only
 * parses and stores. Started through rules-worker-entry.mjs; the main-thread side is rules-pool.ts.
 */
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { Flag, ThreadImport } from "@sift/shared";
import { evaluateThread, type SiteRuleSet } from "@sift/shared/rules";
import { openSpoolReader } from "../db/import-spool";
import { importHashesOf } from "./import-rows";

/** Threads to evaluate; `siteRules` crosses the thread boundary by structured clone (Maps, Sets and RegExps survive it). */
export interface RulesJob {
  threads: ThreadImport[];
}

/** Per thread of the job, in order: each comment's flags and import hash. */
export interface RulesReply {
  results: { flags: Flag[][]; hashes: string[] }[];
}

/** One thread's flags and each comment's import hash: what an import needs of the rules. */
export function threadRules(thread: ThreadImport, siteRules: SiteRuleSet | undefined): { flags: Flag[][]; hashes: string[] } {
  const flags = evaluateThread(thread, { siteRules });
  return { flags, hashes: importHashesOf(thread, flags) };
}

/** Evaluates one job; pure apart from the clock-free rules engine. */
export function runRulesJob(job: RulesJob, siteRules: SiteRuleSet | undefined): RulesReply {
  return { results: job.threads.map((thread) => threadRules(thread, siteRules)) };
}

/** Entry point inside the worker: answers each posted job with one reply, until the pool closes it. */
export function serveRulesJobs(): void {
  const port = parentPort;
  if (!port) throw new Error("serveRulesJobs must run in a worker thread");
  const siteRules = (workerData as { siteRules?: SiteRuleSet }).siteRules;
  port.on("message", (job: RulesJob) => port.postMessage(runRulesJob(job, siteRules)));
}

/**
 * What a spooled-rules worker is started with (spooled-rules.ts is the other side): the finished
 * spool to read, and a shared signal board, because the store waits for results
 * synchronously, inside its transaction, where no event loop turns.
 */
export interface SpooledRulesData {
  spool: string;
  threads: number;
  siteRules?: SiteRuleSet;
  port: MessagePort;
  /** Int32 slots, see SIGNAL. */
  signal: SharedArrayBuffer;
}

/** The slots of SpooledRulesData.signal. */
export const SIGNAL = {
  /** 1 while the store runs, 2 once it stops (the worker then stops too). */
  state: 0,
  /** Messages posted by the worker (a batch of results, or an error). */
  posted: 1,
  /** Comments whose results the store has taken. */
  consumed: 2,
  /** The next thread nobody has claimed: the worker and the store both take threads from here. */
  claim: 3,
} as const;
export const SIGNAL_SLOTS = 4;

/** One thread's rules as they cross threads: each comment's import hash, and the flags of those that have any. */
export interface SpooledThreadRules {
  thread: number;
  flagged: [number, Flag[]][];
  hashes: string[];
}

/** A batch of results, or the error that stopped the worker. */
export type SpooledRulesMessage = { results: SpooledThreadRules[] } | { error: string };

/** Comments a batch holds before it is posted: few messages, and the store never waits long for the first. */
const BATCH_COMMENTS = 2_000;
/** How far (in comments) the worker may run ahead of the store: bounds the results held in memory. */
const AHEAD_COMMENTS = 50_000;

/** The rules and import hashes of one thread, in the form that crosses threads. */
export function spooledThreadRules(index: number, thread: ThreadImport, siteRules: SiteRuleSet | undefined): SpooledThreadRules {
  const { flags, hashes } = threadRules(thread, siteRules);
  const flagged: [number, Flag[]][] = [];
  flags.forEach((list, i) => {
    if (list.length > 0) flagged.push([i, list]);
  });
  return { thread: index, flagged, hashes };
}

/**
 * Entry point of a spooled-rules worker, started by the store: claims the spool's threads one at
 * a time and evaluates them, posting results in batches and never running more than
 * AHEAD_COMMENTS ahead of what the store has taken.
 */
export function serveSpooledRules(data: SpooledRulesData): void {
  const signal = new Int32Array(data.signal);
  const post = (message: SpooledRulesMessage) => {
    data.port.postMessage(message);
    Atomics.add(signal, SIGNAL.posted, 1);
    Atomics.notify(signal, SIGNAL.posted);
  };
  const running = () => Atomics.load(signal, SIGNAL.state) === 1;
  if (!running()) return;
  let reader: ReturnType<typeof openSpoolReader> | undefined;
  try {
    reader = openSpoolReader(data.spool);
    let batch: SpooledThreadRules[] = [];
    let batchComments = 0;
    let produced = 0;
    for (;;) {
      const index = Atomics.add(signal, SIGNAL.claim, 1);
      if (index >= data.threads) break;
      const thread = reader.thread(index);
      batch.push(spooledThreadRules(index, thread, data.siteRules));
      batchComments += thread.comments.length;
      if (batchComments < BATCH_COMMENTS) continue;
      post({ results: batch });
      produced += batchComments;
      batch = [];
      batchComments = 0;
      for (;;) {
        const consumed = Atomics.load(signal, SIGNAL.consumed);
        if (produced - consumed <= AHEAD_COMMENTS || !running()) break;
        Atomics.wait(signal, SIGNAL.consumed, consumed, 1_000);
      }
      if (!running()) return;
    }
    if (batch.length > 0) post({ results: batch });
  } catch (err) {
    post({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    reader?.close();
  }
}
