import type { RequestHandler } from "express";
import { ForbiddenError } from "../errors";

/** The header the client sends with every request (client/src/api/http.ts). */
export const CSRF_HEADER = "x-sift-csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that another site could have made with the user's cookie.
 * A page on another origin cannot add a custom header without a CORS preflight (which Sift never
 * grants), so requiring one blocks forms and simple fetches; Sec-Fetch-Site and Origin, when the
 * browser sends them, must also say the request came from Sift's own pages.
 */
export function csrfGuard(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      return next(new ForbiddenError("cross-site request refused", "csrf"));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== "null") {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.headers.host) return next(new ForbiddenError("cross-origin request refused", "csrf"));
    } else if (origin === "null") {
      return next(new ForbiddenError("cross-origin request refused", "csrf"));
    }
    if (req.headers[CSRF_HEADER] !== "1") return next(new ForbiddenError(`missing ${CSRF_HEADER} header`, "csrf"));
    next();
  };
}
