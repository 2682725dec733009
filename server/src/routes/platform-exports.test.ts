import { readFileSync } from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { decideComment } from "../services/decision-service";
import { commentIdFor } from "../services/ids";
import { importBytes } from "../services/import-service";
import { signedInAgent } from "./test-session";

const WXR = readFileSync(new URL("../importers/fixtures/wxr-allotment.xml", import.meta.url));

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
let threadId: string;
beforeEach(() => {
  t = createTestDb();
  app = createApp({ db: t.db, clientDir: null });
  threadId = importBytes(t.db, "allotment.xml", WXR)[0]!.id;
  decideComment(t.db, commentIdFor(threadId, "503"), { action: "remove", moderator: "mo", reason: "spam" });
});
afterEach(() => t.cleanup());

describe("platform exports API", () => {
  it("answers 401 without a session and 400 for a format it does not know", async () => {
    await request(app).get("/api/exports/platform?format=actions").expect(401);
    const viewer = await signedInAgent(app, t.db, "viewer");
    await viewer.get("/api/exports/platform").query({ format: "json" }).expect(400);
  });

  it("gives the actions CSV and the WordPress file with the decision written back, as downloads", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    const actions = await viewer.get("/api/exports/platform").query({ format: "actions", thread: threadId }).expect(200);
    expect(actions.headers["content-disposition"]).toMatch(/sift-actions-\d{4}-\d{2}-\d{2}\.csv/);
    expect(parseCsv(actions.text, { columns: true })).toEqual([expect.objectContaining({ platform: "wordpress", comment_external_id: "503", action: "spam", moderator: "mo" })]);

    const wxr = await viewer.get("/api/exports/platform").query({ format: "wxr", thread: threadId }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const text = (wxr.body as Buffer).toString("utf8");
    expect(wxr.headers["content-disposition"]).toMatch(/sift-wordpress-.*\.xml/);
    expect(text).toMatch(/<wp:comment_id>503<\/wp:comment_id>[\s\S]*?<wp:comment_approved><!\[CDATA\[spam\]\]><\/wp:comment_approved>/);
    // Everything before the changed element is the imported file, byte for byte.
    const changedAt = text.indexOf("CDATA[spam]");
    expect(Buffer.from(text).subarray(0, changedAt).equals(WXR.subarray(0, changedAt))).toBe(true);
  });

  it("names a thread that cannot be written back", async () => {
    const csvThread = importBytes(t.db, "t.csv", new TextEncoder().encode("id,author,body\n1,Ann,hello\n"))[0]!.id;
    const viewer = await signedInAgent(app, t.db, "viewer");
    const res = await viewer.get("/api/exports/platform").query({ format: "wxr", thread: csvThread }).expect(409);
    expect(res.body.error.message).toMatch(/imported as csv/);
    await viewer.get("/api/exports/platform").query({ format: "actions", thread: "t_nope" }).expect(404);
  });
});
