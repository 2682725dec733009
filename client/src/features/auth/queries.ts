import { queryOptions } from "@tanstack/react-query";
import { ApiError, apiUrl, requestJson } from "../../api";

export type UserRole = "admin" | "moderator" | "viewer";

/** The signed-in user, as GET /api/session answers. */
export interface SessionUser {
  id: number;
  username: string;
  role: UserRole;
}

export const sessionKey = ["session"] as const;

/** Who is signed in: the user, or null when nobody is (the server answered 401). */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async ({ signal }): Promise<SessionUser | null> => {
    try {
      return (await requestJson<{ user: SessionUser }>(apiUrl("session"), { signal })).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});
