import { existsSync } from "node:fs";
import { Command } from "commander";
import { backupDatabase, checkDatabaseIntegrity } from "../db/maintenance";
import { countSeverityMismatches } from "../db/comment-repo";
import { areViewCountsConsistent } from "../services/queue-service";
import { isSearchIndexConsistent } from "../services/search-service";
import { CliError, cliContext, openCliDatabase, resolveUserPath, runAction } from "./context";

const DB_HELP = "SQLite database (default $SIFT_DB, else data/sift.db)";

/** `sift backup FILE`: a consistent copy while the server keeps running. */
export function backupCommand(): Command {
  return new Command("backup")
    .description("copy the database with SQLite's online backup (safe while the server runs)")
    .argument("<file>", "where to write the copy (must not exist)")
    .option("--db <path>", DB_HELP)
    .action(
      runAction(async (file: string, options: { db?: string }) => {
        const ctx = cliContext(options.db);
        const out = resolveUserPath(ctx, file);
        if (existsSync(out)) throw new CliError(`${file}: already exists; choose a new file name`);
        if (!existsSync(ctx.dbPath)) throw new CliError(`${ctx.dbPath}: no such database`);
        const db = openCliDatabase(ctx.dbPath);
        try {
          const { totalPages } = await backupDatabase(db, out);
          process.stdout.write(`backed up ${ctx.dbPath} to ${out} (${totalPages} pages)\n`);
        } catch (err) {
          throw new CliError(`${file}: backup failed (${err instanceof Error ? err.message : String(err)})`);
        } finally {
          db.close();
        }
      }),
    );
}

/** `sift check`: integrity, foreign keys, search index and view counts; exit 1 when anything is wrong. */
export function checkCommand(): Command {
  return new Command("check")
    .description("check the database's integrity")
    .option("--db <path>", DB_HELP)
    .action(
      runAction((options: { db?: string }) => {
        const ctx = cliContext(options.db);
        if (!existsSync(ctx.dbPath)) throw new CliError(`${ctx.dbPath}: no such database`);
        const db = openCliDatabase(ctx.dbPath);
        try {
          const problems = checkDatabaseIntegrity(db);
          // Derived data a bulk import fills outside its per-row triggers: worth a check after a crash or restore.
          if (!isSearchIndexConsistent(db)) problems.push("the search index disagrees with the comments");
          if (!areViewCountsConsistent(db)) problems.push("the view counts disagree with the comments");
          const mismatched = countSeverityMismatches(db);
          if (mismatched > 0) problems.push(`${mismatched} comment(s) whose severity disagrees with their flags`);
          if (problems.length > 0) throw new CliError(`${ctx.dbPath}: ${problems.length} problem(s): ${problems.slice(0, 5).join("; ")}`);
          process.stdout.write(`${ctx.dbPath}: ok\n`);
        } finally {
          db.close();
        }
      }),
    );
}
