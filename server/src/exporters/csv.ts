import type { ExportDocument } from "@sift/shared";
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
  "categories",
  "rules",
  "body",
] as const;

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

/** One row per comment, in thread then page order. */
export function renderCsv(doc: ExportDocument): string {
  const rows: string[][] = [];
  for (const thread of doc.threads) {
    for (const c of thread.comments) {
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
          unique(c.flags.map((f) => f.category)).join(";"),
          unique(c.flags.map((f) => f.rule)).join(";"),
          c.body,
        ].map(neutraliseCell),
      );
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: "\r\n" });
}
