import { Command, Option } from "commander";
import { cliActor } from "../services/audit-service";
import { existsSync } from "node:fs";
import type { ImportedThread } from "../services/import-service";
import { discardPrepared, prepareFileStreamed, storeStreamedFile, type StreamedPreparation } from "../services/import-stream";
import { loadSiteRuleSet } from "../services/rule-service";
import { supportedFormats } from "../importers/registry";
import { progressFor } from "./import-progress-bar";
import { cliContext, openCliDatabase, resolveUserPath, runAction } from "./context";

interface ImportOptions {
  format: string;
  json?: boolean;
  db?: string;
  lowMemory?: boolean;
}

function summarise(file: string, threads: ImportedThread[]): string {
  return threads
    .map((t) => `${file}: "${t.title}" (${t.format}) ${t.comments} comments, ${t.flagged} flagged -> ${t.id}`)
    .join("\n");
}

/**
 * `sift import <file...>`: every file is parsed and checked before the database is touched, so a
 * bad file among several leaves the database as it was; then each file is stored in its own transaction.
 */
export function importCommand(): Command {
  return new Command("import")
    .description("parse comment files, run the rules and store threads, comments and flags")
    .argument("<file...>", "files to import")
    .addOption(new Option("--format <name>", `input format: auto or one of ${supportedFormats()}`).default("auto"))
    .option("--json", "print one JSON document on stdout")
    .option("--db <path>", "SQLite database (default $SIFT_DB, else data/sift.db)")
    .option("--low-memory", "run the rules before the store on one thread, not on a second one during it: slower on large files, about 200 MB less at peak")
    .action(
      runAction(async (files: string[], options: ImportOptions) => {
        const ctx = cliContext(options.db);
        // The site's own rules live in the database; a database that does not exist yet has none
        // (and is only created once every file has parsed).
        const existing = existsSync(ctx.dbPath) ? openCliDatabase(ctx.dbPath) : undefined;
        const prepared: StreamedPreparation[] = [];
        const progress = progressFor(options.json === true);
        try {
          const siteRules = existing ? loadSiteRuleSet(existing) : undefined;
          for (const file of files) {
            // Read and parsed before any write lock, into a spool on disk for large files. A small
            // file's rules run here too; a large one's run on a worker while the store writes.
            prepared.push(
              await prepareFileStreamed(resolveUserPath(ctx, file), {
                format: options.format,
                displayName: file,
                siteRules,
                progress,
                ...(options.lowMemory ? { rulesOnWorker: false } : {}),
              }),
            );
          }
        } catch (err) {
          progress.stop();
          existing?.close();
          prepared.forEach(discardPrepared);
          throw err;
        }
        const db = existing ?? openCliDatabase(ctx.dbPath);
        try {
          const results = prepared.map((p) => ({ file: p.file, threads: storeStreamedFile(db, p, { actor: cliActor(), progress }) }));
          progress.stop();
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ threads: results.flatMap((r) => r.threads) })}\n`);
          } else {
            for (const r of results) process.stdout.write(`${summarise(r.file, r.threads)}\n`);
          }
        } finally {
          progress.stop();
          db.close();
          prepared.forEach(discardPrepared);
        }
      }),
    );
}

