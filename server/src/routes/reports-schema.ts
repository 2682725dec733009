import { ReportScopeSchema } from "@sift/shared";
import { z } from "zod";

/** `?thread=a&thread=b` arrives as an array, `?thread=a` as a string, an empty `?thread=` as "". */
const ThreadListSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((id) => id !== "")));

const emptyAsAbsent = (v: unknown) => (v === "" ? undefined : v);

/** The report scope as query parameters: `thread` (repeatable), `since`, `until`. */
const ScopeQuerySchema = z
  .object({
    thread: ThreadListSchema,
    since: z.preprocess(emptyAsAbsent, z.string().optional()),
    until: z.preprocess(emptyAsAbsent, z.string().optional()),
  })
  .transform(({ thread, since, until }) => ({ threads: thread, since, until }));

/** The scope of GET /api/reports/summary and /api/reports/export, from the query; throws ZodError (a 400) naming the field. */
export function parseReportScopeQuery(query: unknown) {
  return ReportScopeSchema.parse(ScopeQuerySchema.parse(query));
}

/** The rest of GET /api/reports/export's query: the format and, for CSV, the table. */
export const ReportExportQuerySchema = z
  .object({
    format: z.enum(["json", "csv", "html"]).default("json"),
    table: z.enum(["comments", "rules"]).default("comments"),
  })
  .refine((q) => q.table === "comments" || q.format === "csv", { message: "the rules table is a CSV export: use format=csv", path: ["table"] });
