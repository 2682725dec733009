import type { Flag } from "@sift/shared";
import { evaluateThread } from "@sift/shared/rules";
import { Command } from "commander";
import { runAction } from "./context";
import { siteRuleCommands } from "./site-rules-command";

interface RulesTestOptions {
  context?: string;
  json?: boolean;
}

/** `sift rules test "text"`: what the rules say about one comment, with the reasons, without touching a database. */
export function rulesCommand(): Command {
  const test = new Command("test")
    .description("print the flags the rules raise on one comment, with rule, evidence, explanation and confidence")
    .argument("<text>", "the comment text")
    .option("--context <article>", "article text the comment is posted under (lets the off-topic rule judge relevance)")
    .option("--json", "print one JSON document on stdout")
    .action(
      runAction(async (text: string, options: RulesTestOptions) => {
        const flags = flagComment(text, options.context ?? "");
        const out = options.json ? `${JSON.stringify({ flags })}\n` : formatFlags(flags);
        await new Promise<void>((done, fail) => process.stdout.write(out, (err) => (err ? fail(err) : done())));
      }),
    );
  const rules = new Command("rules").description("try the rules on a piece of text; list and change the site's own rules").addCommand(test);
  for (const command of siteRuleCommands()) rules.addCommand(command);
  return rules;
}

/** Runs the rules exactly as an import would, on a thread of one comment under the given article. */
function flagComment(text: string, article: string): Flag[] {
  const thread = {
    article: { title: "", body: article },
    comments: [{ external_id: "1", parent_external_id: null, author: "", body: text }],
  };
  return evaluateThread(thread)[0] ?? [];
}

function formatFlags(flags: readonly Flag[]): string {
  if (flags.length === 0) return "no flags\n";
  const blocks = flags.map((f) => {
    const where = f.start === null || f.end === null ? "whole comment" : `characters ${f.start}-${f.end}`;
    return [
      `${f.category}  ${f.rule}  confidence ${f.confidence.toFixed(2)}`,
      `  evidence: ${JSON.stringify(f.evidence)} (${where})`,
      `  ${f.explanation}`,
    ].join("\n");
  });
  return `${flags.length} ${flags.length === 1 ? "flag" : "flags"}\n${blocks.join("\n")}\n`;
}
