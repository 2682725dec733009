import type { Flag } from "@sift/shared";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { commentIdFor } from "../services/ids";
import { storePreparedFile } from "../services/import-service";
import { makeComment, makeThread } from "../services/test-fixtures";
import { addUser } from "../services/user-service";
import { CSRF_HEADER } from "./csrf";
import { signedInAgent, TEST_PASSWORD } from "./test-session";

const threat: Flag = { category: "threat", rule: "threat.test", evidence: "hurt", start: 5, end: 9, explanation: "x", confidence: 0.9 };

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
let clock: Date;
let commentId: string;

beforeEach(() => {
  t = createTestDb();
  const thread = makeThread({ comments: [makeComment("a", { body: "I'll hurt you" })] });
  const threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread, flags: [[threat]] }] })[0]!.id;
  commentId = commentIdFor(threadId, "a");
  clock = new Date("2026-11-25T10:00:00Z");
  app = createApp({ db: t.db, clientDir: null, auth: { now: () => clock, idleMs: 60 * 60_000, signInLimit: 3 } });
});
afterEach(() => t.cleanup());

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** Every route the app has, read from Express's router, so a route added later is covered too. */
function listApiRoutes(): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: RouteLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) out.push({ method, path: `/api${layer.route.path.replace(/:\w+/g, "x")}` });
      }
      if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: RouteLayer[] } }).router.stack);
  return out;
}

const snapshot = () => t.db.prepare("SELECT id, status, version FROM comments ORDER BY id").all();

describe("sessions", () => {
  it("answers 401 on every /api route without a session, except signing in and health", async () => {
    const routes = listApiRoutes();
    expect(routes.length).toBeGreaterThan(8);
    for (const { method, path } of routes) {
      if ((method === "post" && path === "/api/session") || path === "/api/health") continue;
      const res = await request(app)[method as "get"](path).set(CSRF_HEADER, "1").send({});
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(res.body.error.code).toBe("unauthorized");
    }
    await request(app).get("/api/no-such-route").expect(401);
    await request(app).get("/api/health").expect(200);
  });

  it("signs in with an httpOnly SameSite cookie, says who is signed in, and signs out", async () => {
    await addUser(t.db, { username: "Ann", password: TEST_PASSWORD, role: "moderator" });
    const agent = request.agent(app).set(CSRF_HEADER, "1");
    const res = await agent.post("/api/session").send({ username: "ann", password: TEST_PASSWORD }).expect(200);
    expect(res.body).toEqual({ user: { id: expect.any(Number), username: "Ann", role: "moderator" } });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^sift_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    // Only the token's hash is stored.
    const token = /sift_session=([^;]+)/.exec(cookie)![1]!;
    expect(JSON.stringify(t.db.prepare("SELECT * FROM sessions").all())).not.toContain(token);
    expect((await agent.get("/api/session").expect(200)).body.user).toMatchObject({ username: "Ann" });
    await agent.get("/api/comments").expect(200);
    await agent.delete("/api/session").expect(204);
    await agent.get("/api/session").expect(401);
    // The old token is dead even if someone kept it.
    await request(app).get("/api/comments").set("Cookie", `sift_session=${token}`).expect(401);
  });

  it("sets Secure on the cookie when configured", async () => {
    await addUser(t.db, { username: "ann", password: TEST_PASSWORD, role: "viewer" });
    const secure = createApp({ db: t.db, clientDir: null, auth: { cookieSecure: "always" } });
    const res = await request(secure).post("/api/session").set(CSRF_HEADER, "1").send({ username: "ann", password: TEST_PASSWORD }).expect(200);
    expect(String(res.headers["set-cookie"])).toMatch(/; Secure/);
  });

  it("gives the same answer for a wrong password, an unknown user and a disabled user", async () => {
    await addUser(t.db, { username: "ann", password: TEST_PASSWORD, role: "moderator" });
    const tries = [
      { username: "ann", password: "wrong password" },
      { username: "nobody", password: TEST_PASSWORD },
    ];
    for (const body of tries) {
      const res = await request(app).post("/api/session").set(CSRF_HEADER, "1").send(body).expect(401);
      expect(res.body).toEqual({ error: { code: "invalid_credentials", message: "Wrong username or password." } });
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    t.db.prepare("UPDATE users SET disabled = 1 WHERE username = 'ann'").run();
    const disabled = await request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username: "ann", password: TEST_PASSWORD }).expect(401);
    expect(disabled.body.error.message).toBe("Wrong username or password.");
    await request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username: "ann" }).expect(400);
  });

  it("expires a session after the idle time, and using it keeps it alive", async () => {
    const agent = await signedInAgent(app, t.db, "viewer");
    clock = new Date(clock.getTime() + 50 * 60_000);
    await agent.get("/api/comments").expect(200); // used after 50 min: idle clock restarts
    clock = new Date(clock.getTime() + 50 * 60_000);
    await agent.get("/api/comments").expect(200);
    clock = new Date(clock.getTime() + 61 * 60_000);
    await agent.get("/api/comments").expect(401);
    await agent.get("/api/session").expect(401);
  });

  it("limits failed sign-ins per account and address, and then refuses even the right password", async () => {
    await addUser(t.db, { username: "ann", password: TEST_PASSWORD, role: "moderator" });
    const post = (username: string, password: string) => request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username, password });
    for (let i = 0; i < 3; i++) await post("ann", "guess " + i).expect(401);
    const limited = await post("ANN", TEST_PASSWORD).expect(429);
    expect(limited.body.error.code).toBe("too_many_attempts");
    // Another account from the same address is not locked out by ann's failures.
    await addUser(t.db, { username: "bob", password: TEST_PASSWORD, role: "viewer" });
    await post("bob", TEST_PASSWORD).expect(200);
    // Unknown accounts are limited the same way, so the limit does not reveal who exists.
    for (let i = 0; i < 3; i++) await post("ghost", "guess").expect(401);
    await post("ghost", "guess").expect(429);
  });

  it("also limits failures per address across accounts (10x the per-account limit)", async () => {
    const post = (username: string) => request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username, password: "spray" });
    // 3 per account and 30 per address: ten accounts use up the address.
    for (let i = 0; i < 30; i++) await post(`user${i}`).expect(401);
    await post("user-fresh").expect(429);
    // 31 scrypt checks: seconds on a loaded 2-core machine, so more time than the default.
  }, 90_000);
});

