import type { Db } from "../db/connection";
import { deleteSessionsOfUser } from "../db/session-repo";
import { countAdmins, findUserByUsername, insertUser, listUsers as listUserRows, updatePasswordHash, updateUserAccess, type UserRole } from "../db/user-repo";
import { AppError, ConflictError, NotFoundError } from "../errors";
import { recordAudit } from "./audit-service";
import { presentUser, type SessionUser } from "./auth-service";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";

export const USER_ROLES: readonly UserRole[] = ["admin", "moderator", "viewer"];

/** Letters, digits and . _ - ; no spaces or markup, so names are safe in logs and the UI. */
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class InvalidUserError extends AppError {
  constructor(message: string) {
    super("invalid_user", message, 400);
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidUserError(`password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1000) throw new InvalidUserError("password must be at most 1000 characters");
}

/** Creates an account; refuses a taken name (case-insensitively), a bad name or a short password. */
export async function addUser(
  db: Db,
  input: { username: string; password: string; role: UserRole; /** Who adds the user, for the audit log. */ actor?: string },
  now: Date = new Date(),
): Promise<SessionUser> {
  if (!USERNAME.test(input.username)) throw new InvalidUserError(`invalid username "${input.username.slice(0, 64)}": use letters, digits, '.', '_' or '-' (at most 64)`);
  if (!USER_ROLES.includes(input.role)) throw new InvalidUserError(`invalid role "${input.role}": use admin, moderator or viewer`);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(() => {
    if (findUserByUsername(db, input.username)) throw new ConflictError(`user ${input.username} already exists`);
    const id = insertUser(db, { username: input.username, password_hash: passwordHash, role: input.role, created_at: now.toISOString() });
    recordAudit(db, { actor: input.actor ?? "system", action: "user.add", target: input.username, detail: { role: input.role } }, now);
    return { id, username: input.username, role: input.role };
  }).immediate();
}

/** Sets a new password and ends the user's sessions, so a leaked session dies with the old password. */
export async function changePassword(db: Db, username: string, password: string, actor = "system"): Promise<SessionUser> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return db.transaction(() => {
    const user = findUserByUsername(db, username);
    if (!user) throw new NotFoundError(`no user named ${username}`);
    updatePasswordHash(db, user.id, passwordHash);
    const ended = deleteSessionsOfUser(db, user.id);
    recordAudit(db, { actor, action: "user.passwd", target: user.username, detail: { sessions_ended: ended } });
    return presentUser(user);
  }).immediate();
}

/**
 * Changes a user's role or disables/enables them. Disabling ends their sessions. Refuses to leave
 * Sift without an active admin, so nobody can lock everyone out of user management.
 */
export function changeUserAccess(db: Db, username: string, change: { role?: UserRole; disabled?: boolean }, actor: string): UserSummary {
  return db.transaction(() => {
    const user = findUserByUsername(db, username);
    if (!user) throw new NotFoundError(`no user named ${username}`);
    const next = { role: change.role ?? user.role, disabled: (change.disabled ?? user.disabled === 1) ? (1 as const) : (0 as const) };
    const wasActiveAdmin = user.role === "admin" && user.disabled === 0;
    if (wasActiveAdmin && (next.role !== "admin" || next.disabled === 1) && countAdmins(db) <= 1) {
      throw new ConflictError(`${user.username} is the only active admin; make someone else admin first`);
    }
    updateUserAccess(db, user.id, next);
    const ended = next.disabled === 1 || next.role !== user.role ? deleteSessionsOfUser(db, user.id) : 0;
    recordAudit(db, {
      actor,
      action: "user.update",
      target: user.username,
      detail: { from: { role: user.role, disabled: user.disabled === 1 }, to: { role: next.role, disabled: next.disabled === 1 }, sessions_ended: ended },
    });
    return { ...presentUser(user), role: next.role, created_at: user.created_at, disabled: next.disabled === 1 };
  }).immediate();
}

export interface UserSummary extends SessionUser {
  created_at: string;
  disabled: boolean;
}

export function listUsers(db: Db): UserSummary[] {
  return listUserRows(db).map((u) => ({ ...presentUser(u), created_at: u.created_at, disabled: u.disabled === 1 }));
}

/**
 * First start: with no active admin, creates `admin` with the configured password, or a generated
 * one that the caller shows once. Does nothing when an admin exists (the variable only seeds).
 */
export async function ensureAdminUser(db: Db, configured: string | undefined): Promise<{ created: false } | { created: true; username: string; generatedPassword?: string }> {
  if (countAdmins(db) > 0 || findUserByUsername(db, "admin")) return { created: false };
  const password = configured ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const created = db.transaction(() => {
    if (countAdmins(db) > 0 || findUserByUsername(db, "admin")) return false;
    insertUser(db, { username: "admin", password_hash: passwordHash, role: "admin", created_at: new Date().toISOString() });
    recordAudit(db, { actor: "system", action: "user.add", target: "admin", detail: { role: "admin", password: configured === undefined ? "generated" : "SIFT_ADMIN_PASSWORD" } });
    return true;
  }).immediate();
  if (!created) return { created: false };
  return configured === undefined ? { created: true, username: "admin", generatedPassword: password } : { created: true, username: "admin" };
}
