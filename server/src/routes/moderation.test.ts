import type { Flag } from "@sift/shared";
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
let api: Awaited<ReturnType<typeof signedInAgent>>;
let threadId: string;
const cid = (ext: string) => commentIdFor(threadId, ext);
const idsOf = (body: { comments: { id: string }[] }) => body.comments.map((c) => c.id);

beforeEach(async () => {
  t = createTestDb();
  const thread = makeThread({
    comments: [
      makeComment("a", { body: "buy pills", author: "spammer" }),
      makeComment("b", { parent_external_id: "a", body: "stop it" }),
      makeComment("c", { body: "I'll hurt you" }),
      makeComment("d", { body: "buy more pills", author: "spammer" }),
    ],
  });
  threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread, flags: [[spam], [], [threat], [spam]] }] })[0]!.id;
  api = await signedInAgent(createApp({ db: t.db, clientDir: null }), t.db, "moderator");
});
afterEach(() => t.cleanup());

describe("moderation API", () => {
  it("filters the queue by rule and author, and shows a reply's parent", async () => {
    expect(idsOf((await api.get("/api/comments").query({ view: "all", rule: "spam.test" }).expect(200)).body)).toEqual([cid("a"), cid("d")]);
    expect(idsOf((await api.get("/api/comments").query({ view: "all", author: "spammer", q: "more" })).body)).toEqual([cid("d")]);
    const reply = (await api.get(`/api/comments/${cid("b")}`).expect(200)).body.comment;
    expect(reply.parent).toMatchObject({ id: cid("a"), author: "spammer", body: "buy pills", status: "pending" });
  });

  it("GET /api/facets lists rules and authors with counts", async () => {
    const res = await api.get("/api/facets").query({ thread: threadId }).expect(200);
    expect(res.body.rules).toEqual([
      { rule: "spam.test", category: "spam", count: 2 },
      { rule: "threat.test", category: "threat", count: 1 },
    ]);
    expect(res.body.authors[0]).toEqual({ author: "spammer", count: 2 });
  });

  it("selects all matching ids and decides them in one bulk request, one log entry each", async () => {
    const matching = await api.get("/api/comments/ids").query({ view: "review", category: "spam" }).expect(200);
    expect(matching.body).toEqual({ ids: [cid("a"), cid("d")], truncated: false });
    await api.post(`/api/comments/${cid("a")}/decision`).send({ action: "remove" }).expect(200);
    const res = await api
      .post("/api/comments/bulk-decision")
      .send({ action: "remove", ids: [...matching.body.ids, "c_nope"], reason: "spam" })
      .expect(200);
    expect(res.body).toEqual({
      decided: [{ id: cid("d"), status: "removed", version: 2 }],
      skipped: [
        { id: cid("a"), reason: "already_decided" },
        { id: "c_nope", reason: "not_found" },
      ],
    });
    const log = (await api.get(`/api/comments/${cid("d")}/decisions`)).body.decisions;
    expect(log).toMatchObject([{ action: "remove", reason: "spam", moderator: "test-moderator", from_status: "pending" }]);
    await api.post("/api/comments/bulk-decision").send({ action: "undo", ids: [cid("a")] }).expect(400);
    await api.post("/api/comments/bulk-decision").send({ action: "approve", ids: [] }).expect(400);
  });

  it("removes an author's pending comments in a thread and shows their history", async () => {
    await api.post(`/api/comments/${cid("a")}/decision`).send({ action: "approve" }).expect(200);
    const removed = await api.post("/api/authors/remove-pending").send({ author: "spammer", thread: threadId, reason: "spam" }).expect(200);
    expect(removed.body.decided.map((d: { id: string }) => d.id)).toEqual([cid("d")]);
    const history = await api.get("/api/authors/comments").query({ author: "spammer" }).expect(200);
    expect(history.body.counts).toEqual({ pending: 0, approved: 1, removed: 1 });
    expect(history.body.comments[0]).toMatchObject({ thread_title: "Council backs Elm Street cycle lane", flags: [spam] });
    await api.post("/api/authors/remove-pending").send({ author: "spammer", thread: "t_nope" }).expect(404);
  });

  it("GET /api/decisions pages the whole log, newest first", async () => {
    for (const ext of ["a", "c", "d"]) await api.post(`/api/comments/${cid(ext)}/decision`).send({ action: "remove", reason: "spam" });
    await api.post(`/api/comments/${cid("c")}/decision`).send({ action: "undo" });
    const first = await api.get("/api/decisions").query({ limit: 3 }).expect(200);
    expect(first.body.decisions.map((d: { action: string; comment_id: string }) => [d.action, d.comment_id])).toEqual([
      ["undo", cid("c")],
      ["remove", cid("d")],
      ["remove", cid("c")],
    ]);
    expect(first.body.decisions[0]).toMatchObject({ moderator: "test-moderator", from_status: "removed", to_status: "pending", excerpt: "I'll hurt you" });
    const rest = await api.get("/api/decisions").query({ limit: 3, before: first.body.next_before }).expect(200);
    expect(rest.body).toMatchObject({ decisions: [{ comment_id: cid("a") }], next_before: null });
    expect((await api.get("/api/decisions").query({ action: "undo" })).body.decisions).toHaveLength(1);
  });

  it("GET /api/threads/:id says which comments can be undone", async () => {
    await api.post(`/api/comments/${cid("c")}/decision`).send({ action: "remove" });
    const thread = (await api.get(`/api/threads/${threadId}`).expect(200)).body.thread;
    expect(thread.comments.map((c: { can_undo: boolean }) => c.can_undo)).toEqual([false, false, true, false]);
  });
});

describe("POST /api/imports", () => {
  it("imports uploaded bytes, detecting the format, and refuses a bad file with its problem", async () => {
    const csv = "thread_id,thread_title,comment_id,author,body\nup,Uploaded thread,1,ann,you idiot\nup,Uploaded thread,2,bob,fine by me\n";
    const res = await api
      .post("/api/imports")
      .query({ name: "export.csv" })
      .set("Content-Type", "application/octet-stream")
      .send(Buffer.from(csv))
      .expect(201);
    expect(res.body.threads).toEqual([expect.objectContaining({ title: "Uploaded thread", format: "csv", comments: 2 })]);
    expect((await api.get("/api/threads")).body.threads).toHaveLength(2);

    const bad = await api.post("/api/imports").query({ name: "blob.bin" }).set("Content-Type", "application/octet-stream").send(Buffer.from([0, 1, 2, 0]));
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/^blob\.bin: /);
    await api.post("/api/imports").send({ not: "bytes" }).expect(415);
  });
});
