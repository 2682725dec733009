import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiRulesOverview, type BacktestResult, type ExceptionSuggestion, type RuleException, type SiteRule } from "../../api";

/** How many example comments a backtest shows. */
const BACKTEST_EXAMPLES = 5;

export const ruleKeys = {
  all: ["rules"] as const,
  overview: () => [...ruleKeys.all, "overview"] as const,
  suggestions: () => [...ruleKeys.all, "suggestions"] as const,
  backtest: (input: BacktestInput) => [...ruleKeys.all, "backtest", input] as const,
};

/** Built-in rules with hit counts, the site's rules, and the exceptions. */
export function rulesQueryOptions() {
  return queryOptions({
    queryKey: ruleKeys.overview(),
    queryFn: ({ signal }) => requestJson<ApiRulesOverview>(apiUrl("rules"), { signal }),
  });
}

/** Words moderators keep approving for a rule: candidates for an exception. */
export function suggestionsQueryOptions() {
  return queryOptions({
    queryKey: ruleKeys.suggestions(),
    queryFn: async ({ signal }) => {
      const body = await requestJson<ExceptionSuggestion[] | { suggestions: ExceptionSuggestion[] }>(apiUrl("rules/suggestions"), { signal });
      return Array.isArray(body) ? body : body.suggestions;
    },
  });
}

/** A rule as it would be saved, or an exception, to try against the stored comments. */
export type BacktestInput = { rule: SiteRule } | { exception: RuleException };

/**
 * What the rule or exception would do to the archive. A backtest is a read, so it is a query:
 * typing a pattern changes the key, the previous answer stays shown until the next arrives, and
 * an answer for a pattern the moderator has already typed past is cancelled.
 */
export function backtestQueryOptions(input: BacktestInput) {
  return queryOptions({
    queryKey: ruleKeys.backtest(input),
    queryFn: ({ signal }) => requestJson<BacktestResult>(apiUrl("rules/backtest"), { method: "POST", body: { ...input, limit: BACKTEST_EXAMPLES }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
