/**
 * The body of an import worker thread: reads an uploaded file, parses it, runs the rules and
 * stores it on its own SQLite connection, so a large upload never blocks the server's event loop.
 * Started through import-worker-entry.mjs (which registers tsx); the main-thread side is
 * import-worker-runner.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../db/connection";
import { AppError } from "../errors";
import type { ImportedThread } from "./import-service";
import { discardPrepared, prepareFileStreamed, storeStreamedFile } from "./import-stream";
import { loadSiteRuleSet } from "./rule-service";

/** One upload to import: everything a worker needs, as plain data (it crosses a thread boundary). */
export interface ImportJob {
  /** The SQLite file the server uses; the worker opens its own connection to it. */
  dbPath: string;
  /** The uploaded bytes on disk (a temp file the caller deletes). */
  path: string;
  /** The name the user gave the file: for messages, detection hints and the audit log, never a path. */
  name: string;
  /** Importer name, or undefined to detect from content. */
  format?: string;
  /** Who uploaded, for the audit log. */
  actor: string;
}

/** What a worker posts back: the imported threads, or the error an AppError carries (safe to show). */
export type ImportReply =
  | { ok: true; threads: ImportedThread[] }
  | { ok: false; error: { code: string; message: string; status: number } | null; detail: string };

/**
 * Runs one import job on a connection of its own: read (streamed through a spool, so an upload's
 * size costs disk, not memory), parse, rules, then store in one transaction.
 */
export async function runImportJob(job: ImportJob): Promise<ImportedThread[]> {
  const db = openDatabase(job.dbPath);
  try {
    const prepared = await prepareFileStreamed(job.path, { format: job.format, displayName: job.name, siteRules: loadSiteRuleSet(db) });
    try {
      // The store fills the search index itself (in bulk for a large file), inside its transaction.
      return storeStreamedFile(db, prepared, { actor: job.actor });
    } finally {
      discardPrepared(prepared);
    }
  } finally {
    db.close();
  }
}

/** Turns a job's outcome into a message that survives structured cloning (class instances do not). */
export async function replyFor(run: () => Promise<ImportedThread[]>): Promise<ImportReply> {
  try {
    return { ok: true, threads: await run() };
  } catch (err) {
    const known = err instanceof AppError ? { code: err.code, message: err.message, status: err.status } : null;
    return { ok: false, error: known, detail: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/** Entry point inside the worker: run the job in workerData and post one reply. */
export function serveImportJob(): void {
  if (!parentPort) throw new Error("serveImportJob must run in a worker thread");
  const port = parentPort;
  void replyFor(() => runImportJob(workerData as ImportJob)).then((reply) => port.postMessage(reply));
}
