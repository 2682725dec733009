import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiUrl, requestJson, type ApiError } from "../../api";
import { sessionKey, type SessionUser } from "./queries";

export interface Credentials {
  username: string;
  password: string;
}

/** Signs in; on success drops anything cached for a previous user and records the new one. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<SessionUser, ApiError, Credentials>({
    mutationFn: async (credentials) => (await requestJson<{ user: SessionUser }>(apiUrl("session"), { method: "POST", body: credentials })).user,
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, user);
    },
  });
}

/** Signs out; whatever the server answers, the client forgets the user and their data. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: async () => {
      await requestJson<null>(apiUrl("session"), { method: "DELETE" });
    },
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
