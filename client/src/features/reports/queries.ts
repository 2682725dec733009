import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ReportSummary } from "@sift/shared";
import { apiUrl, requestJson } from "../../api";

/** What a report covers: chosen threads (none = all) and an inclusive window of days (`YYYY-MM-DD` or ""). */
export interface ReportScope {
  threads: readonly string[];
  since: string;
  until: string;
}

// ["reports", …]: live updates invalidate every report when another moderator decides.
export const reportKeys = {
  summary: (scope: ReportScope) => ["reports", "summary", scope] as const,
};

function scopeQuery(scope: ReportScope) {
  return { thread: scope.threads, since: scope.since, until: scope.until };
}

/** The report's figures for a scope; the previous figures stay on screen while a new scope loads. */
export function reportSummaryQueryOptions(scope: ReportScope) {
  return queryOptions({
    queryKey: reportKeys.summary(scope),
    queryFn: async ({ signal }) => (await requestJson<{ summary: ReportSummary }>(apiUrl("reports/summary", scopeQuery(scope)), { signal })).summary,
    placeholderData: keepPreviousData,
  });
}

/** Where the browser downloads a report file of the same scope (a plain link: the session cookie goes along). */
export function reportDownloadUrl(scope: ReportScope, format: "json" | "csv" | "html", table: "comments" | "rules" = "comments"): string {
  return apiUrl("reports/export", { format, table: table === "rules" ? "rules" : undefined, ...scopeQuery(scope) });
}
