import type { ReportDocument } from "@sift/shared";
import { renderCsv, renderRulesCsv } from "../exporters/csv";
import { renderHtml } from "../exporters/html";
import { renderJson } from "../exporters/json";

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

/**
 * Renders a report (see report-service's buildReportDocument) in one of the formats. The rules
 * table exists only as CSV: JSON and HTML already carry it in their summary.
 */
export function renderExport(doc: ReportDocument, format: ExportFormat, table: ExportTable = "comments"): string {
  if (table === "rules" && format !== "csv") throw new RangeError("the rules table is a CSV export: use --format csv with --table rules");
  switch (format) {
    case "json":
      return renderJson(doc);
    case "csv":
      return table === "rules" ? renderRulesCsv(doc.summary) : renderCsv(doc);
    case "html":
      return renderHtml(doc);
  }
}
