import type { Db } from "../db/connection";
import { listThreadDecisions, type ThreadDecisionRow } from "../db/decision-repo";
import { findSourceOfThread, listSourcesByFormat, listThreadIdsOfSource } from "../db/source-repo";
import { findThreadById, type ThreadRow } from "../db/thread-repo";
import { renderActionsCsv, type ActionRow } from "../exporters/actions-csv";
import { writeBackParts, type DecisionsByThread, type PlatformAction, type WriteBackFormat } from "../exporters/xml-write-back";
import { ConflictError, NotFoundError } from "../errors";
import { loadSourceBytes } from "./source-service";
import { selectThreads } from "./thread-service";

/** Exports that carry decisions back to the platform a thread came from. */
export const PLATFORM_EXPORT_FORMATS = ["actions", "wxr", "disqus-xml"] as const;
export type PlatformExportFormat = (typeof PLATFORM_EXPORT_FORMATS)[number];

/** Whether a `--format` value is one of the platform exports. */
export function isPlatformExportFormat(format: string): format is PlatformExportFormat {
  return (PLATFORM_EXPORT_FORMATS as readonly string[]).includes(format);
}

/** What platform a thread's format came from, as the actions CSV names it. */
const PLATFORM: Record<string, string> = { wxr: "wordpress", "disqus-xml": "disqus", "reddit-json": "reddit" };

/**
 * The decision that stands for each comment of a thread: the log replayed as a stack (undo pops),
 * keyed by the comment's external id. Comments with no standing decision are absent.
 */
export function standingDecisions(rows: readonly ThreadDecisionRow[]): Map<string, ThreadDecisionRow> {
  const stacks = new Map<string, ThreadDecisionRow[]>();
  for (const row of rows) {
    const stack = stacks.get(row.comment_external_id) ?? [];
    if (row.action === "undo") stack.pop();
    else stack.push(row);
    stacks.set(row.comment_external_id, stack);
  }
  const standing = new Map<string, ThreadDecisionRow>();
  for (const [id, stack] of stacks) {
    const top = stack.at(-1);
    if (top) standing.set(id, top);
  }
  return standing;
}

/** approve, or remove/spam: a removal whose reason was spam is reported as spam, which platforms treat apart. */
export function platformAction(row: Pick<ThreadDecisionRow, "to_status" | "reason">): PlatformAction {
  if (row.to_status === "approved") return "approve";
  return /spam/i.test(row.reason ?? "") ? "spam" : "remove";
}

/**
 * The CLI's and routes' one entry: a platform export as the parts to write in order, or undefined
 * when `format` is one of the report formats (json, csv, html), which the report exporter renders.
 */
export function exportPlatformFormat(db: Db, format: string, options: { thread?: string; all?: boolean }): (string | Buffer)[] | undefined {
  if (!isPlatformExportFormat(format)) return undefined;
  if (format === "actions") return [exportActions(db, { threadId: options.thread })];
  if (options.thread && options.all) throw new ConflictError("give --thread ID or --all, not both");
  return exportWriteBackParts(db, format, { threadId: options.thread });
}

/** The actions CSV: one row per decided comment of every thread (or one), in thread then page order. */
export function exportActions(db: Db, options: { threadId?: string }): string {
  return db.transaction(() => {
    const rows: ActionRow[] = [];
    for (const thread of selectThreads(db, options.threadId)) {
      for (const [commentId, d] of standingDecisions(listThreadDecisions(db, thread.id))) {
        rows.push({
          platform: PLATFORM[thread.format] ?? thread.format,
          thread_external_id: thread.external_id ?? "",
          comment_external_id: commentId,
          action: platformAction(d),
          reason: d.reason ?? "",
          moderator: d.moderator ?? "",
          decided_at: d.decided_at,
          rule_pack_version: d.rule_pack_version ?? "",
        });
      }
    }
    return renderActionsCsv(rows);
  })();
}

/**
 * The original WXR or Disqus file a thread (or, with `all`, every thread of that format) was
 * imported from, with Sift's standing decisions written into its status elements.
 */
export function exportWriteBack(db: Db, format: WriteBackFormat, options: { threadId?: string }): Buffer {
  return Buffer.concat(exportWriteBackParts(db, format, options));
}

/** exportWriteBack as parts to write in order (slices of the kept file and the edits between them), so the file is held once. */
export function exportWriteBackParts(db: Db, format: WriteBackFormat, options: { threadId?: string }): Buffer[] {
  return db.transaction(() => {
    const { sourceId, threads } = options.threadId ? oneThread(db, format, options.threadId) : allThreads(db, format);
    const bytes = loadSourceBytes(db, sourceId);
    if (!bytes) throw new NotFoundError("the imported file is no longer kept");
    const decisions = new Map<string, Map<string, PlatformAction>>();
    for (const thread of threads) {
      const actions = new Map<string, PlatformAction>();
      for (const [commentId, d] of standingDecisions(listThreadDecisions(db, thread.id))) actions.set(commentId, platformAction(d));
      decisions.set(thread.external_id ?? "", actions);
    }
    const result = writeBackParts(bytes, format, decisions satisfies DecisionsByThread);
    if (!result.ok) throw new ConflictError(result.message);
    return result.parts;
  })();
}

function oneThread(db: Db, format: WriteBackFormat, threadId: string): { sourceId: number; threads: ThreadRow[] } {
  const thread = findThreadById(db, threadId);
  if (!thread) throw new NotFoundError(`no thread with id ${threadId}`);
  const source = findSourceOfThread(db, threadId);
  if (thread.format !== format || !source) {
    throw new ConflictError(`thread ${threadId} was imported as ${thread.format}${source ? "" : " from a file Sift did not keep"}, so it cannot be written back as ${format}`);
  }
  return { sourceId: source.id, threads: [thread] };
}

function allThreads(db: Db, format: WriteBackFormat): { sourceId: number; threads: ThreadRow[] } {
  const sources = listSourcesByFormat(db, format);
  const [source] = sources;
  if (!source) throw new NotFoundError(`no ${format} file has been imported`);
  if (sources.length > 1) {
    const names = sources.map((s) => s.file_name).join(", ");
    throw new ConflictError(`threads of format ${format} come from ${sources.length} imported files (${names}): export one at a time with --thread ID`);
  }
  return { sourceId: source.id, threads: listThreadIdsOfSource(db, source.id).map((id) => findThreadById(db, id)!) };
}
