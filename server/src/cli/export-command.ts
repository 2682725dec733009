import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { buildExportDocument, EXPORT_FORMATS, renderExport, type ExportFormat } from "../services/export-service";
import { exportPlatformFormat, PLATFORM_EXPORT_FORMATS, type PlatformExportFormat } from "../services/platform-export-service";
import { CliError, cliContext, openCliDatabase, resolveUserPath, runAction } from "./context";

interface ExportOptions {
  format: ExportFormat | PlatformExportFormat;
  thread?: string;
  all?: boolean;
  out?: string;
  db?: string;
}

/** `sift export`: the report of every thread (or one) as JSON, CSV or HTML, to stdout or a file. */
export function exportCommand(): Command {
  return new Command("export")
    .description("write a report of threads, comments, statuses and flags")
    .addOption(new Option("--format <format>", "report format").choices([...EXPORT_FORMATS, ...PLATFORM_EXPORT_FORMATS]).default("json"))
    .option("--thread <id>", "only this thread")
    .option("--all", "wxr, disqus-xml: every thread of the one imported file (the default without --thread)")
    .option("--out <file>", "write to a file instead of stdout")
    .option("--db <path>", "SQLite database (default $SIFT_DB, else data/sift.db)")
    .action(
      runAction(async (options: ExportOptions) => {
        const ctx = cliContext(options.db);
        const db = openCliDatabase(ctx.dbPath);
        let text: string | Uint8Array;
        try {
          text =
            exportPlatformFormat(db, options.format, options) ??
            renderExport(buildExportDocument(db, { threadId: options.thread }), options.format as ExportFormat);
        } catch (err) {
          throw new CliError(`${ctx.dbPath}: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          db.close();
        }
        if (options.out) {
          const out = resolveUserPath(ctx, options.out);
          try {
            writeFileSync(out, text);
          } catch (err) {
            throw new CliError(`${options.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? "error"})`);
          }
        } else {
          await new Promise<void>((done, fail) => process.stdout.write(text, (err) => (err ? fail(err) : done())));
        }
      }),
    );
}
