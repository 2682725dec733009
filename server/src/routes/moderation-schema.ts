import { z } from "zod";
import { QueueQuerySchema } from "./comments-schema";

/** A removal reason: one of REMOVAL_REASONS, or "other: <the moderator's words>". Free text up to 1000 characters. */
const ReasonSchema = z.string().trim().max(1000).optional().transform((v) => v || undefined);

/** Body of POST /api/comments/bulk-decision. */
export const BulkDecisionBodySchema = z.object({
  action: z.enum(["approve", "remove"]),
  ids: z.array(z.string().min(1).max(100)).min(1).max(5000),
  reason: ReasonSchema,
});

/** Query of GET /api/comments/ids: the queue filter, without paging. */
export const MatchingIdsQuerySchema = QueueQuerySchema.omit({ limit: true, cursor: true });

/** Query of GET /api/facets. */
export const FacetsQuerySchema = z.object({
  thread: z.string().max(100).optional().transform((v) => v || undefined),
});

/** Body of POST /api/authors/remove-pending. */
export const RemovePendingByAuthorBodySchema = z.object({
  author: z.string().min(1).max(200),
  thread: z.string().min(1).max(100),
  reason: ReasonSchema,
});

/** Query of GET /api/authors/comments. */
export const AuthorCommentsQuerySchema = z.object({
  author: z.string().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Query of GET /api/decisions. */
export const DecisionLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  moderator: z.string().max(200).optional().transform((v) => v || undefined),
  action: z.union([z.enum(["approve", "remove", "undo"]), z.literal("")]).optional().transform((v) => v || undefined),
});
