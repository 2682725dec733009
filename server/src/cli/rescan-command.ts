import { Command } from "commander";
import { cliActor } from "../services/audit-service";
import { rescanThreads, type RescannedThread } from "../services/rescan-service";
import { CliError, cliContext, openCliDatabase, runAction } from "./context";

interface RescanOptions {
  thread?: string;
  json?: boolean;
  db?: string;
}

function summarise(t: RescannedThread): string {
  return `"${t.title}": ${t.comments} comments, ${t.flagged} flagged, ${t.changed} with changed flags -> ${t.id}`;
}

/** `sift rescan`: re-runs the current rules on stored comments; statuses and decisions are left as they are. */
export function rescanCommand(): Command {
  return new Command("rescan")
    .description("re-run the built-in and the site's rules on stored comments (moderators' statuses and decisions are kept)")
    .option("--thread <id>", "only this thread")
    .option("--json", "print one JSON document on stdout")
    .option("--db <path>", "SQLite database (default $SIFT_DB, else data/sift.db)")
    .action(
      runAction(async (options: RescanOptions) => {
        const ctx = cliContext(options.db);
        const db = openCliDatabase(ctx.dbPath);
        let threads: RescannedThread[];
        try {
          threads = rescanThreads(db, { threadId: options.thread, actor: cliActor() });
        } catch (err) {
          throw new CliError(`${ctx.dbPath}: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          db.close();
        }
        const out = options.json
          ? `${JSON.stringify({ threads })}\n`
          : threads.length === 0
            ? "no threads to rescan\n"
            : `${threads.map(summarise).join("\n")}\n`;
        await new Promise<void>((done, fail) => process.stdout.write(out, (err) => (err ? fail(err) : done())));
      }),
    );
}
