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
  /** Hours a session may sit unused before it expires. */
  SIFT_SESSION_IDLE_HOURS: optional(z.coerce.number().positive().max(24 * 365).default(12)),
  /** Session cookie's Secure flag: `auto` sets it when the request came over https (see SIFT_TRUST_PROXY). */
  SIFT_COOKIE_SECURE: optional(z.enum(["auto", "true", "false"]).default("auto")),
  /** Express's `trust proxy`: how many proxies (or `true`) sit in front, for https detection and client addresses. */
  SIFT_TRUST_PROXY: optional(z.union([z.coerce.number().int().min(0).max(10), z.enum(["true", "false"])]).default(0)),
  /** Largest JSON request body, in bytes. */
  SIFT_BODY_LIMIT: optional(z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(100 * 1024)),
  /** Largest file the browser may upload to POST /api/imports, in megabytes (streamed to disk, never held in memory). */
  SIFT_MAX_UPLOAD_MB: optional(z.coerce.number().positive().max(10 * 1024).default(50)),
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
  sessionIdleMs: number;
  cookieSecure: "auto" | "always" | "never";
  trustProxy: number | boolean;
  bodyLimitBytes: number;
  /** Largest upload to POST /api/imports, in bytes. */
  maxUploadBytes: number;
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
    sessionIdleMs: e.SIFT_SESSION_IDLE_HOURS * 3_600_000,
    cookieSecure: e.SIFT_COOKIE_SECURE === "auto" ? "auto" : e.SIFT_COOKIE_SECURE === "true" ? "always" : "never",
    trustProxy: typeof e.SIFT_TRUST_PROXY === "number" ? e.SIFT_TRUST_PROXY : e.SIFT_TRUST_PROXY === "true",
    bodyLimitBytes: e.SIFT_BODY_LIMIT,
    maxUploadBytes: Math.floor(e.SIFT_MAX_UPLOAD_MB * 1024 * 1024),
  };
  if (options.createDataDir ?? true) mkdirSync(dirname(config.dbPath), { recursive: true });
  return Object.freeze(config);
}
