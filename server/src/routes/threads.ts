import { Router } from "express";
import type { Db } from "../db/connection";
import { getThreadDetail, listThreadOverview } from "../services/thread-service";

/** GET /api/threads and GET /api/threads/:id. */
export function threadsRouter(db: Db): Router {
  const router = Router();
  router.get("/threads", (_req, res) => {
    res.json({ threads: listThreadOverview(db) });
  });
  router.get("/threads/:id", (req, res) => {
    res.json({ thread: getThreadDetail(db, req.params.id) });
  });
  return router;
}
