import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiDecisionLogEntry } from "../../api";

interface DecisionLogPage {
  decisions: ApiDecisionLogEntry[];
  next_before: number | null;
}

/** The decision log, newest first, a page at a time; `action` "" for every action. */
export function decisionLogQueryOptions(action: string) {
  return infiniteQueryOptions({
    queryKey: ["decision-log", { action }],
    queryFn: ({ pageParam, signal }) =>
      requestJson<DecisionLogPage>(apiUrl("decisions", { limit: 100, before: pageParam, action }), { signal }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next_before,
  });
}
