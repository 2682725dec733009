import type { ExportComment, ExportThread, ReportDocument, ReportSummary } from "@sift/shared";

/** Per-thread figures a report shows before the thread's comments, so it can write them while streaming. */
export interface ThreadCounts {
  comments: number;
  flagged: number;
  pending: number;
  approved: number;
  removed: number;
  /** Flagged or removed: the comments a report lists when there are too many to list all. */
  notable: number;
}

/** One thread of a report: its fields, its figures (read only by renderers that show them), and its comments in page order (iterated once). */
export interface SourceThread {
  thread: Omit<ExportThread, "comments">;
  counts: () => ThreadCounts;
  comments: Iterable<ExportComment>;
}

/**
 * What the renderers read: the summary, then threads and comments one at a time, so a report of a
 * million comments is written without holding them. A document in memory is one too. The summary
 * is computed on first call, so a comments CSV (which shows none) never pays for it.
 */
export interface ReportSource {
  generated_at: string;
  summary: () => ReportSummary;
  threads: Iterable<SourceThread>;
}

/** Counts a thread's comments the way the streamed source's SQL does. */
export function countComments(comments: readonly ExportComment[]): ThreadCounts {
  const counts: ThreadCounts = { comments: 0, flagged: 0, pending: 0, approved: 0, removed: 0, notable: 0 };
  for (const c of comments) {
    counts.comments++;
    counts[c.status]++;
    if (c.flags.length > 0) counts.flagged++;
    if (c.flags.length > 0 || c.status === "removed") counts.notable++;
  }
  return counts;
}

/** A report document already in memory, as a source. */
export function documentSource(doc: ReportDocument): ReportSource {
  return {
    generated_at: doc.generated_at,
    summary: () => doc.summary,
    threads: doc.threads.map(({ comments, ...thread }) => ({ thread, counts: () => countComments(comments), comments })),
  };
}

/** Joins a renderer's chunks, for callers that want one string. */
export function joinChunks(chunks: Iterable<string>): string {
  let out = "";
  for (const chunk of chunks) out += chunk;
  return out;
}
