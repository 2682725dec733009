import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/connection";
import { deleteExpiredSessions, deleteSession, findSessionWithUser, insertSession, touchSession } from "../db/session-repo";
import { findUserByUsername, type UserRole, type UserRow } from "../db/user-repo";
import { UnauthorizedError } from "../errors";
import { recordAudit } from "./audit-service";
import { getDummyHash, verifyPassword } from "./passwords";

/** What the API and the client know about a signed-in user. */
export interface SessionUser {
  id: number;
  username: string;
  role: UserRole;
}

export function presentUser(user: UserRow): SessionUser {
  return { id: user.id, username: user.username, role: user.role };
}

// Writing last_seen on every request would turn every read into a write; a minute is precise enough for idle expiry.
const TOUCH_AFTER_MS = 60_000;

/** One message for every failed sign-in, so it never tells whether the account exists or is disabled. */
export const SIGN_IN_FAILED = "Wrong username or password.";

/** Sessions are looked up by the SHA-256 of their token: the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Checks a username and password and opens a session. Unknown users are verified against a dummy
 * hash and disabled users after their password, so every failure costs the same and reads the same.
 */
export async function signIn(
  db: Db,
  credentials: { username: string; password: string },
  options: { idleMs: number; now?: Date; /** The client's address, for the audit log. */ address?: string },
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const user = findUserByUsername(db, credentials.username);
  const ok = await verifyPassword(credentials.password, user?.password_hash ?? (await getDummyHash()));
  const now = options.now ?? new Date();
  const detail = options.address ? { address: options.address } : {};
  if (!user || !ok || user.disabled) {
    // The attempted name is recorded as typed (capped): admins can see guessing, the client never learns more.
    recordAudit(db, { actor: "anonymous", action: "session.sign_in_failed", target: credentials.username.slice(0, 100), detail }, now);
    throw new UnauthorizedError(SIGN_IN_FAILED, "invalid_credentials");
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + options.idleMs);
  db.transaction(() => {
    deleteExpiredSessions(db, now.toISOString());
    recordAudit(db, { actor: user.username, action: "session.sign_in", target: user.username, detail }, now);
    insertSession(db, {
      token_hash: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
  })();
  return { token, user: presentUser(user), expiresAt };
}

/**
 * The user behind a session token, or undefined when the token is unknown, expired or its user is
 * disabled. Using a session moves its idle expiry forward.
 */
export function resolveSession(db: Db, token: string, options: { idleMs: number; now?: Date }): SessionUser | undefined {
  const tokenHash = hashToken(token);
  const found = findSessionWithUser(db, tokenHash);
  if (!found) return undefined;
  const now = options.now ?? new Date();
  if (Date.parse(found.session.expires_at) <= now.getTime() || found.user.disabled) {
    deleteSession(db, tokenHash);
    return undefined;
  }
  if (now.getTime() - Date.parse(found.session.last_seen) >= TOUCH_AFTER_MS) {
    try {
      touchSession(db, tokenHash, now.toISOString(), new Date(now.getTime() + options.idleMs).toISOString());
    } catch (err) {
      // An import holding the write lock must not turn a read into an error; a later request touches.
      if (!String((err as { code?: unknown }).code).startsWith("SQLITE_BUSY")) throw err;
    }
  }
  return presentUser(found.user);
}

export function signOut(db: Db, token: string, user?: SessionUser): void {
  db.transaction(() => {
    deleteSession(db, hashToken(token));
    if (user) recordAudit(db, { actor: user.username, action: "session.sign_out", target: user.username });
  })();
}

const RANK: Record<UserRole, number> = { viewer: 0, moderator: 1, admin: 2 };

/** Roles are nested: an admin may do what a moderator may, a moderator what a viewer may. */
export function hasRole(user: SessionUser, needed: UserRole): boolean {
  return RANK[user.role] >= RANK[needed];
}
