import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiError, type ApiRuleException, type ApiSiteRule, type RescanResult, type RuleException, type SiteRule } from "../../api";
import { queueKeys } from "../queue/queries";
import { ruleKeys } from "./queries";

/** After rules change, hit counts and backtests are stale; after a rescan, so is every comment's flags. */
async function invalidateAfterRuleChange(client: QueryClient, rescanned: boolean): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ruleKeys.all }),
    ...(rescanned ? [client.invalidateQueries({ queryKey: queueKeys.all }), client.invalidateQueries({ queryKey: ["thread"] })] : []),
  ]);
}

function rescan(threadId?: string): Promise<RescanResult> {
  return requestJson<RescanResult>(apiUrl("rules/rescan"), { method: "POST", body: threadId ? { threadId } : {} });
}

export interface SaveSiteRuleInput {
  rule: SiteRule;
  /** true when editing a stored rule (PATCH), false for a new one (POST). */
  existing: boolean;
  /** Re-run the rules over the stored comments afterwards, so flags follow the rule at once. */
  rescan: boolean;
}

/** Creates or updates a site rule, then optionally rescans; answers the stored rule and the rescan's summary. */
export function useSaveSiteRule() {
  const client = useQueryClient();
  return useMutation<{ rule: ApiSiteRule; rescan: RescanResult | null }, ApiError, SaveSiteRuleInput>({
    mutationFn: async ({ rule, existing, rescan: andRescan }) => {
      const { id, note, ...fields } = rule;
      const saved = existing
        ? await requestJson<ApiSiteRule>(apiUrl(`rules/site/${encodeURIComponent(id)}`), { method: "PATCH", body: { ...fields, note: note || null } })
        : await requestJson<ApiSiteRule>(apiUrl("rules/site"), { method: "POST", body: rule });
      return { rule: saved, rescan: andRescan ? await rescan() : null };
    },
    onSettled: (data) => invalidateAfterRuleChange(client, !!data?.rescan),
  });
}

/** Turns a site rule on or off: off takes its flags off stored comments at once; on flags them at the next rescan. */
export function useToggleSiteRule() {
  const client = useQueryClient();
  return useMutation<ApiSiteRule, ApiError, { id: string; enabled: boolean }>({
    mutationFn: ({ id, enabled }) => requestJson<ApiSiteRule>(apiUrl(`rules/site/${encodeURIComponent(id)}`), { method: "PATCH", body: { enabled } }),
    // Disabling changed stored flags, so the queue and threads refresh too.
    onSettled: (saved) => invalidateAfterRuleChange(client, saved?.enabled === false),
  });
}

/** Deletes a site rule; the server takes its flags off stored comments in the same step. */
export function useDeleteSiteRule() {
  const client = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: async (id) => {
      await requestJson<null>(apiUrl(`rules/site/${encodeURIComponent(id)}`), { method: "DELETE" });
    },
    onSettled: () => invalidateAfterRuleChange(client, true),
  });
}

/**
 * Adds an exception and rescans, so the flags it clears disappear from the queue at once (the
 * server keeps stored flags until a rescan).
 */
export function useAddException() {
  const client = useQueryClient();
  return useMutation<{ exception: ApiRuleException; rescan: RescanResult }, ApiError, RuleException>({
    mutationFn: async (input) => {
      const exception = await requestJson<ApiRuleException>(apiUrl("rules/exceptions"), { method: "POST", body: input });
      return { exception, rescan: await rescan() };
    },
    onSettled: (data) => invalidateAfterRuleChange(client, !!data),
  });
}

/** Deletes an exception; the rule's flags come back on the next rescan. */
export function useDeleteException() {
  const client = useQueryClient();
  return useMutation<void, ApiError, number>({
    mutationFn: async (id) => {
      await requestJson<null>(apiUrl(`rules/exceptions/${id}`), { method: "DELETE" });
    },
    onSettled: () => invalidateAfterRuleChange(client, false),
  });
}

/** Re-runs every rule over the stored comments (decisions are kept). */
export function useRescan() {
  const client = useQueryClient();
  return useMutation<RescanResult, ApiError, void>({
    mutationFn: () => rescan(),
    onSettled: () => invalidateAfterRuleChange(client, true),
  });
}
