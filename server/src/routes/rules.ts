import { Router } from "express";
import type { Db } from "../db/connection";
import { rescanThreadsInTurns, summariseRescan } from "../services/rescan-service";
import { addRuleException, createSiteRule, deleteSiteRule, listRules, removeRuleException, updateSiteRule } from "../services/rule-service";
import { backtestException, backtestRule, suggestExceptions } from "../services/rule-service-backtest";
import { requireRole, sessionUser } from "./auth-middleware";
import {
  BacktestBodySchema,
  ExceptionParamsSchema,
  NewExceptionBodySchema,
  NewSiteRuleBodySchema,
  RescanBodySchema,
  SiteRuleChangeBodySchema,
  SiteRuleParamsSchema,
} from "./rules-schema";

/**
 * The Rules page: everyone reads the rules and suggestions; moderators backtest; admins change
 * site rules and exceptions and rescan. Every change is audited by the service.
 */
export function rulesRouter(db: Db): Router {
  const router = Router();
  const admin = requireRole("admin");
  const actor = (res: Parameters<typeof sessionUser>[0]) => sessionUser(res).username;

  router.get("/rules", (_req, res) => {
    res.json(listRules(db));
  });
  router.get("/rules/suggestions", (_req, res) => {
    res.json(suggestExceptions(db));
  });
  // Moderators may try rules out; readOnlyForViewers already refuses viewers.
  router.post("/rules/backtest", requireRole("moderator"), (req, res) => {
    const body = BacktestBodySchema.parse(req.body ?? {});
    res.json("rule" in body ? backtestRule(db, body.rule, body.limit) : backtestException(db, body.exception, body.limit));
  });
  router.post("/rules/site", admin, (req, res) => {
    res.status(201).json(createSiteRule(db, NewSiteRuleBodySchema.parse(req.body ?? {}), actor(res)));
  });
  router.patch("/rules/site/:id", admin, (req, res) => {
    const { id } = SiteRuleParamsSchema.parse(req.params);
    res.json(updateSiteRule(db, id, SiteRuleChangeBodySchema.parse(req.body ?? {}), actor(res)));
  });
  router.delete("/rules/site/:id", admin, (req, res) => {
    deleteSiteRule(db, SiteRuleParamsSchema.parse(req.params).id, actor(res));
    res.status(204).end();
  });
  router.post("/rules/exceptions", admin, (req, res) => {
    res.status(201).json(addRuleException(db, NewExceptionBodySchema.parse(req.body ?? {}), actor(res)));
  });
  router.delete("/rules/exceptions/:id", admin, (req, res) => {
    removeRuleException(db, ExceptionParamsSchema.parse(req.params).id, actor(res));
    res.status(204).end();
  });
  router.post("/rules/rescan", admin, async (req, res) => {
    const { threadId } = RescanBodySchema.parse(req.body ?? {});
    res.json(summariseRescan(await rescanThreadsInTurns(db, { threadId, actor: actor(res) })));
  });
  return router;
}
