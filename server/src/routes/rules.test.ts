import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { commentIdFor } from "../services/ids";
import { importBytes } from "../services/import-service";
import { signedInAgent } from "./test-session";

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
let threadId: string;
beforeEach(() => {
  t = createTestDb();
  app = createApp({ db: t.db, clientDir: null });
  const csv = "id,parent_id,author,body\n1,,Ann,get zork now\n2,,Bob,zork is my cat's name\n3,,Cy,the lane is fine\n";
  threadId = importBytes(t.db, "t.csv", new TextEncoder().encode(csv))[0]!.id;
});
afterEach(() => t.cleanup());

const ZORK = { id: "zork", kind: "word", pattern: "zork", category: "spam" };
const count = (sql: string) => t.db.prepare(sql).pluck().get();

describe("rules API: roles", () => {
  it("lets a viewer read but not change or backtest", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    const res = await viewer.get("/api/rules").expect(200);
    expect(res.body.packVersion).toEqual(expect.any(String));
    expect(res.body.builtin.length).toBeGreaterThan(10);
    expect(res.body.builtin[0]).toEqual({ id: expect.any(String), category: expect.any(String), description: expect.any(String), hits: expect.any(Number), approved: 0, removed: 0 });
    await viewer.get("/api/rules/suggestions").expect(200, []);
    await viewer.post("/api/rules/site").send(ZORK).expect(403);
    await viewer.post("/api/rules/backtest").send({ rule: ZORK }).expect(403);
    await viewer.post("/api/rules/exceptions").send({ rule: "profanity.lexicon", word: "bloody" }).expect(403);
    await viewer.post("/api/rules/rescan").send({}).expect(403);
    expect(count("SELECT COUNT(*) FROM site_rules")).toBe(0);
  });

  it("lets a moderator backtest but not change rules", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    await moderator.post("/api/rules/site").send(ZORK).expect(403);
    await moderator.patch("/api/rules/site/zork").send({ enabled: false }).expect(403);
    await moderator.delete("/api/rules/site/zork").expect(403);
    await moderator.post("/api/rules/exceptions").send({ rule: "profanity.lexicon", word: "bloody" }).expect(403);
    await moderator.delete("/api/rules/exceptions/1").expect(403);
    await moderator.post("/api/rules/rescan").send({}).expect(403);
    const res = await moderator.post("/api/rules/backtest").send({ rule: ZORK, limit: 1 }).expect(200);
    expect(res.body).toMatchObject({
      scanned: 3,
      newlyFlagged: { count: 2, examples: [{ commentId: commentIdFor(threadId, "1"), threadId, author: "Ann", excerpt: "get zork now", evidence: { start: 4, end: 8, text: "zork" } }] },
      cleared: { count: 0, examples: [] },
      precision: { removed: 0, approved: 0, pending: 2, value: null },
    });
  });

  it("needs a session and the CSRF header", async () => {
    await request(app).get("/api/rules").expect(401);
    const admin = await signedInAgent(app, t.db, "admin");
    await admin.post("/api/rules/site").unset("X-Sift-CSRF").send(ZORK).expect(403);
  });
});

