import { useState } from "react";
import { useSignOut } from "./mutations";
import { UsersPanel } from "./users-panel";
import { useSessionUser } from "./use-session";
import "./auth.css";

const ROLE_LABELS = { admin: "Admin", moderator: "Moderator", viewer: "Viewer" } as const;

/** Who is signed in, with their role, the admins' Users panel and the Sign out button; lives in the app header. */
export function SessionMenu() {
  const user = useSessionUser();
  const signOut = useSignOut();
  const [showUsers, setShowUsers] = useState(false);
  if (!user) return null;
  return (
    <div className="session-menu">
      <span className="session-user">
        <span className="session-name">{user.username}</span> <span className="session-role">{ROLE_LABELS[user.role]}</span>
      </span>
      {user.role === "admin" && (
        <button type="button" className="button button--quiet" onClick={() => setShowUsers(true)}>
          Users
        </button>
      )}
      <button type="button" className="button button--quiet" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </button>
      {showUsers && <UsersPanel onClose={() => setShowUsers(false)} />}
    </div>
  );
}
