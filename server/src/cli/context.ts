import { isAbsolute, resolve } from "node:path";
import { loadConfig } from "../config";
import { openDatabase, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { AppError } from "../errors";

/** Where relative paths resolve and which database to use, from the environment and `--db`. */
export interface CliContext {
  baseDir: string;
  dbPath: string;
}

export function cliContext(dbOption: string | undefined): CliContext {
  const config = loadConfig(process.env, { createDataDir: false });
  return { baseDir: config.baseDir, dbPath: dbOption ? resolve(config.baseDir, dbOption) : config.dbPath };
}

/** A user's path, resolved against the directory they ran the command from (npm run moves cwd). */
export function resolveUserPath(ctx: CliContext, path: string): string {
  return isAbsolute(path) ? path : resolve(ctx.baseDir, path);
}

/** Opens and migrates the database; failures name the database file. */
export function openCliDatabase(dbPath: string): Db {
  let db: Db | undefined;
  try {
    db = openDatabase(dbPath);
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw new CliError(`${dbPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** An error whose message is already the one line the user should see. */
export class CliError extends Error {}

/** One line for stderr: known errors as they are, anything else with its message only (no stack). */
export function oneLine(err: unknown): string {
  const message = err instanceof CliError || err instanceof AppError || err instanceof Error ? err.message : String(err);
  return `sift: ${message.replace(/\s*\n\s*/g, " ")}`;
}

/** Wraps a command action so a failure prints one line on stderr and exits non-zero. */
export function runAction<A extends unknown[]>(action: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (err) {
      process.stderr.write(`${oneLine(err)}\n`);
      process.exitCode = 1;
    }
  };
}
