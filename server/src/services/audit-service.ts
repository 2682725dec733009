import { userInfo } from "node:os";
import type { Db } from "../db/connection";
import { insertAuditEvent, listAuditEvents } from "../db/audit-repo";

/** One entry of the audit log, as the API and CLI present it. */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Who the command line acts as: the operating-system user running it. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
}

/** Appends to the audit log. Call inside the transaction of the change it records, so both land or neither. */
export function recordAudit(
  db: Db,
  event: { actor: string; action: string; target?: string | null; detail?: Record<string, unknown> },
  now: Date = new Date(),
): void {
  insertAuditEvent(db, { at: now.toISOString(), actor: event.actor, action: event.action, target: event.target ?? null, detail: JSON.stringify(event.detail ?? {}) });
}

/** A page of the log, newest first, and the cursor (an id) for the next page. */
export function listAudit(db: Db, options: { before?: number; limit?: number; action?: string } = {}): { events: AuditEvent[]; next_cursor: number | null } {
  const limit = options.limit ?? 100;
  const rows = listAuditEvents(db, { beforeId: options.before, limit: limit + 1, action: options.action });
  const events = rows.slice(0, limit).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  return { events, next_cursor: rows.length > limit ? events[events.length - 1]!.id : null };
}
