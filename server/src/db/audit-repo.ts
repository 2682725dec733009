import { prepare, type Db } from "./connection";

/** An `audit_log` row; `detail` is JSON text. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string;
}

export function insertAuditEvent(db: Db, row: Omit<AuditRow, "id">): number {
  return Number(
    prepare(db, "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)").run(row).lastInsertRowid,
  );
}

/** Newest first; `beforeId` pages back. */
export function listAuditEvents(db: Db, options: { beforeId?: number; limit: number; action?: string }): AuditRow[] {
  return prepare<[number, string | null, string | null, number], AuditRow>(
    db,
    `SELECT * FROM audit_log WHERE id < ? AND (? IS NULL OR action = ?) ORDER BY id DESC LIMIT ?`,
  ).all(options.beforeId ?? Number.MAX_SAFE_INTEGER, options.action ?? null, options.action ?? null, options.limit);
}
