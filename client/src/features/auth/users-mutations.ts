import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiError } from "../../api";
import type { UserRole } from "./queries";
import { usersKey, type UserSummary } from "./users-queries";

export interface NewUser {
  username: string;
  password: string;
  role: UserRole;
}

/** Creates an account (admins only). */
export function useAddUser() {
  const queryClient = useQueryClient();
  return useMutation<UserSummary, ApiError, NewUser>({
    mutationFn: async (user) => (await requestJson<{ user: UserSummary }>(apiUrl("users"), { method: "POST", body: user })).user,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Changes a user's role or disables/enables them (admins only). */
export function useChangeUserAccess() {
  const queryClient = useQueryClient();
  return useMutation<UserSummary, ApiError, { username: string; role?: UserRole; disabled?: boolean }>({
    mutationFn: async ({ username, ...change }) =>
      (await requestJson<{ user: UserSummary }>(apiUrl(`users/${encodeURIComponent(username)}`), { method: "PATCH", body: change })).user,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
