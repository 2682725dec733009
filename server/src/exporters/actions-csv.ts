import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "./csv";

/** The actions CSV's columns: enough for a script to apply each decision on the platform. */
export const ACTION_COLUMNS = [
  "platform",
  "thread_external_id",
  "comment_external_id",
  "action",
  "reason",
  "moderator",
  "decided_at",
  "rule_pack_version",
] as const;

export type ActionRow = Record<(typeof ACTION_COLUMNS)[number], string>;

/** One row per decided comment; cells a spreadsheet would run as formulas are neutralised. Pure. */
export function renderActionsCsv(rows: readonly ActionRow[]): string {
  const cells = rows.map((row) => ACTION_COLUMNS.map((column) => neutraliseCell(row[column])));
  // LF, not the report CSV's CRLF: this file is read by shell loops (`while IFS=, read …`), where a CR sticks to the last field.
  return stringify(cells, { header: true, columns: [...ACTION_COLUMNS], record_delimiter: "\n", quoted_match: /[\r\n]/ });
}
