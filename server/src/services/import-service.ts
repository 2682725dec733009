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
import { storeThread, withBulkSearchIndex, type CommentWithFlags, type ImportedThread } from "./import-store";
import { loadSiteRuleSet } from "./rule-service";

export { storeThread, type CommentWithFlags, type ImportedThread } from "./import-store";

/** A parsed file, ready to store: every thread with the flags its comments earned. */
export interface PreparedFile {
  file: string;
  threads: { thread: ThreadImport; flags: Flag[][] }[];
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
}

/** Reads and parses a file and runs the rules on it. Pure apart from reading the file; throws ImportError naming the file. */
export function prepareFile(path: string, options: ImportOptions = {}): PreparedFile {
  const name = options.displayName ?? path;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportError(name, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : "cannot read the file");
  }
  return prepareBytes(name, bytes, options);
}

/** Parses bytes (named `file` in errors) and runs the rules; throws ImportError on the first problem. */
export function prepareBytes(file: string, bytes: Uint8Array, options: ImportOptions = {}): PreparedFile {
  const result = parseFileBytes(bytes, { format: options.format, fileName: basename(file) });
  if (!result.ok) {
    const issue = result.issues[0];
    throw new ImportError(file, issue?.message ?? "could not be parsed", issue?.line);
  }
  if (result.threads.length === 0) throw new ImportError(file, "no comment thread found");
  const threads = result.threads.map((raw) => {
    const checked = ThreadImportSchema.safeParse(raw);
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw new ImportError(file, `the parser produced an invalid thread: ${first?.path.join(".")}: ${first?.message}`);
    }
    return { thread: checked.data, flags: evaluateThread(checked.data, { siteRules: options.siteRules }) };
  });
  return { file, threads };
}

/** Stores a prepared file in ONE transaction: any failure leaves the database exactly as it was. */
export function storePreparedFile(db: Db, prepared: PreparedFile, options: ImportOptions = {}): ImportedThread[] {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const total = prepared.threads.reduce((n, t) => n + t.thread.comments.length, 0);
  const store = db.transaction(() => {
    const threads = withBulkSearchIndex(db, total, (noteInsert) =>
      prepared.threads.map(({ thread, flags }) => {
        const { comments, ...meta } = thread;
        return storeThread(db, meta, pairWithFlags(comments, flags), { sourceFile: prepared.file, now, noteInsert });
      }),
    );
    recordAudit(db, {
      actor: options.actor ?? "system",
      action: "import",
      target: prepared.file,
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
    throw new ImportError(prepared.file, `could not be stored: ${message}`);
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

function* pairWithFlags(comments: readonly CommentImport[], flags: readonly Flag[][]): Iterable<CommentWithFlags> {
  for (let i = 0; i < comments.length; i++) yield { comment: comments[i]!, flags: flags[i] ?? [] };
}
