import { CategorySchema } from "@sift/shared";
import { z } from "zod";

export const QueueViewSchema = z.enum(["review", "pending", "approved", "removed", "all"]);

/** Query of GET /api/comments. Empty parameters mean "not given". */
export const QueueQuerySchema = z.object({
  view: QueueViewSchema.default("review"),
  thread: z.string().max(100).optional().transform((v) => v || undefined),
  category: z.union([CategorySchema, z.literal("")]).optional().transform((v) => v || undefined),
  rule: z.string().max(200).optional().transform((v) => v || undefined),
  author: z.string().max(200).optional().transform((v) => v || undefined),
  q: z.string().max(200).optional().transform((v) => v?.trim() || undefined),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional().transform((v) => v || undefined),
});

/** Query of GET /api/counts. */
export const CountsQuerySchema = z.object({
  thread: z.string().max(100).optional().transform((v) => v || undefined),
});

/** Body of POST /api/comments/:id/decision. */
export const DecisionBodySchema = z.object({
  action: z.enum(["approve", "remove", "undo"]),
  reason: z.string().max(1000).optional(),
  /** The version the client saw; a mismatch answers 409 instead of overwriting someone else's decision. */
  version: z.number().int().positive().optional(),
});
