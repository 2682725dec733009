import type { ExportDocument, ExportThread } from "@sift/shared";
import type { Db } from "../db/connection";
import { renderCsv } from "../exporters/csv";
import { renderHtml } from "../exporters/html";
import { renderJson } from "../exporters/json";
import { presentThread, selectThreads, type ThreadDetail } from "./thread-service";

export type ExportFormat = "json" | "csv" | "html";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "csv", "html"];

/**
 * The CONTRACT's export document: every thread (or one) with its comments in page order.
 * Read in one transaction so a concurrent import cannot give a half-old, half-new report.
 */
export function buildExportDocument(db: Db, options: { threadId?: string; now?: Date } = {}): ExportDocument {
  return db.transaction(() => ({
    generated_at: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    threads: selectThreads(db, options.threadId).map((t) => toExportThread(presentThread(db, t))),
  }))();
}

/** Drops the dashboard-only fields, keeping exactly the CONTRACT's shape. */
function toExportThread(detail: ThreadDetail): ExportThread {
  const { imported_at: _i, updated_at: _u, comments, ...thread } = detail;
  return { ...thread, comments: comments.map(({ version: _v, decided_at: _d, ...c }) => c) };
}

/** Renders the export document in one of the formats. */
export function renderExport(doc: ExportDocument, format: ExportFormat): string {
  switch (format) {
    case "json":
      return renderJson(doc);
    case "csv":
      return renderCsv(doc);
    case "html":
      return renderHtml(doc);
  }
}
