import { useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { apiUrl, requestJson, type ApiComment, type ApiDecisionLogEntry, type CommentsPage } from "../../api";
import { patchCommentInLists } from "./mutations";
import { queueKeys } from "./queries";

/** How often an open dashboard asks whether anyone decided something. */
export const LIVE_REFRESH_MS = 5_000;

/** Newest decisions looked at per poll; a bigger burst (a colleague's bulk action) refreshes the lists. */
const FEED_SIZE = 50;

/** The newest entries of the decision log: the feed that tells an open page what changed. */
function decisionFeedQueryOptions() {
  return {
    queryKey: ["live", "decisions"] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }) =>
      (await requestJson<{ decisions: ApiDecisionLogEntry[] }>(apiUrl("decisions", { limit: FEED_SIZE }), { signal })).decisions,
    // Only while the tab is visible: a hidden dashboard asks nothing.
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
    retry: false,
  };
}

/** Whether a comment is in any cached queue list (only those are worth fetching again). */
function isInCachedLists(client: QueryClient, id: string): boolean {
  return client
    .getQueriesData<InfiniteData<CommentsPage>>({ queryKey: queueKeys.lists() })
    .some(([, data]) => data?.pages.some((page) => page.comments.some((c) => c.id === id)));
}

/** Brings every open view up to date with decisions made since the last poll. */
async function applyFreshDecisions(client: QueryClient, fresh: ApiDecisionLogEntry[], burst: boolean): Promise<void> {
  // With a burst (a colleague's bulk action) only the first comments are patched; the lists are
  // marked stale below either way, so they are right when next shown or refreshed.
  const ids = [...new Set(fresh.map((d) => d.comment_id))].filter((id) => isInCachedLists(client, id)).slice(0, burst ? 10 : FEED_SIZE);
  // Each shown comment is patched in place with the server's state (status, version, Undo), so the
  // list never reshuffles under the moderator: a colleague's decision simply appears on the card.
  await Promise.all(
    ids.map(async (id) => {
      const { comment } = await requestJson<{ comment: ApiComment }>(apiUrl(`comments/${encodeURIComponent(id)}`));
      patchCommentInLists(client, id, (c) => ({ ...c, ...comment }));
    }),
  );
  const threads = new Set(fresh.map((d) => d.thread_id));
  await Promise.all([
    // Patching made the lists look fresh; a decided comment must still leave its view when the
    // view is next opened (as after this tab's own decisions), so mark them stale without refetching.
    client.invalidateQueries({ queryKey: queueKeys.lists(), refetchType: "none" }),
    client.invalidateQueries({ queryKey: [...queueKeys.all, "counts"] }),
    client.invalidateQueries({ queryKey: [...queueKeys.all, "duplicates"] }),
    client.invalidateQueries({ queryKey: queueKeys.threads() }),
    // A thread page shows every comment in page order, so refetching it cannot reshuffle anything.
    ...[...threads].map((id) => client.invalidateQueries({ queryKey: ["thread", id] })),
    client.invalidateQueries({ queryKey: ["author"] }),
    client.invalidateQueries({ queryKey: ["decision-log"] }),
    client.invalidateQueries({ queryKey: ["reports"] }),
  ]);
}

/**
 * Keeps open pages current while other moderators work: polls the decision log every few
 * seconds and applies what is new. Skips a round while one of this tab's own decisions is in
 * flight, so a poll can never overwrite its optimistic state; the round after picks it up.
 */
export function useLiveUpdates(enabled: boolean): void {
  const client = useQueryClient();
  const feed = useQuery({ ...decisionFeedQueryOptions(), enabled });
  const lastSeen = useRef<number | null>(null);

  useEffect(() => {
    const decisions = feed.data;
    if (!decisions) return;
    const newest = decisions[0]?.id ?? 0;
    if (lastSeen.current === null) {
      lastSeen.current = newest; // the first answer is the baseline: the page was just loaded
      return;
    }
    const since = lastSeen.current;
    const fresh = decisions.filter((d) => d.id > since);
    if (fresh.length === 0 || client.isMutating() > 0) return;
    lastSeen.current = newest;
    const burst = fresh.length === decisions.length && decisions.length === FEED_SIZE;
    void applyFreshDecisions(client, fresh, burst).catch(() => {
      // A failed round is retried by the next poll's invalidations; nothing to show.
    });
  }, [feed.data, client]);
}
