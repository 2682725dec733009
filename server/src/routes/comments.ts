import { Router } from "express";
import type { Db } from "../db/connection";
import { decideComment, listCommentDecisions } from "../services/decision-service";
import { countViews, getQueueItem, listQueuePage } from "../services/queue-service";
import { CountsQuerySchema, DecisionBodySchema, QueueQuerySchema } from "./comments-schema";
import { moderationRouter } from "./moderation";

/** The moderation queue: lists, counts, one comment, its decision log, and decisions. */
export function commentsRouter(db: Db): Router {
  const router = Router();
  // Before /comments/:id, which would otherwise take "ids" and "bulk-decision" for comment ids.
  router.use(moderationRouter(db));
  router.get("/comments", (req, res) => {
    res.json(listQueuePage(db, QueueQuerySchema.parse(req.query)));
  });
  router.get("/counts", (req, res) => {
    res.json(countViews(db, CountsQuerySchema.parse(req.query).thread));
  });
  router.get("/comments/:id", (req, res) => {
    res.json({ comment: getQueueItem(db, req.params.id) });
  });
  router.get("/comments/:id/decisions", (req, res) => {
    res.json({ decisions: listCommentDecisions(db, req.params.id) });
  });
  router.post("/comments/:id/decision", (req, res) => {
    const body = DecisionBodySchema.parse(req.body ?? {});
    // An auth layer, when present, names the moderator in res.locals.
    const moderator = typeof res.locals.moderator === "string" ? res.locals.moderator : null;
    res.json({ comment: decideComment(db, req.params.id, { ...body, moderator }) });
  });
  return router;
}
