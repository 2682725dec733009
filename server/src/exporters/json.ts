import type { ReportDocument } from "@sift/shared";
import { documentSource, joinChunks, type ReportSource } from "./report-source";

const indent = (json: string, spaces: number): string => json.replace(/\n/g, `\n${" ".repeat(spaces)}`);

/**
 * The CONTRACT's JSON export plus its summary, written a comment at a time. The text is exactly
 * what JSON.stringify(document, null, 2) gives, so streaming changes nothing for a reader.
 */
export function* jsonChunks(source: ReportSource): Generator<string> {
  yield `{\n  "generated_at": ${JSON.stringify(source.generated_at)},\n  "threads": [`;
  let firstThread = true;
  for (const { thread, comments } of source.threads) {
    const head = JSON.stringify(thread, null, 2);
    yield `${firstThread ? "" : ","}\n    ${indent(head.slice(0, -2), 4)},\n      "comments": [`;
    firstThread = false;
    let batch = "";
    let firstComment = true;
    for (const comment of comments) {
      batch += `${firstComment ? "" : ","}\n        ${indent(JSON.stringify(comment, null, 2), 8)}`;
      firstComment = false;
      if (batch.length > 64_000) {
        yield batch;
        batch = "";
      }
    }
    yield `${batch}${firstComment ? "]" : "\n      ]"}\n    }`;
  }
  yield `${firstThread ? "]" : "\n  ]"},\n  "summary": ${indent(JSON.stringify(source.summary(), null, 2), 2)}\n}\n`;
}

/** The JSON export of a document in memory. */
export function renderJson(doc: ReportDocument): string {
  return joinChunks(jsonChunks(documentSource(doc)));
}
