import { join } from "node:path";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { importFile } from "../services/import-service";
import { changePassword } from "../services/user-service";
import { CSRF_HEADER } from "./csrf";
import { signedInAgent } from "./test-session";

const DEMO = join(import.meta.dirname, "../../demo/demo-thread.txt");

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  t = createTestDb();
  app = createApp({ db: t.db, clientDir: null });
});
afterEach(() => t.cleanup());

describe("audit log", () => {
  it("records imports, account changes and sign-ins, and shows them to admins only, newest first", async () => {
    importFile(t.db, DEMO, { format: "text-page", displayName: "demo-thread.txt", actor: "cli:ann" });
    const admin = await signedInAgent(app, t.db, "admin", "boss");
    await request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username: "boss", password: "wrong one" }).expect(401);
    await changePassword(t.db, "boss", "a brand new password", "cli:root");
    const fresh = await signedInAgent(app, t.db, "admin", "boss2");

    const res = await fresh.get("/api/audit").expect(200);
    expect(res.body.events.map((e: { action: string; target: string; actor: string }) => [e.action, e.target, e.actor])).toEqual([
      ["session.sign_in", "boss2", "boss2"],
      ["user.add", "boss2", "system"],
      ["user.passwd", "boss", "cli:root"],
      ["session.sign_in_failed", "boss", "anonymous"],
      ["session.sign_in", "boss", "boss"],
      ["user.add", "boss", "system"],
      ["import", "demo-thread.txt", "cli:ann"],
    ]);
    expect(res.body.events[2].detail).toEqual({ sessions_ended: 1 });
    expect(res.body.events[6].detail.threads[0]).toMatchObject({ format: "text-page", comments: expect.any(Number) });
    // The password change ended boss's session.
    await admin.get("/api/audit").expect(401);

    const page = await fresh.get("/api/audit").query({ limit: 2 }).expect(200);
    expect(page.body.events).toHaveLength(2);
    const next = await fresh.get("/api/audit").query({ limit: 10, before: page.body.next_cursor }).expect(200);
    expect(next.body.events[0].action).toBe("user.passwd");
    await fresh.get("/api/audit").query({ action: "'; DROP TABLE audit_log; --" }).expect(400);

    const moderator = await signedInAgent(app, t.db, "moderator");
    await moderator.get("/api/audit").expect(403);
  });

  it("is append-only: the database refuses updates and deletes", () => {
    importFile(t.db, DEMO, { format: "text-page" });
    expect(() => t.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });
});
