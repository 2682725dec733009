import { z } from "zod";
import { CategorySchema } from "./thread";

/** One reason a rule gives for flagging a comment. */
export const FlagSchema = z.object({
  category: CategorySchema,
  /** Stable rule id, e.g. `profanity.lexicon` or `threat.endorsement`. */
  rule: z.string().min(1),
  /** The matched text, exactly as it appears in the body (or a summary for whole-comment flags). */
  evidence: z.string(),
  /** Offsets of the evidence in the body (end exclusive), or null when the flag is about the whole comment. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  /** One sentence a moderator can read: why this rule fired. */
  explanation: z.string(),
  /** 0..1: how sure the rule is. */
  confidence: z.number().min(0).max(1),
  /** For a site's own rules: what the site asked to happen on a match (hold and remove are decided by the import, not the engine). */
  action: z.enum(["flag", "hold", "remove"]).optional(),
});
export type Flag = z.infer<typeof FlagSchema>;
