import { queryOptions } from "@tanstack/react-query";
import { apiUrl, requestJson } from "../../api";
import type { SessionUser } from "./queries";

/** An account as GET /api/users lists it (admins only). */
export interface UserSummary extends SessionUser {
  created_at: string;
  disabled: boolean;
}

export const usersKey = ["users"] as const;

export const usersQuery = queryOptions({
  queryKey: usersKey,
  queryFn: async ({ signal }) => (await requestJson<{ users: UserSummary[] }>(apiUrl("users"), { signal })).users,
});
