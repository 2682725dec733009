import { Router } from "express";
import { z } from "zod";
import type { Db } from "../db/connection";
import { listAudit } from "../services/audit-service";
import { requireRole } from "./auth-middleware";

/** Query of GET /api/audit. */
export const AuditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  action: z.string().regex(/^[a-z_.]{1,40}$/).optional(),
});

/** GET /api/audit: imports, account changes and sign-ins, newest first. Admins only. */
export function auditRouter(db: Db): Router {
  const router = Router();
  router.get("/audit", requireRole("admin"), (req, res) => {
    res.json(listAudit(db, AuditQuerySchema.parse(req.query)));
  });
  return router;
}
