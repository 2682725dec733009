import { Router } from "express";
import type { Db } from "../db/connection";
import { countThreads } from "../db/thread-repo";

/** GET /api/health: the process is up and the database answers. */
export function healthRouter(db: Db): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.json({ status: "ok", threads: countThreads(db) });
  });
  return router;
}
