import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

// Empty variables (`PORT= npm start`) mean "not set", not "invalid".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const EnvSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535).default(8080)),
  SIFT_DB: optional(z.string().default("data/sift.db")),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  SIFT_ADMIN_PASSWORD: optional(z.string().optional()),
  /** Set by npm to the directory the user ran `npm run` from (npm itself moves to the package root). */
  INIT_CWD: optional(z.string().optional()),
});

/** Everything Sift reads from its environment, parsed once. */
export interface Config {
  port: number;
  /** Absolute path of the SQLite database. */
  dbPath: string;
  /** Where relative paths given by the user resolve: the directory they ran the command from. */
  baseDir: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  adminPassword: string | undefined;
}

/** Thrown when the environment is invalid; the message names the variable. */
export class ConfigError extends Error {}

/**
 * The only reader of process.env. Fails fast on an invalid variable and, unless told not to,
 * creates the database's directory so a fresh clone starts without a setup step.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { createDataDir?: boolean } = {}): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  const baseDir = e.INIT_CWD ?? process.cwd();
  const config: Config = {
    port: e.PORT,
    dbPath: resolve(baseDir, e.SIFT_DB),
    baseDir,
    logLevel: e.LOG_LEVEL,
    adminPassword: e.SIFT_ADMIN_PASSWORD,
  };
  if (options.createDataDir ?? true) mkdirSync(dirname(config.dbPath), { recursive: true });
  return Object.freeze(config);
}
