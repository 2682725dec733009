import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { AppError } from "../errors";

/** Errors body-parser raises for bad JSON or oversized bodies; their messages are safe to show. */
interface HttpParserError extends Error {
  status: number;
  type: string;
  expose: boolean;
}

function isParserError(err: unknown): err is HttpParserError {
  return err instanceof Error && typeof (err as Partial<HttpParserError>).status === "number" && (err as Partial<HttpParserError>).expose === true;
}

/** SQLite's write lock stayed taken past busy_timeout (e.g. an import is storing); the request can simply be retried. */
function isDatabaseBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * The one place errors become responses, always `{ error: { code, message, issues? } }`:
 * zod → 400 with issues, known errors → their status, anything else → 500, logged, never leaked.
 */
export function errorHandler(logger?: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      // A streamed response (a report download) failed part-way: the status is gone, so end the
      // connection and leave a note; a reader who went away is not a server fault.
      const gone = (err as NodeJS.ErrnoException)?.code === "ERR_STREAM_PREMATURE_CLOSE";
      if (!gone) logger?.error({ err, method: req.method, url: req.originalUrl }, "error while streaming a response");
      res.destroy();
      return;
    }
    if (err instanceof ZodError) {
      res.status(400).json({
        error: {
          code: "invalid_request",
          message: "The request is not valid.",
          issues: err.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })),
        },
      });
    } else if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } });
    } else if (isParserError(err) && err.status < 500) {
      const code = err.type === "entity.parse.failed" ? "invalid_json" : err.type === "entity.too.large" ? "payload_too_large" : "bad_request";
      res.status(err.status).json({ error: { code, message: err.message } });
    } else if (isDatabaseBusy(err)) {
      logger?.warn({ method: req.method, url: req.originalUrl }, "database busy");
      res.status(503).set("Retry-After", "5").json({ error: { code: "busy", message: "The database is busy (an import or another Sift command is writing). Nothing was changed; try again in a moment." } });
    } else {
      logger?.error({ err, method: req.method, url: req.originalUrl }, "unhandled error");
      res.status(500).json({ error: { code: "internal", message: "Something went wrong on the server." } });
    }
  };
}
