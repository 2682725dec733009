import { Command } from "commander";
import { listAudit } from "../services/audit-service";
import { CliError, cliContext, openCliDatabase, runAction } from "./context";

/** `sift audit`: the audit log (imports, account changes, sign-ins), newest first; `--json` to export it. */
export function auditCommand(): Command {
  return new Command("audit")
    .description("show the audit log: imports, account changes and sign-ins, newest first")
    .option("--action <action>", "only this action, e.g. import, user.add, session.sign_in_failed")
    .option("--limit <n>", "at most this many entries", "100")
    .option("--json", "print one JSON document")
    .option("--db <path>", "SQLite database (default $SIFT_DB, else data/sift.db)")
    .action(
      runAction((options: { action?: string; limit: string; json?: boolean; db?: string }) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit ${options.limit}: not a positive whole number`);
        const db = openCliDatabase(cliContext(options.db).dbPath);
        try {
          const { events } = listAudit(db, { limit, action: options.action });
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ events })}\n`);
            return;
          }
          for (const e of events) {
            process.stdout.write(`${e.at}  ${e.actor}  ${e.action}${e.target ? ` ${e.target}` : ""}  ${JSON.stringify(e.detail)}\n`);
          }
        } finally {
          db.close();
        }
      }),
    );
}
