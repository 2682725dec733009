import type { Db } from "../db/connection";
import type { ExportFormat } from "../services/export-service";
import { openReportStream } from "../services/report-service";
import { median, perSecond, round, timeReps } from "./measure";

/** Export runs are repeated only while they stay this short in total. */
const EXPORT_BUDGET_MS = 15_000;

export interface ExportResult {
  /** JSON export of every thread, streamed from a snapshot as `sift export` writes it (bytes counted, not kept), comments/s. */
  json_comments_per_s: number;
  csv_comments_per_s: number;
  json_mb: number;
  csv_mb: number;
  /** RSS after the exports (streamed: a batch of rows at a time, so this stays near the process's baseline). */
  rss_after_mb: number;
  /** Runs per format (fewer than asked when a run is long). */
  repetitions: number;
}

/** The export service on the whole database, as `sift export --format json|csv` runs it; medians of up to `reps` runs. */
export function benchExport(db: Db, comments: number, reps: number): ExportResult {
  const measure = (format: ExportFormat) => {
    let bytes = 0;
    const times = timeReps(reps, () => {
      bytes = 0;
      for (const chunk of openReportStream(db, {}, format)) bytes += Buffer.byteLength(chunk);
    }, EXPORT_BUDGET_MS);
    return { rate: perSecond(comments, median(times)), mb: round(bytes / 2 ** 20, 1), runs: times.length };
  };
  const json = measure("json");
  const csv = measure("csv");
  return {
    json_comments_per_s: json.rate,
    csv_comments_per_s: csv.rate,
    json_mb: json.mb,
    csv_mb: csv.mb,
    rss_after_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
    repetitions: Math.min(json.runs, csv.runs),
  };
}
