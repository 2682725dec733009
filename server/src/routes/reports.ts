import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router } from "express";
import type { Db } from "../db/connection";
import { EXPORT_MEDIA } from "../services/export-service";
import { buildReportSummary, openReportStream } from "../services/report-service";
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
  router.get("/reports/export", async (req, res) => {
    const scope = parseReportScopeQuery(req.query);
    const { format, table } = ReportExportQuerySchema.parse(req.query);
    const now = new Date();
    // Scope errors throw here, before any header is sent; the rows then stream from a snapshot.
    const chunks = openReportStream(db, scope, format, table, now);
    const media = EXPORT_MEDIA[format];
    res
      .type(media.type)
      .attachment(downloadName(table, media.extension, now))
      // The HTML report is the user's text: never let a browser run or sniff it as our origin's page.
      .set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
      .set("X-Content-Type-Options", "nosniff");
    await pipeline(Readable.from(chunks), res);
  });
  return router;
}
