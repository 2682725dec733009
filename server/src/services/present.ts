import { CATEGORIES, type Category, type ExportComment } from "@sift/shared";
import type { FlagRow } from "../db/flag-repo";

/** One flag as the export shows it. */
export type ExportFlag = ExportComment["flags"][number];

/** Flag rows as the export and the API show them. */
export function presentFlag(row: Pick<FlagRow, "category" | "rule" | "evidence" | "start_offset" | "end_offset" | "explanation" | "confidence" | "action">): ExportFlag {
  return {
    category: row.category,
    rule: row.rule,
    evidence: row.evidence,
    start: row.start_offset,
    end: row.end_offset,
    explanation: row.explanation,
    confidence: row.confidence,
    ...(row.action ? { action: row.action } : {}),
  };
}

/** Groups flag rows by comment id, keeping the order the rules raised them. */
export function groupFlags(rows: readonly FlagRow[]): Map<string, ExportFlag[]> {
  const byComment = new Map<string, ExportFlag[]>();
  for (const row of rows) {
    const list = byComment.get(row.comment_id);
    if (list) list.push(presentFlag(row));
    else byComment.set(row.comment_id, [presentFlag(row)]);
  }
  return byComment;
}

/** The queue rank of a comment held by a site rule: ahead of every category, because the site asked for it to be seen first. */
export const HELD_RANK = -1;

/**
 * The review queue's rank of a comment: HELD_RANK when a site rule holds it, else the most severe
 * category among its flags (0 = threat … 5 = off_topic), or null when it has none.
 */
export function severityOf(flags: readonly { category: Category; action?: string | null }[]): number | null {
  if (flags.some((f) => f.action === "hold")) return HELD_RANK;
  let rank: number | null = null;
  for (const f of flags) {
    const r = CATEGORIES.indexOf(f.category);
    if (rank === null || r < rank) rank = r;
  }
  return rank;
}
