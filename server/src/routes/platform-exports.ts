import { Router } from "express";
import { z } from "zod";
import type { Db } from "../db/connection";
import { exportPlatformFormat, PLATFORM_EXPORT_FORMATS } from "../services/platform-export-service";

/** Query of GET /api/exports/platform. */
export const PlatformExportQuerySchema = z.object({
  format: z.enum(PLATFORM_EXPORT_FORMATS),
  thread: z.string().min(1).max(200).optional(),
});

const MEDIA = {
  actions: { type: "text/csv; charset=utf-8", name: "sift-actions", extension: "csv" },
  wxr: { type: "application/xml", name: "sift-wordpress", extension: "xml" },
  "disqus-xml": { type: "application/xml", name: "sift-disqus", extension: "xml" },
} as const;

/**
 * GET /api/exports/platform?format=actions|wxr|disqus-xml[&thread=ID]: Sift's decisions in a form
 * the platform takes back, as `sift export` writes them (viewers may download; nothing changes).
 */
export function platformExportsRouter(db: Db): Router {
  const router = Router();
  router.get("/exports/platform", (req, res) => {
    const { format, thread } = PlatformExportQuerySchema.parse(req.query);
    const parts = exportPlatformFormat(db, format, { thread })!;
    const media = MEDIA[format];
    res
      .type(media.type)
      .attachment(`${media.name}-${new Date().toISOString().slice(0, 10)}.${media.extension}`)
      .set("X-Content-Type-Options", "nosniff")
      .set("Content-Length", String(parts.reduce((n, part) => n + Buffer.byteLength(part), 0)));
    // Written part by part: a written-back file is slices of the kept original, never joined into a copy.
    for (const part of parts) res.write(part);
    res.end();
  });
  return router;
}
