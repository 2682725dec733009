import { Router } from "express";
import type { Db } from "../db/connection";
import { EXPORT_MEDIA, renderExport } from "../services/export-service";
import { buildReportDocument, buildReportSummary } from "../services/report-service";
import { parseReportScopeQuery, ReportExportQuerySchema } from "./reports-schema";

/** `sift-report-2026-11-25.csv`, `sift-rules-2026-11-25.csv`: names that sort by date in a downloads folder. */
function downloadName(table: string, extension: string, now: Date): string {
  return `sift-${table === "rules" ? "rules" : "report"}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** GET /api/reports/summary (the figures) and GET /api/reports/export (a report file to download). Viewers may read both. */
export function reportsRouter(db: Db): Router {
  const router = Router();
  router.get("/reports/summary", (req, res) => {
    res.json({ summary: buildReportSummary(db, parseReportScopeQuery(req.query)) });
  });
  router.get("/reports/export", (req, res) => {
    const scope = parseReportScopeQuery(req.query);
    const { format, table } = ReportExportQuerySchema.parse(req.query);
    const now = new Date();
    const body = renderExport(buildReportDocument(db, scope, now), format, table);
    const media = EXPORT_MEDIA[format];
    res
      .type(media.type)
      .attachment(downloadName(table, media.extension, now))
      // The HTML report is the user's text: never let a browser run or sniff it as our origin's page.
      .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
      .set("X-Content-Type-Options", "nosniff")
      .send(body);
  });
  return router;
}
