import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Flag } from "@sift/shared";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { commentIdFor } from "../services/ids";
import { storePreparedFile } from "../services/import-service";
import { makeComment, makeThread } from "../services/test-fixtures";
import { signedInAgent } from "./test-session";

const threat: Flag = { category: "threat", rule: "threat.test", evidence: "hurt", start: 5, end: 9, explanation: "x", confidence: 0.9 };
const spam: Flag = { category: "spam", rule: "spam.test", evidence: "buy", start: 0, end: 3, explanation: "x", confidence: 0.7 };

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
let api: Awaited<ReturnType<typeof signedInAgent>>;
let threadId: string;
const cid = (ext: string) => commentIdFor(threadId, ext);

beforeEach(async () => {
  t = createTestDb();
  const thread = makeThread({
    comments: [makeComment("a", { body: "buy pills" }), makeComment("b", { parent_external_id: "a" }), makeComment("c", { body: "I'll hurt you" })],
  });
  threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread, flags: [[spam], [], [threat]] }] })[0]!.id;
  app = createApp({ db: t.db, clientDir: null });
  api = await signedInAgent(app, t.db, "moderator");
});
afterEach(() => t.cleanup());

describe("API", () => {
  it("GET /api/health", async () => {
    const res = await api.get("/api/health").expect(200);
    expect(res.body).toEqual({ status: "ok", threads: 1 });
  });

  it("GET /api/threads lists threads with counts", async () => {
    const res = await api.get("/api/threads").expect(200);
    expect(res.body.threads).toEqual([
      expect.objectContaining({ id: threadId, title: "Council backs Elm Street cycle lane", comment_count: 3, flagged_count: 2, pending_count: 3 }),
    ]);
  });

  it("GET /api/threads/:id returns the thread in export shape, 404 when unknown", async () => {
    const res = await api.get(`/api/threads/${threadId}`).expect(200);
    expect(res.body.thread).toMatchObject({ id: threadId, article: { title: "Council backs Elm Street cycle lane" } });
    expect(res.body.thread.comments.map((c: { id: string; parent_id: string | null }) => [c.id, c.parent_id])).toEqual([
      [cid("a"), null],
      [cid("b"), cid("a")],
      [cid("c"), null],
    ]);
    const missing = await api.get("/api/threads/t_nope").expect(404);
    expect(missing.body).toEqual({ error: { code: "not_found", message: "no thread with id t_nope" } });
  });

  it("GET /api/comments serves the queue views and counts", async () => {
    const review = await api.get("/api/comments?view=review").expect(200);
    expect(review.body.comments.map((c: { id: string }) => c.id)).toEqual([cid("c"), cid("a")]);
    expect(review.body.comments[0]).toEqual({
      id: cid("c"), thread_id: threadId, thread_title: "Council backs Elm Street cycle lane", position: 3, parent_id: null,
      author: "author c", posted_at: null, body: "I'll hurt you", status: "pending", decided_at: null, can_undo: false,
      flags: [threat], version: 1, parent: null,
    });
    const paged = await api.get("/api/comments").query({ view: "all", limit: 2 }).expect(200);
    expect(paged.body.comments).toHaveLength(2);
    const rest = await api.get("/api/comments").query({ view: "all", limit: 2, cursor: paged.body.next_cursor }).expect(200);
    expect(rest.body).toMatchObject({ comments: [{ id: cid("c") }], next_cursor: null });
    const filtered = await api.get("/api/comments").query({ view: "all", category: "spam", q: "pills", thread: threadId });
    expect(filtered.body.comments.map((c: { id: string }) => c.id)).toEqual([cid("a")]);
    const counts = await api.get("/api/counts").expect(200);
    expect(counts.body).toEqual({ review: 2, pending: 3, approved: 0, removed: 0, all: 3 });
  });

  it("POST /api/comments/:id/decision round trip: remove, then undo", async () => {
    const removed = await api.post(`/api/comments/${cid("c")}/decision`).send({ action: "remove", reason: "threat" }).expect(200);
    expect(removed.body.comment).toMatchObject({ id: cid("c"), status: "removed", version: 2, can_undo: true });
    expect((await api.get("/api/comments?view=removed")).body.comments).toHaveLength(1);
    expect((await api.get("/api/counts")).body).toMatchObject({ review: 1, removed: 1 });
    const undone = await api.post(`/api/comments/${cid("c")}/decision`).send({ action: "undo" }).expect(200);
    expect(undone.body.comment).toMatchObject({ status: "pending", can_undo: false });
    const log = await api.get(`/api/comments/${cid("c")}/decisions`).expect(200);
    expect(log.body.decisions.map((d: { action: string }) => d.action)).toEqual(["remove", "undo"]);
    const again = await api.post(`/api/comments/${cid("c")}/decision`).send({ action: "undo" }).expect(409);
    expect(again.body.error.code).toBe("conflict");
  });

  it("answers 400 with issues on a bad body or query, and on malformed JSON", async () => {
    const bad = await api.post(`/api/comments/${cid("a")}/decision`).send({ action: "delete" }).expect(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_request", issues: [expect.objectContaining({ path: ["action"] })] });
    await api.get("/api/comments?view=everything").expect(400);
    await api.get("/api/comments?limit=0").expect(400);
    await api.get("/api/comments?cursor=zzz").expect(400);
    const json = await api.post(`/api/comments/${cid("a")}/decision`).set("Content-Type", "application/json").send("{nope").expect(400);
    expect(json.body.error.code).toBe("invalid_json");
  });

  it("answers 404 for unknown comments and API routes", async () => {
    await api.post("/api/comments/c_nope/decision").send({ action: "approve" }).expect(404);
    const res = await api.get("/api/nothing").expect(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("answers 500 without leaking an unexpected error", async () => {
    t.db.close();
    const res = await api.get("/api/threads").expect(500);
    expect(res.body).toEqual({ error: { code: "internal", message: "Something went wrong on the server." } });
  });

  it("serves the built client with an SPA fallback, leaving /api alone", async () => {
    const clientDir = join(t.dir, "client");
    mkdirSync(clientDir);
    writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Sift</title>");
    writeFileSync(join(clientDir, "app.js"), "console.log(1)");
    const withClient = createApp({ db: t.db, clientDir });
    expect((await request(withClient).get("/queue/review").expect(200)).text).toContain("<title>Sift</title>");
    expect((await request(withClient).get("/app.js").expect(200)).text).toContain("console.log");
    await request(withClient).get("/api/unknown").expect(401);
  });
});
