import { queryOptions } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiThreadDetail } from "../../api";

// ["thread", id]: the queue's decision mutation patches every cached thread under ["thread"].
export const threadKeys = {
  detail: (id: string) => ["thread", id] as const,
};

/** A thread with its article and all its comments in page order. */
export function threadQueryOptions(id: string) {
  return queryOptions({
    queryKey: threadKeys.detail(id),
    queryFn: async ({ signal }) => (await requestJson<{ thread: ApiThreadDetail }>(apiUrl(`threads/${encodeURIComponent(id)}`), { signal })).thread,
  });
}
