import express, { Router } from "express";
import { z } from "zod";
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { importBytes } from "../services/import-service";
import { sessionUser } from "./auth-middleware";

/** Largest file the browser may upload; bigger archives go through the CLI. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Query of POST /api/imports: the file's name (for messages and detection hints) and the format. */
export const ImportQuerySchema = z.object({
  name: z.string().trim().min(1).max(255).default("upload"),
  format: z.string().max(40).optional().transform((v) => v || undefined),
});

/** POST /api/imports: the file's raw bytes as the body (application/octet-stream). */
export function importsRouter(db: Db): Router {
  const router = Router();
  router.post("/imports", express.raw({ type: "application/octet-stream", limit: MAX_UPLOAD_BYTES }), (req, res) => {
    const { name, format } = ImportQuerySchema.parse(req.query);
    if (!Buffer.isBuffer(req.body)) {
      throw new AppError("unsupported_media_type", "send the file's bytes with Content-Type: application/octet-stream", 415);
    }
    res.status(201).json({ threads: importBytes(db, name, req.body, { format, actor: sessionUser(res).username }) });
  });
  return router;
}
