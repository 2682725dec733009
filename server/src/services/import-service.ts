import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  ThreadImportSchema,
  type CommentImport,
  type Flag,
  type ThreadImport,
} from "@sift/shared";
import { evaluateThread, type SiteRuleSet } from "@sift/shared/rules";
import type { Db } from "../db/connection";
import { ImportError } from "../errors";
import { recordAudit } from "./audit-service";
import { parseFileBytes } from "../importers/registry";
import { importHashesOf } from "./import-rows";
import { storeThread, withBulkLoad, type CommentWithFlags, type ImportedThread } from "./import-store";
import { loadSiteRuleSet } from "./rule-service";
import { keepSource, storeSource, type KeptSource } from "./source-service";
import { evaluateThreadsInParallel } from "./rules-pool";
import { SILENT_PROGRESS, type ImportProgress } from "./import-progress";

export { storeThread, type CommentWithFlags, type ImportedThread } from "./import-store";

/** A parsed file, ready to store: every thread with the flags its comments earned. */
export interface PreparedFile {
  file: string;
  /** `hashes`: each comment's import hash when the rules workers computed them (else the store does). */
  threads: { thread: ThreadImport; flags: Flag[][]; hashes?: string[] }[];
  /** The file itself, when its format can be written back (WXR, Disqus XML). */
  source?: KeptSource;
}

export interface ImportOptions {
  /** Importer name, or "auto"/undefined to detect from content. */
  format?: string;
  /** Clock for imported_at/updated_at; tests pin it. */
  now?: () => Date;
  /** How errors and `source_file` name the file (e.g. the path as the user typed it); defaults to the path. */
  displayName?: string;
  /** Who imports, for the audit log: a username, `cli:<os user>` or `system` (the default). */
  actor?: string;
  /**
   * The site's own rules and exceptions (loadSiteRuleSet). importBytes and importFile load them
   * from the database; whoever calls prepareFile/prepareBytes directly must pass them, or the
   * site's rules are silently skipped for that import.
   */
  siteRules?: SiteRuleSet;
  /** Where to report how far the rules and the store got (the CLI's progress bar); silent by default. */
  progress?: ImportProgress;
  /**
   * Streamed imports: run the rules on a worker thread during the store (true), or on this thread
   * before it (false). By default, a worker for files of PARALLEL_RULES_COMMENTS comments or more.
   */
  rulesOnWorker?: boolean;
}

/** Reads and parses a file and runs the rules on it. Pure apart from reading the file; throws ImportError naming the file. */
export function prepareFile(path: string, options: ImportOptions = {}): PreparedFile {
  const name = options.displayName ?? path;
  return prepareBytes(name, readFileBytes(path, name), options);
}

/**
 * prepareFile for the CLI and the bench: the rules also compute each comment's import hash, so the
 * store's transaction only writes, and can be spread over worker threads (rules-pool.ts; one
 * thread by default, as workers did not pay on a 2-core machine).
 */
export async function prepareFileInParallel(path: string, options: ImportOptions = {}): Promise<PreparedFile> {
  const name = options.displayName ?? path;
  const { threads, source } = parseThreads(name, readFileBytes(path, name), options);
  const progress = options.progress ?? SILENT_PROGRESS;
  progress.phase("rules", threads.reduce((n, t) => n + t.comments.length, 0));
  const results = await evaluateThreadsInParallel(threads, options.siteRules, { onThreadDone: (comments) => progress.advance(comments) });
  return { file: name, threads: threads.map((thread, i) => ({ thread, ...results[i]! })), source };
}

function readFileBytes(path: string, name: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw unreadableFile(name, err);
  }
}

/** The ImportError for a file system error on reading the file named `name`. */
export function unreadableFile(name: string, err: unknown): ImportError {
  const code = (err as NodeJS.ErrnoException).code;
  return new ImportError(name, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : "cannot read the file");
}

/** A parser's thread checked against the schema every import obeys; throws ImportError naming the file. */
export function checkThread(file: string, raw: ThreadImport): ThreadImport {
  const checked = ThreadImportSchema.safeParse(raw);
  if (checked.success) return checked.data;
  const first = checked.error.issues[0];
  throw new ImportError(file, `the parser produced an invalid thread: ${first?.path.join(".")}: ${first?.message}`);
}

