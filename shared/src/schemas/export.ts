import { z } from "zod";
import { ReportSummarySchema, type ReportSummary } from "./report";
import { CategorySchema, CommentStatusSchema } from "./thread";

/** The JSON export of CONTRACT.md; fields may be added, none renamed or dropped. */
export const ExportFlagSchema = z.object({
  category: CategorySchema,
  rule: z.string(),
  evidence: z.string(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  explanation: z.string().optional(),
  confidence: z.number().optional(),
  /** Only on flags of a site's own rules: what the rule asked for (a held comment stays out of approved until decided). */
  action: z.enum(["flag", "hold", "remove"]).optional(),
});

export const ExportCommentSchema = z.object({
  id: z.string(),
  position: z.number().int().positive(),
  parent_id: z.string().nullable(),
  author: z.string(),
  posted_at: z.string().nullable(),
  body: z.string(),
  status: CommentStatusSchema,
  flags: z.array(ExportFlagSchema),
  /** The newest entry of the comment's decision log (absent in the dashboard's thread view, null when never decided). */
  decision: z
    .object({
      action: z.enum(["approve", "remove", "undo"]),
      moderator: z.string().nullable(),
      reason: z.string().nullable(),
      decided_at: z.string(),
      /** The rule pack that had flagged the comment when the decision was made (null when unflagged, or decided before versions were kept). */
      rule_pack_version: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const ExportThreadSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  format: z.string(),
  source_note: z.string().nullable(),
  article: z.object({ title: z.string(), body: z.string() }),
  declared_comment_count: z.number().int().nullable(),
  comments: z.array(ExportCommentSchema),
});

export const ExportDocumentSchema = z.object({
  generated_at: z.string(),
  threads: z.array(ExportThreadSchema),
  /** The report's figures over the same scope (reports only; the CONTRACT shape is the rest). */
  summary: ReportSummarySchema.optional(),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
export type ExportThread = z.infer<typeof ExportThreadSchema>;
export type ExportComment = z.infer<typeof ExportCommentSchema>;
/** A moderation report: the export over a scope, with the figures of that scope. */
export type ReportDocument = ExportDocument & { summary: ReportSummary };
