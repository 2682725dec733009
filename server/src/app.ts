import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import type { Db } from "./db/connection";
import { NotFoundError } from "./errors";
import { DEFAULT_AUTH_OPTIONS, readOnlyForViewers, requireSession, type AuthOptions } from "./routes/auth-middleware";
import { auditRouter } from "./routes/audit";
import { commentsRouter } from "./routes/comments";
import { csrfGuard } from "./routes/csrf";
import { errorHandler } from "./routes/error-handler";
import { healthRouter } from "./routes/health";
import { importsRouter, type UploadOptions } from "./routes/imports";
import { securityHeaders } from "./routes/security-headers";
import { sessionRouter } from "./routes/session";
import { threadsRouter } from "./routes/threads";
import { platformExportsRouter } from "./routes/platform-exports";
import { reportsRouter } from "./routes/reports";
import { rulesRouter } from "./routes/rules";
import { usersRouter } from "./routes/users";

/** The built dashboard (`npm run build` writes it). */
export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL("../../dist/client/", import.meta.url));

export interface AppDeps {
  db: Db;
  /** Request and error logging; tests leave it out. */
  logger?: Logger;
  /** Where the built client lives; null to serve the API only. */
  clientDir?: string | null;
  /** Session lifetime, cookie and sign-in limits; defaults suit tests and `npm start`. */
  auth?: Partial<AuthOptions>;
  /** Largest JSON body in bytes (default 100 KB). */
  bodyLimitBytes?: number;
  /** Express's `trust proxy` (for https detection and client addresses behind a proxy). */
  trustProxy?: number | boolean;
  /** Upload limit, temp directory and import runner for POST /api/imports (default 50 MB, a worker thread). */
  uploads?: Partial<UploadOptions>;
}

function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      logger.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  };
}

/** Serves the single-page client: static files, and index.html for every other non-API path. */
function serveClient(app: Express, clientDir: string): void {
  const index = join(clientDir, "index.html");
  if (!existsSync(index)) return;
  app.use(express.static(clientDir, { index: false }));
  app.get("/{*splat}", (_req, res) => {
    res.sendFile(index);
  });
}

/** The Express app over a database: the HTTP adapter over the services (index.ts and tests build it). */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.trustProxy ?? 0);
  app.use(securityHeaders());
  if (deps.logger) app.use(requestLogger(deps.logger));
  const auth: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...deps.auth };
  app.use("/api", (_req, res, next) => {
    res.set("Cache-Control", "no-store"); // answers depend on who is signed in
    next();
  });
  app.use("/api", csrfGuard(), express.json({ limit: deps.bodyLimitBytes ?? 100 * 1024 }));
  // Public: health and signing in. Everything mounted after requireSession needs a session.
  app.use("/api", healthRouter(deps.db), sessionRouter(deps.db, auth));
  app.use("/api", requireSession(deps.db, auth), readOnlyForViewers());
  app.use("/api", importsRouter(deps.db, deps.uploads), threadsRouter(deps.db), commentsRouter(deps.db));
  app.use("/api", auditRouter(deps.db), usersRouter(deps.db), rulesRouter(deps.db), reportsRouter(deps.db), platformExportsRouter(deps.db));
  app.use("/api", (req, _res, next) => next(new NotFoundError(`no API route ${req.method} ${req.path}`)));
  const clientDir = deps.clientDir === undefined ? DEFAULT_CLIENT_DIR : deps.clientDir;
  if (clientDir) serveClient(app, clientDir);
  app.use(errorHandler(deps.logger));
  return app;
}
