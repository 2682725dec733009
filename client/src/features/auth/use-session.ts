import { useQuery } from "@tanstack/react-query";
import { sessionQuery, type SessionUser } from "./queries";

/** The signed-in user (undefined while loading, null when signed out). */
export function useSessionUser(): SessionUser | null | undefined {
  return useQuery(sessionQuery).data;
}

/** Whether the signed-in user may approve, remove and undo (moderators and admins; viewers only read). */
export function useCanDecide(): boolean {
  const user = useSessionUser();
  return user?.role === "moderator" || user?.role === "admin";
}
