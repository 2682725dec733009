import type { ExportDocument } from "@sift/shared";

/** The CONTRACT's JSON export: pretty-printed, newline-terminated. */
export function renderJson(doc: ExportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
