import { Router, type Response } from "express";
import type { Db } from "../db/connection";
import { getAuthorActivity } from "../services/author-service";
import { listDecisionLogPage } from "../services/decision-log-service";
import { listDuplicateGroups } from "../services/duplicate-service";
import { decideComments, removePendingByAuthor } from "../services/decision-service";
import { getQueueFacets, listMatchingIds } from "../services/queue-service";
import {
  AuthorCommentsQuerySchema,
  BulkDecisionBodySchema,
  DecisionLogQuerySchema,
  FacetsQuerySchema,
  MatchingIdsQuerySchema,
  RemovePendingByAuthorBodySchema,
} from "./moderation-schema";

/** An auth layer, when present, names the moderator in res.locals. */
function moderatorOf(res: Response): string | null {
  return typeof res.locals.moderator === "string" ? res.locals.moderator : null;
}

/**
 * Moderating many comments at once and reading the record: bulk decisions, "select all
 * matching", filter choices, an author's history, and the decision log. Mounted by commentsRouter
 * ahead of /comments/:id, so /comments/ids is not taken for a comment id.
 */
export function moderationRouter(db: Db): Router {
  const router = Router();
  router.get("/comments/ids", (req, res) => {
    res.json(listMatchingIds(db, MatchingIdsQuerySchema.parse(req.query)));
  });
  router.post("/comments/bulk-decision", (req, res) => {
    const { ids, ...input } = BulkDecisionBodySchema.parse(req.body ?? {});
    res.json(decideComments(db, ids, { ...input, moderator: moderatorOf(res) }));
  });
  router.get("/duplicates", (req, res) => {
    res.json({ groups: listDuplicateGroups(db, MatchingIdsQuerySchema.parse(req.query)) });
  });
  router.get("/facets", (req, res) => {
    res.json(getQueueFacets(db, FacetsQuerySchema.parse(req.query).thread));
  });
  router.get("/authors/comments", (req, res) => {
    const { author, limit } = AuthorCommentsQuerySchema.parse(req.query);
    res.json(getAuthorActivity(db, author, limit));
  });
  router.post("/authors/remove-pending", (req, res) => {
    const { author, thread, reason } = RemovePendingByAuthorBodySchema.parse(req.body ?? {});
    res.json(removePendingByAuthor(db, author, thread, { reason, moderator: moderatorOf(res) }));
  });
  router.get("/decisions", (req, res) => {
    res.json(listDecisionLogPage(db, DecisionLogQuerySchema.parse(req.query)));
  });
  return router;
}
