import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { createApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { openDatabase, type Db } from "./db/connection";
import { migrate } from "./db/migrate";
import { countThreads } from "./db/thread-repo";
import { importFile } from "./services/import-service";
import { ensureAdminUser } from "./services/user-service";

const DEMO_THREAD = fileURLToPath(new URL("../demo/demo-thread.txt", import.meta.url));

let config;
try {
  config = loadConfig();
} catch (err) {
  process.stderr.write(`sift: ${err instanceof ConfigError ? err.message : String(err)}\n`);
  process.exit(1);
}
const logger = pino({ level: config.logLevel });
let db: Db;
try {
  db = openDatabase(config.dbPath);
  migrate(db);
  // This connection serves every request on one thread: waiting on another process's (or an import
  // worker's) write lock blocks all of them, so give up after 1 s (a 503 "busy") rather than 5.
  db.pragma("busy_timeout = 1000");
} catch (err) {
  // e.g. a database from a different version of Sift: say so in one line and refuse to start.
  process.stderr.write(`sift: ${config.dbPath}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

// A fresh install shows something to moderate; a failed demo import must not stop the server.
if (countThreads(db) === 0) {
  try {
    const [demo] = importFile(db, DEMO_THREAD, { format: "text-page", displayName: "demo-thread.txt" });
    logger.info({ thread: demo?.id, comments: demo?.comments, flagged: demo?.flagged }, "imported the demo thread");
  } catch (err) {
    logger.warn({ err }, "could not import the demo thread");
  }
}

// First start: the admin account. A generated password goes to stderr once, never to the log.
const admin = await ensureAdminUser(db, config.adminPassword);
if (admin.created && admin.generatedPassword) {
  process.stderr.write(
    `\nSift created the user "${admin.username}" with this password (shown once, it is not stored anywhere readable):\n\n    ${admin.generatedPassword}\n\nSign in and change it with: npm run cli -- users passwd ${admin.username}\n\n`,
  );
} else if (admin.created) {
  logger.info({ user: admin.username }, "created the admin user from SIFT_ADMIN_PASSWORD");
}

const app = createApp({
  db,
  logger,
  auth: { idleMs: config.sessionIdleMs, cookieSecure: config.cookieSecure },
  bodyLimitBytes: config.bodyLimitBytes,
  trustProxy: config.trustProxy,
  uploads: { maxBytes: config.maxUploadBytes },
});
const server = app.listen(config.port, () => {
  // The bound port, not the configured one: PORT=0 picks a free port (tests start servers that way).
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, db: config.dbPath }, `Sift is listening on http://localhost:${port}`);
});
server.on("error", (err) => {
  logger.fatal({ err }, "could not start the server");
  db.close();
  process.exit(1);
});

/** How long shutdown waits for in-flight requests (an upload's import can take a while) before cutting them off. */
const SHUTDOWN_GRACE_MS = 30_000;
let shuttingDown = false;

/**
 * Stops taking connections, lets in-flight requests finish, then closes the database (which
 * checkpoints the WAL into the main file) and exits 0. Requests still running after the grace
 * period are cut off (exit 1); a second signal exits at once.
 */
function shutdown(signal: string): void {
  if (shuttingDown) {
    logger.warn({ signal }, "second signal: exiting without waiting");
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal }, "shutting down: waiting for in-flight requests");
  let cutOff = false;
  // Keep-alive connections hold server.close open; close each as soon as it has no request running.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  server.close(() => {
    clearInterval(idleSweep);
    db.close();
    logger.info("database closed; bye");
    process.exit(cutOff ? 1 : 0);
  });
  server.closeIdleConnections();
  setTimeout(() => {
    cutOff = true;
    logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "requests still running after the grace period: closing their connections");
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
