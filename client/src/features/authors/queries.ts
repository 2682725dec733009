import { queryOptions } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiAuthorActivity } from "../../api";

export const authorKeys = {
  activity: (author: string) => ["author", author] as const,
};

/** An author's comments across threads, newest first, with statuses. */
export function authorActivityQueryOptions(author: string) {
  return queryOptions({
    queryKey: authorKeys.activity(author),
    queryFn: ({ signal }) => requestJson<ApiAuthorActivity>(apiUrl("authors/comments", { author, limit: 200 }), { signal }),
  });
}
