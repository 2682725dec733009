import type { ParseResult } from "@sift/shared";
import type { Importer } from "./registry";

/** Placeholder until the text-page parser lands. */
export function parseTextPage(_text: string): ParseResult {
  return { ok: false, issues: [{ message: "text pages are not supported yet" }] };
}

export const textPageImporter: Importer = {
  name: "text-page",
  description: "a comment page saved as plain text (wpDiscuz, Disqus, WordPress, Facebook, Commento, Hyvor)",
  detect: () => 0.1,
  parse: (text) => parseTextPage(text),
};
