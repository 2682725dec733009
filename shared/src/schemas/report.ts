import { z } from "zod";
import { CategorySchema } from "./thread";

/** A day (`2026-11-01`) or an instant (`2026-11-01T09:30:00Z`, any ISO 8601 offset). */
const ReportDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, "expected a date like 2026-11-01 or an ISO 8601 time")
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), "not a real date");

/**
 * What a report covers: some threads (none = all) and a window on when comments arrived.
 * A comment "arrives" at its posted time, or at its thread's import when the source gave no time.
 * `until` is inclusive: a bare day covers that whole day (UTC).
 */
export const ReportScopeSchema = z
  .object({
    threads: z.array(z.string().min(1).max(200)).max(500).default([]),
    since: ReportDateSchema.optional(),
    until: ReportDateSchema.optional(),
  })
  .refine((s) => !s.since || !s.until || reportBound(s.since, "start") <= reportBound(s.until, "end"), {
    message: "since is after until",
    path: ["until"],
  });
export type ReportScope = z.input<typeof ReportScopeSchema>;
export type ParsedReportScope = z.output<typeof ReportScopeSchema>;

/** The UTC instant a scope bound stands for: a bare day starts at 00:00 (since) or ends at 23:59:59.999 (until). */
export function reportBound(value: string, side: "start" | "end"): string {
  if (value.length === 10) return side === "start" ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`;
  return new Date(value).toISOString();
}

const Count = z.number().int().nonnegative();

/** Comments per status; `flagged` counts comments with at least one flag. */
export const ReportTotalsSchema = z.object({
  threads: Count,
  comments: Count,
  flagged: Count,
  pending: Count,
  approved: Count,
  removed: Count,
  /** Comments with at least one moderator decision still in force (not undone). */
  decided: Count,
  /** Approvals and removals recorded in the log, including ones later undone. */
  decisions: Count,
});

export const ReportCategoryRowSchema = z.object({
  category: CategorySchema,
  /** Comments carrying at least one flag of this category. */
  comments: Count,
  pending: Count,
  approved: Count,
  removed: Count,
});

export const ReportReasonRowSchema = z.object({
  /** A removal reason id (`spam`, `hate_speech`, …; free text counts as `other`), `not_given`, or `at_source` for comments the source itself had removed. */
  reason: z.string(),
  count: Count,
});

export const ReportModeratorRowSchema = z.object({
  moderator: z.string(),
  approvals: Count,
  removals: Count,
  undos: Count,
  /** Median minutes from a comment's arrival to this moderator's first decision on it; null without any. */
  median_minutes_to_decision: z.number().nonnegative().nullable(),
});

export const ReportAuthorRowSchema = z.object({
  author: z.string(),
  comments: Count,
  flagged: Count,
  removed: Count,
});

export const ReportTimelineRowSchema = z.object({
  /** First day of the bucket, `YYYY-MM-DD`. */
  start: z.string(),
  comments: Count,
  flagged: Count,
  /** Comments in scope approved in this bucket (by decision time; at arrival when the source approved them). */
  approved: Count,
  /** Comments in scope removed in this bucket (by decision time; at arrival when the source removed them). */
  removed: Count,
});

export const ReportRuleRowSchema = z.object({
  rule: z.string(),
  category: CategorySchema,
  /** Comments the rule flagged (one per comment, however many spans). */
  hits: Count,
  pending: Count,
  /** Approved despite the flag: the rule was overturned. */
  approved: Count,
  removed: Count,
  /** removed / (removed + approved); null until a flagged comment is decided. */
  precision: z.number().min(0).max(1).nullable(),
});

/** The figures of a moderation report; every export format and the Reports page show these. */
export const ReportSummarySchema = z.object({
  scope: z.object({
    threads: z.array(z.object({ id: z.string(), title: z.string() })),
    since: z.string().nullable(),
    until: z.string().nullable(),
  }),
  totals: ReportTotalsSchema,
  by_category: z.array(ReportCategoryRowSchema),
  removals_by_reason: z.array(ReportReasonRowSchema),
  moderators: z.array(ReportModeratorRowSchema),
  /** Median minutes from arrival to first decision, over every decided comment in scope. */
  median_minutes_to_decision: z.number().nonnegative().nullable(),
  /** The authors with the most flagged comments (at most ten). */
  top_authors: z.array(ReportAuthorRowSchema),
  timeline: z.object({
    /** Bucket width, picked from the span so a chart has a readable number of bars. */
    bucket: z.enum(["day", "week", "month"]),
    rows: z.array(ReportTimelineRowSchema),
  }),
  rules: z.array(ReportRuleRowSchema),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export type ReportRuleRow = z.infer<typeof ReportRuleRowSchema>;
export type ReportTimelineRow = z.infer<typeof ReportTimelineRowSchema>;
