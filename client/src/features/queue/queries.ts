import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiFacets, type ApiThread, type Category, type CommentsPage, type QueueView, type ViewCounts } from "../../api";

/** What the queue list is filtered by; every field is part of the cache key. */
export interface QueueFilters {
  view: QueueView;
  /** Thread id, or "" for every thread. */
  thread: string;
  /** Free-text search, already trimmed; "" for none. */
  q: string;
  /** Flag category, rule id and exact author; "" for any. */
  category: Category | "";
  rule: string;
  author: string;
}

/** The filters as API query parameters (empty ones are dropped by apiUrl). */
export function filterParams(filters: QueueFilters) {
  const { view, thread, q, category, rule, author } = filters;
  return { view, thread, q, category, rule, author };
}

/** Enough to cover a whole imported thread in one page while keeping answers small. */
export const QUEUE_PAGE_SIZE = 100;

/**
 * Cache keys, nested so one call can reach a whole family
 * (e.g. every comment list after a decision).
 */
export const queueKeys = {
  all: ["queue"] as const,
  lists: () => [...queueKeys.all, "comments"] as const,
  list: (filters: QueueFilters) => [...queueKeys.lists(), filters] as const,
  counts: (thread: string) => [...queueKeys.all, "counts", { thread }] as const,
  threads: () => [...queueKeys.all, "threads"] as const,
  facets: (thread: string) => [...queueKeys.all, "facets", { thread }] as const,
};

/** One view of the queue, fetched a page at a time by cursor. */
export function commentListQueryOptions(filters: QueueFilters) {
  return infiniteQueryOptions({
    queryKey: queueKeys.list(filters),
    queryFn: async ({ pageParam, signal }): Promise<CommentsPage> => {
      const url = apiUrl("comments", { ...filterParams(filters), limit: QUEUE_PAGE_SIZE, cursor: pageParam });
      const page = await requestJson<Partial<CommentsPage> & { items?: CommentsPage["comments"] }>(url, { signal });
      // The list is `comments` in the API; `items` is the service's own name for it.
      return { comments: page.comments ?? page.items ?? [], next_cursor: page.next_cursor ?? null };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    // A moderator works down a list; it must not reshuffle under them when the
    // window regains focus. It refreshes when the view or filters change.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** How many comments each view holds (for the tab badges). */
export function viewCountsQueryOptions(thread: string) {
  return queryOptions({
    queryKey: queueKeys.counts(thread),
    // Other moderators decide too: the badges follow within a few seconds without reshuffling the list.
    refetchInterval: 10_000,
    queryFn: async ({ signal }) => {
      const body = await requestJson<ViewCounts | { counts: ViewCounts }>(apiUrl("counts", { thread }), { signal });
      // Accept both `{ review: 3, … }` and `{ counts: { review: 3, … } }`.
      return "counts" in body && typeof body.counts === "object" ? body.counts : (body as ViewCounts);
    },
  });
}

/** Every imported thread, for the thread filter. */
export function threadsQueryOptions() {
  return queryOptions({
    queryKey: queueKeys.threads(),
    queryFn: async ({ signal }) => (await requestJson<{ threads: ApiThread[] }>(apiUrl("threads"), { signal })).threads,
    staleTime: 60_000,
  });
}

/** The rules and authors the rule and author filters offer. */
export function facetsQueryOptions(thread: string) {
  return queryOptions({
    queryKey: queueKeys.facets(thread),
    queryFn: ({ signal }) => requestJson<ApiFacets>(apiUrl("facets", { thread }), { signal }),
    staleTime: 30_000,
  });
}

/** Every comment id matching the filters ("select all matching"), capped by the server. */
export function fetchMatchingIds(filters: QueueFilters): Promise<{ ids: string[]; truncated: boolean }> {
  return requestJson(apiUrl("comments/ids", filterParams(filters)));
}

/** Comments with the same or nearly the same text, grouped (spam waves, brigades). */
export interface DuplicateGroup {
  key: string;
  ids: string[];
  authors: number;
  sample: string;
}

/** Near-duplicate groups among the comments the filters match. */
export function duplicateGroupsQueryOptions(filters: QueueFilters) {
  return queryOptions({
    queryKey: [...queueKeys.all, "duplicates", filters] as const,
    queryFn: async ({ signal }) =>
      (await requestJson<{ groups: DuplicateGroup[] }>(apiUrl("duplicates", filterParams(filters)), { signal })).groups,
    refetchOnWindowFocus: false,
  });
}
