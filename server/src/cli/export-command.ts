import { createWriteStream, renameSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ReportScopeSchema } from "@sift/shared";
import { Command, Option } from "commander";
import { EXPORT_FORMATS, EXPORT_TABLES, type ExportFormat, type ExportTable } from "../services/export-service";
import { openReportStream } from "../services/report-service";
import { CliError, cliContext, openCliDatabase, resolveUserPath, runAction } from "./context";

interface ExportOptions {
  format: ExportFormat;
  thread: string[];
  since?: string;
  until?: string;
  table: ExportTable;
  out?: string;
  db?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Validates the scope options, naming the one that is wrong. */
function parseScope(options: ExportOptions) {
  const parsed = ReportScopeSchema.safeParse({ threads: options.thread, since: options.since, until: options.until });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] === "threads" ? "--thread" : `--${String(issue.path[0] ?? "scope")}`;
    throw new CliError(`${field}: ${issue.message}`);
  }
  if (options.table === "rules" && options.format !== "csv") throw new CliError("--table rules is a CSV table: use it with --format csv");
  return parsed.data;
}

/** `sift export`: a moderation report of some threads or a date range as JSON, CSV or HTML, to stdout or a file. */
export function exportCommand(): Command {
  return new Command("export")
    .description("write a moderation report: comments, statuses, flags, decisions and summary figures")
    .addOption(new Option("--format <format>", "report format").choices([...EXPORT_FORMATS]).default("json"))
    .option("--thread <id>", "only this thread (repeat for several)", collect, [])
    .option("--since <date>", "only comments posted on or after this day or time (ISO 8601)")
    .option("--until <date>", "only comments posted on or before this day or time (ISO 8601; a day is inclusive)")
    .addOption(new Option("--table <table>", "for CSV: one row per comment, or the per-rule table").choices([...EXPORT_TABLES]).default("comments"))
    .option("--out <file>", "write to a file instead of stdout")
    .option("--db <path>", "SQLite database (default $SIFT_DB, else data/sift.db)")
    .action(
      runAction(async (options: ExportOptions) => {
        const scope = parseScope(options);
        const ctx = cliContext(options.db);
        const db = openCliDatabase(ctx.dbPath);
        try {
          let chunks: Iterable<string>;
          try {
            chunks = openReportStream(db, scope, options.format, options.table);
          } catch (err) {
            throw new CliError(`${ctx.dbPath}: ${err instanceof Error ? err.message : String(err)}`);
          }
          if (options.out) await writeToFile(chunks, resolveUserPath(ctx, options.out), options.out);
          else await pipeline(Readable.from(chunks), process.stdout, { end: false });
        } finally {
          db.close();
        }
      }),
    );
}

/**
 * Streams the report into `<file>.partial` and renames it when complete, so a failed or
 * interrupted export never leaves a truncated report under the name the user asked for.
 */
async function writeToFile(chunks: Iterable<string>, path: string, shown: string): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new CliError(`${shown}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : "error")})`);
  }
}
