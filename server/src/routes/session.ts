import type { CookieOptions, Request, RequestHandler } from "express";
import { Router } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { signIn, signOut } from "../services/auth-service";
import { readSessionToken, requireSession, SESSION_COOKIE, sessionUser, type AuthOptions } from "./auth-middleware";
import { SignInBodySchema } from "./session-schema";

function cookieOptions(req: Request, options: AuthOptions): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: options.cookieSecure === "always" || (options.cookieSecure === "auto" && req.secure),
    path: "/",
  };
}

/**
 * Failed sign-ins per account and address: guessing one account's password from one place is
 * slowed to `signInLimit` tries per window, and an unknown account is limited exactly like a known
 * one. A second, wider limit per address (10x) slows trying one password on many accounts.
 * Successful sign-ins are not counted.
 */
function signInLimiter(options: AuthOptions, scope: "account" | "address"): RequestHandler {
  return rateLimit({
    windowMs: options.signInWindowMs,
    limit: scope === "account" ? options.signInLimit : options.signInLimit * 10,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { username?: unknown } | undefined;
      const username = typeof body?.username === "string" ? body.username.trim().toLowerCase().slice(0, 100) : "";
      const address = ipKeyGenerator(req.ip ?? "unknown");
      return scope === "account" ? `${address}|${username}` : address;
    },
    handler: (_req, _res, next) => {
      next(new AppError("too_many_attempts", "Too many failed sign-in attempts. Wait a few minutes and try again.", 429));
    },
  });
}

/** POST /api/session signs in, GET /api/session says who is signed in, DELETE /api/session signs out. */
export function sessionRouter(db: Db, options: AuthOptions): Router {
  const router = Router();
  router.post("/session", signInLimiter(options, "address"), signInLimiter(options, "account"), async (req, res) => {
    const credentials = SignInBodySchema.parse(req.body ?? {});
    const session = await signIn(db, credentials, { idleMs: options.idleMs, now: options.now(), address: req.ip });
    res.cookie(SESSION_COOKIE, session.token, cookieOptions(req, options));
    res.json({ user: session.user });
  });
  router.get("/session", requireSession(db, options), (_req, res) => {
    res.json({ user: sessionUser(res) });
  });
  router.delete("/session", requireSession(db, options), (req, res) => {
    const token = readSessionToken(req);
    if (token) signOut(db, token, sessionUser(res));
    res.clearCookie(SESSION_COOKIE, cookieOptions(req, options));
    res.status(204).end();
  });
  return router;
}
