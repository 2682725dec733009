import { CategorySchema, RuleExceptionSchema, SiteRuleActionSchema, SiteRuleSchema } from "@sift/shared";
import { z } from "zod";

/** :id of /api/rules/site/:id. */
export const SiteRuleParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** :id of /api/rules/exceptions/:id. */
export const ExceptionParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/**
 * A whole rule. The listing shows an absent note as null, so a client may send a listed row back
 * as it is: null note means none, and the listing's other fields (hits, createdAt, …) are dropped.
 */
const SiteRuleBodySchema = z.preprocess(
  (v) => (v && typeof v === "object" && (v as { note?: unknown }).note === null ? { ...(v as object), note: undefined } : v),
  SiteRuleSchema,
);

/** Body of POST /api/rules/site: a whole rule. */
export const NewSiteRuleBodySchema = SiteRuleBodySchema;

/** Body of PATCH /api/rules/site/:id: any of the rule's fields but its id (other fields are ignored); `note: null` clears the note. */
export const SiteRuleChangeBodySchema = z
  .object({
    kind: z.enum(["word", "phrase", "regex"]).optional(),
    pattern: z.string().trim().min(1).max(200).optional(),
    category: CategorySchema.optional(),
    action: SiteRuleActionSchema.optional(),
    enabled: z.boolean().optional(),
    note: z.string().max(300).nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "give at least one field to change" });

/** Body of POST /api/rules/backtest: a rule as it would be saved, or an exception; `limit` caps the examples. */
export const BacktestBodySchema = z.union([
  z.object({ rule: SiteRuleBodySchema, limit: z.number().int().min(0).max(500).default(50) }),
  z.object({ exception: RuleExceptionSchema, limit: z.number().int().min(0).max(500).default(50) }),
]);

/** Body of POST /api/rules/exceptions. */
export const NewExceptionBodySchema = RuleExceptionSchema;

/** Body of POST /api/rules/rescan: one thread, or all. */
export const RescanBodySchema = z.strictObject({ threadId: z.string().min(1).max(100).optional() });
