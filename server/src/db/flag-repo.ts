import type { Category, Flag } from "@sift/shared";
import { prepare, type Db } from "./connection";

/** A `flags` row as stored. */
export interface FlagRow {
  id: number;
  comment_id: string;
  category: Category;
  rule: string;
  evidence: string;
  start_offset: number | null;
  end_offset: number | null;
  explanation: string;
  confidence: number;
  rule_pack_version: string;
  /** What a site rule asked for (flag, hold, remove); null for built-in rules. */
  action: "flag" | "hold" | "remove" | null;
}

/** Replaces a comment's flags with a fresh evaluation. */
export function replaceFlags(db: Db, commentId: string, flags: readonly Flag[], rulePackVersion: string): void {
  prepare(db, "DELETE FROM flags WHERE comment_id = ?").run(commentId);
  insertFlags(db, commentId, flags, rulePackVersion);
}

/** Adds flags to a comment that has none yet (a new one): no delete to run first. */
export function insertFlags(db: Db, commentId: string, flags: readonly Flag[], rulePackVersion: string): void {
  if (flags.length === 0) return;
  const insert = prepare(
    db,
    `INSERT INTO flags (comment_id, category, rule, evidence, start_offset, end_offset, explanation, confidence, rule_pack_version, action)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of flags) {
    insert.run(commentId, f.category, f.rule, f.evidence, f.start, f.end, f.explanation, f.confidence, rulePackVersion, f.action ?? null);
  }
}

/** All flags of a thread's comments, in the order the rules raised them. */
export function listFlagsByThread(db: Db, threadId: string): FlagRow[] {
  return prepare<[string], FlagRow>(
    db,
    `SELECT f.* FROM flags f JOIN comments c ON c.id = f.comment_id WHERE c.thread_id = ? ORDER BY f.id`,
  ).all(threadId);
}

/** Flags of the given comments, in the order the rules raised them. */
export function listFlagsForComments(db: Db, commentIds: readonly string[]): FlagRow[] {
  if (commentIds.length === 0) return [];
  return prepare<[string], FlagRow>(
    db,
    "SELECT * FROM flags WHERE comment_id IN (SELECT value FROM json_each(?)) ORDER BY id",
  ).all(JSON.stringify(commentIds));
}

/** Deletes every flag a rule raised; returns the comments that carried one (once each). */
export function deleteFlagsOfRule(db: Db, rule: string): string[] {
  const rows = prepare<[string], { comment_id: string }>(db, "DELETE FROM flags WHERE rule = ? RETURNING comment_id").all(rule);
  return [...new Set(rows.map((r) => r.comment_id))];
}
