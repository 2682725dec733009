import { prepare, type Db } from "./connection";

export type UserRole = "admin" | "moderator" | "viewer";

/** A `users` row. `password_hash` never leaves the server: present users with `presentUser`. */
export interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: UserRole;
  created_at: string;
  disabled: 0 | 1;
}

export function insertUser(db: Db, row: Omit<UserRow, "id" | "disabled">): number {
  const result = prepare(
    db,
    "INSERT INTO users (username, password_hash, role, created_at) VALUES (@username, @password_hash, @role, @created_at)",
  ).run(row);
  return Number(result.lastInsertRowid);
}

/** Usernames compare case-insensitively (the column is COLLATE NOCASE). */
export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return prepare<[string], UserRow>(db, "SELECT * FROM users WHERE username = ?").get(username);
}

export function listUsers(db: Db): UserRow[] {
  return prepare<[], UserRow>(db, "SELECT * FROM users ORDER BY username").all();
}

export function countAdmins(db: Db): number {
  return prepare<[], { n: number }>(db, "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get()!.n;
}

export function updatePasswordHash(db: Db, userId: number, passwordHash: string): void {
  prepare(db, "UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, userId);
}

export function updateUserAccess(db: Db, userId: number, access: { role: UserRole; disabled: 0 | 1 }): void {
  prepare(db, "UPDATE users SET role = @role, disabled = @disabled WHERE id = @id").run({ ...access, id: userId });
}
