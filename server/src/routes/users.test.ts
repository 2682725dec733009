import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { CSRF_HEADER } from "./csrf";
import { signedInAgent, TEST_PASSWORD } from "./test-session";

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  t = createTestDb();
  app = createApp({ db: t.db, clientDir: null });
});
afterEach(() => t.cleanup());

const signIn = (username: string) => request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username, password: TEST_PASSWORD });

describe("users API", () => {
  it("lets an admin list, add, change the role of and disable users, each audited", async () => {
    const admin = await signedInAgent(app, t.db, "admin", "boss");
    const created = await admin.post("/api/users").send({ username: "ann", password: TEST_PASSWORD, role: "viewer" }).expect(201);
    expect(created.body.user).toMatchObject({ username: "ann", role: "viewer" });
    await admin.post("/api/users").send({ username: "ANN", password: TEST_PASSWORD, role: "viewer" }).expect(409);
    await admin.post("/api/users").send({ username: "bob", password: "short", role: "viewer" }).expect(400);
    expect((await admin.get("/api/users").expect(200)).body.users.map((u: { username: string }) => u.username)).toEqual(["ann", "boss"]);

    const ann = request.agent(app).set(CSRF_HEADER, "1");
    await ann.post("/api/session").send({ username: "ann", password: TEST_PASSWORD }).expect(200);
    const promoted = await admin.patch("/api/users/ann").send({ role: "moderator" }).expect(200);
    expect(promoted.body.user).toMatchObject({ role: "moderator", disabled: false });
    // A role change ends the user's sessions, so the new role applies at once.
    await ann.get("/api/comments").expect(401);

    await admin.patch("/api/users/ann").send({ disabled: true }).expect(200);
    await signIn("ann").expect(401);
    await admin.patch("/api/users/ann").send({ disabled: false }).expect(200);
    await signIn("ann").expect(200);
    await admin.patch("/api/users/ann").send({}).expect(400);
    await admin.patch("/api/users/nobody").send({ role: "viewer" }).expect(404);

    const audit = (await admin.get("/api/audit").query({ action: "user.update" }).expect(200)).body.events;
    expect(audit.at(-1)).toMatchObject({ actor: "boss", target: "ann", detail: { from: { role: "viewer" }, to: { role: "moderator" } } });
  });

  it("never leaves Sift without an active admin", async () => {
    const admin = await signedInAgent(app, t.db, "admin", "boss");
    const last = await admin.patch("/api/users/boss").send({ role: "viewer" }).expect(409);
    expect(last.body.error.message).toMatch(/only active admin/);
    await admin.patch("/api/users/boss").send({ disabled: true }).expect(409);
  });

  it("is for admins only", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    await moderator.get("/api/users").expect(403);
    await moderator.post("/api/users").send({ username: "x-user", password: TEST_PASSWORD, role: "admin" }).expect(403);
    await moderator.patch("/api/users/test-moderator").send({ role: "admin" }).expect(403);
    expect((await request(app).get("/api/users")).status).toBe(401);
  });
});