describe("roles", () => {
  it("lets a viewer read but refuses a decision with 403, changing nothing", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    await viewer.get("/api/comments").expect(200);
    const before = snapshot();
    const res = await viewer.post(`/api/comments/${commentId}/decision`).send({ action: "remove" }).expect(403);
    expect(res.body.error.code).toBe("forbidden");
    expect(snapshot()).toEqual(before);
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM decisions").get()).toEqual({ n: 0 });
    // Signing out is not a "change" a viewer is refused.
    await viewer.delete("/api/session").expect(204);
  });

  it("records the signed-in moderator as the decider", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator", "mod-ann");
    await moderator.post(`/api/comments/${commentId}/decision`).send({ action: "remove" }).expect(200);
    const log = await moderator.get(`/api/comments/${commentId}/decisions`).expect(200);
    expect(log.body.decisions).toEqual([expect.objectContaining({ action: "remove", moderator: "mod-ann" })]);
  });
});

describe("two moderators on one comment", () => {
  it("refuses the stale decision with 409 naming who decided first, and keeps the first decision", async () => {
    const ann = await signedInAgent(app, t.db, "moderator", "ann");
    const bob = await signedInAgent(app, t.db, "moderator", "bob");
    const seen = (await bob.get(`/api/comments/${commentId}`).expect(200)).body.comment.version;
    await ann.post(`/api/comments/${commentId}/decision`).send({ action: "remove", version: seen }).expect(200);
    const stale = await bob.post(`/api/comments/${commentId}/decision`).send({ action: "approve", version: seen }).expect(409);
    expect(stale.body.error).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^ann removed this comment first \(at .+\); it is now removed\.$/),
      issues: [{ path: ["version"], current: { status: "removed", version: seen + 1, decided_by: "ann" } }],
    });
    expect((await bob.get(`/api/comments/${commentId}`).expect(200)).body.comment.status).toBe("removed");
  });
});

describe("CSRF", () => {
  it("refuses state changes without the header, from another site or another origin", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    const before = snapshot();
    const url = `/api/comments/${commentId}/decision`;
    const cookieOnly = request.agent(app);
    // The agent's cookie jar: a request with the cookie but without the custom header.
    (cookieOnly as unknown as { jar: unknown }).jar = (moderator as unknown as { jar: unknown }).jar;
    const noHeader = await cookieOnly.post(url).send({ action: "remove" }).expect(403);
    expect(noHeader.body.error.code).toBe("csrf");
    await moderator.post(url).set("Sec-Fetch-Site", "cross-site").send({ action: "remove" }).expect(403);
    await moderator.post(url).set("Origin", "https://evil.example").send({ action: "remove" }).expect(403);
    await moderator.post(url).set("Origin", "null").send({ action: "remove" }).expect(403);
    await request(app).post("/api/session").send({ username: "x", password: "y" }).expect(403);
    expect(snapshot()).toEqual(before);
    // Same origin passes.
    await moderator.post(url).set("Sec-Fetch-Site", "same-origin").send({ action: "remove" }).expect(200);
  });

  it("does not require the header on reads", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    const cookieOnly = request.agent(app);
    (cookieOnly as unknown as { jar: unknown }).jar = (moderator as unknown as { jar: unknown }).jar;
    await cookieOnly.get("/api/comments").expect(200);
  });
});

describe("security headers", () => {
  it("sends a strict CSP, no-store on the API and refuses oversized bodies", async () => {
    const res = await request(app).get("/api/health").expect(200);
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(res.headers["cache-control"]).toBe("no-store");
    const moderator = await signedInAgent(app, t.db, "moderator");
    const big = await moderator.post(`/api/comments/${commentId}/decision`).send({ action: "remove", reason: "x".repeat(200_000) }).expect(413);
    expect(big.body.error.code).toBe("payload_too_large");
  });
});
