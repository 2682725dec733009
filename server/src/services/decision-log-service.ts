import type { Db } from "../db/connection";
import { listDecisionLog, type DecisionLogRow } from "../db/decision-repo";

export interface DecisionLogPage {
  decisions: DecisionLogRow[];
  /** Pass back as `before` for older entries; null when this is the oldest page. */
  next_before: number | null;
}

/** Every decision, newest first, a page at a time (keyset on the log's id). */
export function listDecisionLogPage(db: Db, query: { limit: number; before?: number; moderator?: string; action?: string }): DecisionLogPage {
  const rows = listDecisionLog(db, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { decisions: page, next_before: rows.length > query.limit && last ? last.id : null };
}
