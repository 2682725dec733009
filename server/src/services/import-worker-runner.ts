import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import type { ImportedThread } from "./import-service";
import type { ImportJob, ImportReply } from "./import-worker";

const WORKER_ENTRY = new URL("./import-worker-entry.mjs", import.meta.url);

/** Imports one uploaded file and resolves with its threads; rejects with an AppError for a bad file. */
export type ImportRunner = (job: ImportJob) => Promise<ImportedThread[]>;

/** Rebuilds the error the worker described: a known one keeps its code, message and status. */
function errorFromReply(reply: Extract<ImportReply, { ok: false }>): Error {
  if (reply.error) return new AppError(reply.error.code, reply.error.message, reply.error.status);
  return new Error(`the import worker failed: ${reply.detail}`);
}

/** Runs one job in a fresh worker thread; the thread exits when the job is done. */
export function runImportInWorker(job: ImportJob): Promise<ImportedThread[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: job });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    worker.once("message", (reply: ImportReply) => settle(() => (reply.ok ? resolve(reply.threads) : reject(errorFromReply(reply)))));
    worker.once("error", (err) => settle(() => reject(err)));
    worker.once("exit", (code) => settle(() => reject(new Error(`the import worker stopped (exit code ${code}) before answering`))));
  });
}

/**
 * One import at a time: each stores in one IMMEDIATE transaction, so two at once would only wait
 * on SQLite's write lock (and fail after busy_timeout); queued, each gets the lock in turn.
 */
export function createImportQueue(run: ImportRunner = runImportInWorker): ImportRunner {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const result = tail.then(() => run(job));
    tail = result.catch(() => undefined);
    return result;
  };
}
