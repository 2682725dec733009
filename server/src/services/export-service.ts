import type { ReportDocument } from "@sift/shared";
import { csvChunks, renderRulesCsv } from "../exporters/csv";
import { htmlChunks } from "../exporters/html";
import { jsonChunks } from "../exporters/json";
import { documentSource, joinChunks, type ReportSource } from "../exporters/report-source";

export type ExportFormat = "json" | "csv" | "html";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "csv", "html"];

/** Which table a CSV export holds: one row per comment, or one per rule. */
export type ExportTable = "comments" | "rules";
export const EXPORT_TABLES: readonly ExportTable[] = ["comments", "rules"];

/** The file type and extension of each format, for downloads. */
export const EXPORT_MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  json: { type: "application/json; charset=utf-8", extension: "json" },
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
  html: { type: "text/html; charset=utf-8", extension: "html" },
};

/** Refuses the one combination that has no file: the rules table exists only as CSV (JSON and HTML carry it in their summary). */
export function checkExportTable(format: ExportFormat, table: ExportTable): void {
  if (table === "rules" && format !== "csv") throw new RangeError("the rules table is a CSV export: use --format csv with --table rules");
}

/** A report source in one of the formats, as chunks of text in order. */
export function renderChunks(source: ReportSource, format: ExportFormat, table: ExportTable = "comments"): Iterable<string> {
  checkExportTable(format, table);
  if (table === "rules") return [renderRulesCsv(source.summary())];
  switch (format) {
    case "json":
      return jsonChunks(source);
    case "csv":
      return csvChunks(source);
    case "html":
      return htmlChunks(source);
  }
}

/** Renders a report document already in memory (see report-service's buildReportDocument) as one string. */
export function renderExport(doc: ReportDocument, format: ExportFormat, table: ExportTable = "comments"): string {
  return joinChunks(renderChunks(documentSource(doc), format, table));
}
