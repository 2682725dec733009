import { readFileSync } from "node:fs";
import { basename } from "node:path";
import {
  ThreadImportSchema,
  type CommentImport,
  type Flag,
  type ThreadImport,
} from "@sift/shared";
import { evaluateThread, RULE_PACK_VERSION, type SiteRuleSet } from "@sift/shared/rules";
import type { Db } from "../db/connection";
import {
  deleteComment,
  listCommentKeys,
  setCommentPosition,
  upsertComment,
} from "../db/comment-repo";
import { replaceFlags } from "../db/flag-repo";
import { upsertThread } from "../db/thread-repo";
import { ImportError } from "../errors";
import { recordAudit } from "./audit-service";
import { parseFileBytes } from "../importers/registry";
import { commentIdFor, threadIdFromKey, threadKey } from "./ids";
import { severityOf } from "./present";
import { loadSiteRuleSet } from "./rule-service";
import { keepSource, storeSource, type KeptSource } from "./source-service";
import { removeByRule, statusUnderRules } from "./rule-service-actions";

/** What `import` reports per thread (the CONTRACT's `--json` shape). */
export interface ImportedThread {
  id: string;
  title: string;
  format: string;
  comments: number;
  flagged: number;
}

/** A parsed file, ready to store: every thread with the flags its comments earned. */
export interface PreparedFile {
  file: string;
  threads: { thread: ThreadImport; flags: Flag[][] }[];
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
  return { file, threads, source: keepSource(file, bytes, result.format) };
}

/** Stores a prepared file in ONE transaction: any failure leaves the database exactly as it was. */
export function storePreparedFile(db: Db, prepared: PreparedFile, options: ImportOptions = {}): ImportedThread[] {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const store = db.transaction(() => {
    const threads = prepared.threads.map(({ thread, flags }) => {
      const { comments, ...meta } = thread;
      return storeThread(db, meta, pairWithFlags(comments, flags), { sourceFile: prepared.file, now });
    });
    storeSource(db, prepared.source, threads.map((t) => t.id), now);
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

export interface CommentWithFlags {
  comment: CommentImport;
  flags: readonly Flag[];
}

/**
 * Writes one thread and its comments; must run inside a transaction. Comments arrive as an
 * iterable in page order so a streaming parser can feed it without holding the thread in memory
 * (only the set of seen external ids is kept, to resolve parents and catch duplicates).
 */
export function storeThread(
  db: Db,
  meta: Omit<ThreadImport, "comments">,
  comments: Iterable<CommentWithFlags>,
  ctx: { sourceFile: string | null; now: string },
): ImportedThread {
  const key = threadKey(meta);
  const threadId = threadIdFromKey(key);
  upsertThread(db, {
    id: threadId,
    key,
    external_id: meta.external_id,
    format: meta.format,
    title: meta.title,
    url: meta.url,
    source_note: meta.source_note,
    article_title: meta.article.title,
    article_body: meta.article.body,
    declared_comment_count: meta.declared_comment_count,
    source_file: ctx.sourceFile,
    imported_at: ctx.now,
    updated_at: ctx.now,
  });
  const seen = new Set<string>();
  const presentIds = new Set<string>();
  let flagged = 0;
  for (const { comment, flags } of comments) {
    if (seen.has(comment.external_id)) {
      throw new ImportError(ctx.sourceFile ?? meta.title, `comment id "${comment.external_id}" appears twice in thread "${meta.title}"`);
    }
    seen.add(comment.external_id);
    const id = commentIdFor(threadId, comment.external_id);
    presentIds.add(id);
    // A reply whose parent is not on the page (deleted upstream) is shown as top-level rather than dangling.
    const parentKnown = comment.parent_external_id !== null && seen.has(comment.parent_external_id);
    upsertComment(db, {
      id,
      thread_id: threadId,
      external_id: comment.external_id,
      position: seen.size,
      parent_id: parentKnown ? commentIdFor(threadId, comment.parent_external_id!) : null,
      author: comment.author,
      posted_at: comment.posted_at,
      body: comment.body,
      status: statusUnderRules(comment.initial_status, flags),
      severity: severityOf(flags),
    });
    replaceFlags(db, id, flags, RULE_PACK_VERSION);
    removeByRule(db, id, flags, ctx.now);
    if (flags.length > 0) flagged++;
  }
  retireVanishedComments(db, threadId, presentIds);
  return { id: threadId, title: meta.title, format: meta.format, comments: seen.size, flagged };
}

/**
 * Comments stored before but absent from this import: drop them unless a moderator decided on
 * them (the decision log must survive), in which case they move after the page's comments.
 */
function retireVanishedComments(db: Db, threadId: string, presentIds: ReadonlySet<string>): void {
  let next = presentIds.size;
  for (const row of listCommentKeys(db, threadId)) {
    if (presentIds.has(row.id)) continue;
    if (row.decided) setCommentPosition(db, row.id, ++next);
    else deleteComment(db, row.id);
  }
}
