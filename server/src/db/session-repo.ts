import { prepare, type Db } from "./connection";
import type { UserRow } from "./user-repo";

/** A `sessions` row; the token itself is never stored, only its SHA-256. */
export interface SessionRow {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen: string;
  expires_at: string;
}

export function insertSession(db: Db, row: SessionRow): void {
  prepare(
    db,
    `INSERT INTO sessions (token_hash, user_id, created_at, last_seen, expires_at)
     VALUES (@token_hash, @user_id, @created_at, @last_seen, @expires_at)`,
  ).run(row);
}

/** A session and its user, in one read (every authenticated request does this). */
export function findSessionWithUser(db: Db, tokenHash: string): { session: SessionRow; user: UserRow } | undefined {
  const row = prepare<[string], SessionRow & { u_username: string; u_password_hash: string; u_role: UserRow["role"]; u_created_at: string; u_disabled: 0 | 1 }>(
    db,
    `SELECT s.*, u.username AS u_username, u.password_hash AS u_password_hash, u.role AS u_role,
            u.created_at AS u_created_at, u.disabled AS u_disabled
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  ).get(tokenHash);
  if (!row) return undefined;
  return {
    session: { token_hash: row.token_hash, user_id: row.user_id, created_at: row.created_at, last_seen: row.last_seen, expires_at: row.expires_at },
    user: { id: row.user_id, username: row.u_username, password_hash: row.u_password_hash, role: row.u_role, created_at: row.u_created_at, disabled: row.u_disabled },
  };
}

export function touchSession(db: Db, tokenHash: string, lastSeen: string, expiresAt: string): void {
  prepare(db, "UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?").run(lastSeen, expiresAt, tokenHash);
}

export function deleteSession(db: Db, tokenHash: string): void {
  prepare(db, "DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
}

/** Signs a user out everywhere (after a password change). */
export function deleteSessionsOfUser(db: Db, userId: number): number {
  return prepare(db, "DELETE FROM sessions WHERE user_id = ?").run(userId).changes;
}

export function deleteExpiredSessions(db: Db, now: string): number {
  return prepare(db, "DELETE FROM sessions WHERE expires_at <= ?").run(now).changes;
}