/** Parses bytes (named `file` in errors) and runs the rules; throws ImportError on the first problem. */
export function prepareBytes(file: string, bytes: Uint8Array, options: ImportOptions = {}): PreparedFile {
  const { threads, source } = parseThreads(file, bytes, options);
  return { file, threads: threads.map((thread) => ({ thread, flags: evaluateThread(thread, { siteRules: options.siteRules }) })), source };
}

/**
 * Parses bytes into checked threads, keeping the file itself when its format can be written back;
 * throws ImportError naming the file on the first problem.
 */
function parseThreads(file: string, bytes: Uint8Array, options: ImportOptions): { threads: ThreadImport[]; source: KeptSource | undefined } {
  const result = parseFileBytes(bytes, { format: options.format, fileName: basename(file) });
  if (!result.ok) {
    const issue = result.issues[0];
    throw new ImportError(file, issue?.message ?? "could not be parsed", issue?.line);
  }
  if (result.threads.length === 0) throw new ImportError(file, "no comment thread found");
  const threads = result.threads.map((raw) => checkThread(file, raw));
  return { threads, source: keepSource(file, bytes, result.format) };
}

/** Stores a prepared file in ONE transaction: any failure leaves the database exactly as it was. */
export function storePreparedFile(db: Db, prepared: PreparedFile, options: ImportOptions = {}): ImportedThread[] {
  // Hashed before the write lock is taken, so the transaction only writes.
  const threads = prepared.threads.map(({ thread, flags, hashes }) => {
    const { comments, ...meta } = thread;
    return { meta, comments: pairWithFlags(comments, flags, hashes ?? importHashesOf(thread, flags)) };
  });
  const total = prepared.threads.reduce((n, t) => n + t.thread.comments.length, 0);
  return storeThreads(db, { file: prepared.file, source: prepared.source, comments: total, threads }, options);
}

/** What the store writes: threads with their comments (flags and hashes computed), from memory or a spool. */
export interface StoreInput {
  file: string;
  source?: KeptSource;
  /** Comments across all threads: decides a bulk load and sizes the progress bar. */
  comments: number;
  /** Read once, in order; a spool yields one thread's comments at a time. */
  threads: Iterable<{ meta: Omit<ThreadImport, "comments">; comments: Iterable<CommentWithFlags> }>;
}

/** Stores threads in ONE transaction: any failure leaves the database exactly as it was. */
export function storeThreads(db: Db, input: StoreInput, options: ImportOptions = {}): ImportedThread[] {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const store = db.transaction(() => {
    options.progress?.phase("store", input.comments);
    const threads = withBulkLoad(db, input.comments, (noteInsert) => {
      const stored: ImportedThread[] = [];
      for (const { meta, comments } of input.threads) {
        stored.push(storeThread(db, meta, comments, { sourceFile: input.file, now, noteInsert, progress: options.progress }));
      }
      return stored;
    });
    storeSource(db, input.source, threads.map((t) => t.id), now);
    recordAudit(db, {
      actor: options.actor ?? "system",
      action: "import",
      target: input.file,
      detail: { threads: threads.map((t) => ({ id: t.id, title: t.title, format: t.format, comments: t.comments, flagged: t.flagged })) },
    }, new Date(now));
    return threads;
  });
  try {
    // IMMEDIATE takes the write lock up front, so a concurrent writer makes us wait (busy_timeout) instead of failing mid-way.
    return store.immediate();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new ImportError(input.file, `could not be stored: ${message}`);
  }
}

/** Parses, evaluates and stores uploaded bytes named `file` (one transaction); the browser's import. */
export function importBytes(db: Db, file: string, bytes: Uint8Array, options: ImportOptions = {}): ImportedThread[] {
  return storePreparedFile(db, prepareBytes(file, bytes, withSiteRules(db, options)), options);
}

/** Parses, evaluates and stores one file (one transaction). */
export function importFile(db: Db, path: string, options: ImportOptions = {}): ImportedThread[] {
  return storePreparedFile(db, prepareFile(path, withSiteRules(db, options)), options);
}

function withSiteRules(db: Db, options: ImportOptions): ImportOptions {
  return options.siteRules ? options : { ...options, siteRules: loadSiteRuleSet(db) };
}

function* pairWithFlags(comments: readonly CommentImport[], flags: readonly Flag[][], hashes: readonly string[]): Iterable<CommentWithFlags> {
  for (let i = 0; i < comments.length; i++) yield { comment: comments[i]!, flags: flags[i] ?? [], hash: hashes[i] };
}
