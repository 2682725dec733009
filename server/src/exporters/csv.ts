import type { ExportDocument, ReportSummary } from "@sift/shared";
import { stringify } from "csv-stringify/sync";

export const CSV_COLUMNS = [
  "thread_id",
  "thread_title",
  "position",
  "comment_id",
  "parent_id",
  "author",
  "posted_at",
  "status",
  "decision",
  "moderator",
  "reason",
  "decided_at",
  "categories",
  "rules",
  "body",
] as const;

export const RULES_CSV_COLUMNS = ["rule", "category", "hits", "pending", "approved", "removed", "precision"] as const;

/**
 * Spreadsheets execute a cell that starts with = + - @ (or a tab/CR that hides one) as a
 * formula; commenters control these strings, so such cells get a leading apostrophe (OWASP CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function toCsv(columns: readonly string[], rows: string[][]): string {
  return stringify(rows, { header: true, columns: [...columns], record_delimiter: "\r\n" });
}

/** One row per comment, in thread then page order, with the decision that set its status. */
export function renderCsv(doc: ExportDocument): string {
  const rows: string[][] = [];
  for (const thread of doc.threads) {
    for (const c of thread.comments) {
      const d = c.decision ?? null;
      rows.push(
        [
          thread.id,
          thread.title,
          String(c.position),
          c.id,
          c.parent_id ?? "",
          c.author,
          c.posted_at ?? "",
          c.status,
          d?.action ?? "",
          d?.moderator ?? "",
          d?.reason ?? "",
          d?.decided_at ?? "",
          unique(c.flags.map((f) => f.category)).join(";"),
          unique(c.flags.map((f) => f.rule)).join(";"),
          c.body,
        ].map(neutraliseCell),
      );
    }
  }
  return toCsv(CSV_COLUMNS, rows);
}

/** The per-rule table (`export --format csv --table rules`): hits, what moderators made of them, precision. */
export function renderRulesCsv(summary: ReportSummary): string {
  const rows = summary.rules.map((r) =>
    [r.rule, r.category, String(r.hits), String(r.pending), String(r.approved), String(r.removed), r.precision === null ? "" : r.precision.toFixed(3)].map(
      neutraliseCell,
    ),
  );
  return toCsv(RULES_CSV_COLUMNS, rows);
}