describe("rules API: an admin's changes", () => {
  it("adds, edits, disables and deletes a site rule, audited, and rescans with it", async () => {
    const admin = await signedInAgent(app, t.db, "admin", "boss");
    const created = await admin.post("/api/rules/site").send({ ...ZORK, action: "hold", note: "ticker spam" }).expect(201);
    expect(created.body).toMatchObject({ id: "zork", action: "hold", enabled: true, note: "ticker spam", createdBy: "boss", updatedBy: "boss" });
    const dup = await admin.post("/api/rules/site").send(ZORK).expect(409);
    expect(dup.body.error.message).toMatch(/already exists/);

    const rescan = await admin.post("/api/rules/rescan").send({ threadId }).expect(200);
    expect(rescan.body).toEqual({ scanned: 3, changed: 2 });
    // The queue shows which flags hold their comment.
    const queue = (await admin.get("/api/comments").query({ view: "all", rule: "site.zork" }).expect(200)).body.comments;
    expect(queue.map((c: { flags: { rule: string; action?: string }[] }) => c.flags.find((f) => f.rule === "site.zork")?.action)).toEqual(["hold", "hold"]);
    const listed = (await admin.get("/api/rules").expect(200)).body;
    expect(listed.site).toEqual([expect.objectContaining({ id: "zork", hits: 2, approved: 0, removed: 0 })]);

    // A listed row sent back as it is (null note, counts, timestamps) is a valid rule to backtest.
    const row = (await admin.get("/api/rules").expect(200)).body.site[0];
    await admin.post("/api/rules/backtest").send({ rule: { ...row, note: null } }).expect(200);
    const patched = await admin.patch("/api/rules/site/zork").send({ enabled: false, note: null }).expect(200);
    expect(patched.body).toMatchObject({ enabled: false, note: null });
    await admin.patch("/api/rules/site/zork").send({}).expect(400);
    await admin.patch("/api/rules/site/zork").send({ id: "other" }).expect(400);
    await admin.patch("/api/rules/site/nope").send({ enabled: true }).expect(404);
    await admin.post("/api/rules/rescan").send({ threadId: "t_nope" }).expect(404);
    await admin.delete("/api/rules/site/zork").expect(204);
    await admin.delete("/api/rules/site/zork").expect(404);

    const audit = (await admin.get("/api/audit").expect(200)).body.events.filter((e: { action: string }) => e.action.startsWith("rule"));
    expect(audit.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ["rule.delete", "boss"],
      ["rule.update", "boss"],
      ["rules.rescan", "boss"],
      ["rule.add", "boss"],
    ]);
    expect(audit[1].detail).toMatchObject({ from: { enabled: true, note: "ticker spam" }, to: { enabled: false } });
  });

  it("refuses a bad or dangerous regex with a 400 naming the problem, and changes nothing", async () => {
    const admin = await signedInAgent(app, t.db, "admin");
    const bad = await admin.post("/api/rules/site").send({ id: "r", kind: "regex", pattern: "(unclosed", category: "spam" }).expect(400);
    expect(bad.body.error.message).toMatch(/not a valid regular expression/);
    const redos = await admin.post("/api/rules/site").send({ id: "r", kind: "regex", pattern: "(x+x+)+y", category: "spam" }).expect(400);
    expect(redos.body.error.message).toMatch(/repeated group/);
    const backtest = await admin.post("/api/rules/backtest").send({ rule: { id: "r", kind: "regex", pattern: "(a|aa)+$", category: "spam" } }).expect(400);
    expect(backtest.body.error.message).toMatch(/repeated group/);
    await admin.post("/api/rules/site").send({ id: "r", kind: "regex", pattern: "x".repeat(201), category: "spam" }).expect(400);
    await admin.post("/api/rules/site").send({ id: "r", kind: "sql", pattern: "x", category: "spam" }).expect(400);
    await admin.post("/api/rules/backtest").send({}).expect(400);
    expect(count("SELECT COUNT(*) FROM site_rules")).toBe(0);
    expect(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'rule%'")).toBe(0);
  });

  it("adds and removes exceptions, backtests one, and suggests one moderators keep approving", async () => {
    const admin = await signedInAgent(app, t.db, "admin", "boss");
    await admin.post("/api/rules/site").send(ZORK).expect(201);
    await admin.post("/api/rules/rescan").send({}).expect(200);
    for (const ext of ["1", "2", "3"]) {
      await admin.post(`/api/comments/${commentIdFor(threadId, ext)}/decision`).send({ action: "approve" }).expect(200);
    }
    // Two approvals of "zork" flags (comment 3 has none): not yet a suggestion.
    await admin.get("/api/rules/suggestions").expect(200, []);
    const csv = "id,parent_id,author,body\n9,,Di,zork again\n";
    const other = importBytes(t.db, "u.csv", new TextEncoder().encode(csv))[0]!.id;
    await admin.post(`/api/comments/${commentIdFor(other, "9")}/decision`).send({ action: "approve" }).expect(200);
    await admin.get("/api/rules/suggestions").expect(200, [{ rule: "site.zork", word: "zork", approved: 3, removed: 0 }]);

    const preview = await admin.post("/api/rules/backtest").send({ exception: { rule: "site.zork", word: "ZORK" } }).expect(200);
    expect(preview.body).toMatchObject({ scanned: 3, cleared: { count: 3 }, newlyFlagged: { count: 0 }, precision: { approved: 3, removed: 0, value: 0 } });

    const added = await admin.post("/api/rules/exceptions").send({ rule: "site.zork", word: "ZORK" }).expect(201);
    expect(added.body).toEqual({ id: expect.any(Number), rule: "site.zork", word: "zork", createdAt: expect.any(String), createdBy: "boss" });
    await admin.post("/api/rules/exceptions").send({ rule: "site.zork", word: "zork" }).expect(409);
    await admin.post("/api/rules/exceptions").send({ rule: "no.such", word: "zork" }).expect(400);
    await admin.get("/api/rules/suggestions").expect(200, []);
    expect((await admin.get("/api/rules").expect(200)).body.exceptions).toEqual([added.body]);
    await admin.delete(`/api/rules/exceptions/${added.body.id}`).expect(204);
    await admin.delete(`/api/rules/exceptions/${added.body.id}`).expect(404);
    await admin.delete("/api/rules/exceptions/abc").expect(400);
  });
});

describe("site rules and browser imports", () => {
  it("applies stored rules to an uploaded file (imported in a worker)", async () => {
    const admin = await signedInAgent(app, t.db, "admin");
    await admin.post("/api/rules/site").send({ ...ZORK, id: "grockle", pattern: "grockle", action: "remove" }).expect(201);
    const csv = "id,parent_id,author,body\n1,,Ann,bloody grockles... I mean grockle\n2,,Bob,nice lane\n";
    const res = await admin.post("/api/imports").query({ name: "up.csv" }).set("Content-Type", "application/octet-stream").send(Buffer.from(csv)).expect(201);
    const id = res.body.threads[0].id;
    expect(t.db.prepare("SELECT status FROM comments WHERE id = ?").pluck().get(commentIdFor(id, "1"))).toBe("removed");
    expect(t.db.prepare("SELECT moderator FROM decisions WHERE comment_id = ?").pluck().get(commentIdFor(id, "1"))).toBe("sift-rules");
  });
});
