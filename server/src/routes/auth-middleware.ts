import type { Request, RequestHandler, Response } from "express";
import type { Db } from "../db/connection";
import type { UserRole } from "../db/user-repo";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { hasRole, resolveSession, type SessionUser } from "../services/auth-service";

export const SESSION_COOKIE = "sift_session";

/** How sessions behave; index.ts fills it from the config, tests override the clock or limits. */
export interface AuthOptions {
  /** A session unused this long expires. */
  idleMs: number;
  /** `auto`: Secure when the request came over https (req.secure, honouring `trust proxy`). */
  cookieSecure: "auto" | "always" | "never";
  /** Failed sign-ins allowed per account and address in `signInWindowMs`. */
  signInLimit: number;
  signInWindowMs: number;
  /** The clock, for expiry tests. */
  now: () => Date;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  idleMs: 12 * 3_600_000,
  cookieSecure: "auto",
  signInLimit: 5,
  signInWindowMs: 15 * 60_000,
  now: () => new Date(),
};

/** The session token from the Cookie header (no cookie-parser: this is the only cookie Sift reads). */
export function readSessionToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The signed-in user, set by `requireSession`. */
export function sessionUser(res: Response): SessionUser {
  const user = res.locals.user as SessionUser | undefined;
  if (!user) throw new UnauthorizedError();
  return user;
}

/**
 * 401 unless the request carries a live session. Sets res.locals.user, and res.locals.moderator
 * (the name the decision log records).
 */
export function requireSession(db: Db, options: AuthOptions): RequestHandler {
  return (req, res, next) => {
    const token = readSessionToken(req);
    const user = token ? resolveSession(db, token, { idleMs: options.idleMs, now: options.now() }) : undefined;
    if (!user) return next(new UnauthorizedError());
    res.locals.user = user;
    res.locals.moderator = user.username;
    next();
  };
}

/** 403 unless the signed-in user has at least `role` (admin > moderator > viewer). */
export function requireRole(role: UserRole): RequestHandler {
  return (_req, res, next) => {
    if (!hasRole(sessionUser(res), role)) return next(new ForbiddenError(`this needs the ${role} role`));
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Viewers read and download; anything that changes state needs at least a moderator. A default for
 * every route, so a new endpoint is not writable by viewers by accident; admin-only routes add
 * `requireRole("admin")` themselves.
 */
export function readOnlyForViewers(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!hasRole(sessionUser(res), "moderator")) return next(new ForbiddenError("viewers can read but not change anything"));
    next();
  };
}
