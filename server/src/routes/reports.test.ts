import { parse as parseCsv } from "csv-parse/sync";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { decideComment } from "../services/decision-service";
import { commentIdFor } from "../services/ids";
import { importBytes } from "../services/import-service";
import { buildReportSummary } from "../services/report-service";
import { signedInAgent } from "./test-session";

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
let lane: string;
let bins: string;

beforeEach(() => {
  t = createTestDb();
  app = createApp({ db: t.db, clientDir: null });
  const csv = [
    "id,thread_id,thread_title,author,posted_at,body",
    "1,a,Lane,Ann,2026-11-02T10:00:00Z,The lane is a good idea.",
    "2,a,Lane,Bob,2026-11-04T10:00:00Z,\"=HYPERLINK(\"\"http://x\"\") you absolute idiot\"",
    "3,b,Bins,Cy,2026-11-03T10:00:00Z,Bins go out on Monday.",
  ].join("\n");
  const threads = importBytes(t.db, "t.csv", new TextEncoder().encode(csv));
  lane = threads.find((x) => x.title === "Lane")!.id;
  bins = threads.find((x) => x.title === "Bins")!.id;
  decideComment(t.db, commentIdFor(lane, "2"), { action: "remove", moderator: "mo", reason: "abusive" });
});
afterEach(() => t.cleanup());

describe("reports API", () => {
  it("answers 401 without a session", async () => {
    await request(app).get("/api/reports/summary").expect(401);
    await request(app).get("/api/reports/export?format=csv").expect(401);
  });

  it("gives a viewer the same figures the service computes, for all threads, chosen threads and a window", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    const all = await viewer.get("/api/reports/summary").expect(200);
    expect(all.body.summary).toEqual(buildReportSummary(t.db));
    expect(all.body.summary.totals).toMatchObject({ comments: 3, removed: 1, threads: 2 });
    const chosen = await viewer.get("/api/reports/summary").query({ thread: [lane, bins], since: "2026-11-03", until: "" }).expect(200);
    expect(chosen.body.summary.totals).toMatchObject({ comments: 2, threads: 2 });
    const one = await viewer.get("/api/reports/summary").query({ thread: bins }).expect(200);
    expect(one.body.summary.scope.threads).toEqual([{ id: bins, title: "Bins" }]);
  });

  it("refuses a bad scope with 400 naming the field, and an unknown thread with 404", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    const bad = await viewer.get("/api/reports/summary").query({ since: "soon" }).expect(400);
    expect(bad.body.error.issues[0].path).toEqual(["since"]);
    const backwards = await viewer.get("/api/reports/summary").query({ since: "2026-11-05", until: "2026-11-01" }).expect(400);
    expect(backwards.body.error.issues[0].message).toMatch(/since is after until/);
    const missing = await viewer.get("/api/reports/summary").query({ thread: "t_nope" }).expect(404);
    expect(missing.body.error.message).toContain("t_nope");
    await viewer.get("/api/reports/export").query({ format: "pdf" }).expect(400);
    await viewer.get("/api/reports/export").query({ format: "json", table: "rules" }).expect(400);
  });

  it("downloads each format as an attachment with a dated name; the HTML one sandboxed", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    const csv = await viewer.get("/api/reports/export").query({ format: "csv", thread: lane }).expect(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="?sift-report-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const rows = parseCsv(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.author, r.status, r.decision, r.moderator])).toEqual([["Ann", "pending", "", ""], ["Bob", "removed", "remove", "mo"]]);
    expect(rows[1]!.body!.startsWith("'=")).toBe(true);

    const rules = await viewer.get("/api/reports/export").query({ format: "csv", table: "rules" }).expect(200);
    expect(rules.headers["content-disposition"]).toMatch(/sift-rules-.*\.csv/);

    const json = await viewer.get("/api/reports/export").query({ format: "json" }).expect(200);
    expect(json.headers["content-disposition"]).toMatch(/\.json"?$/);
    expect(JSON.parse(json.text).summary).toEqual(buildReportSummary(t.db));

    const html = await viewer.get("/api/reports/export").query({ format: "html" }).expect(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.headers["content-security-policy"]).toContain("sandbox");
    expect(html.text).toContain("<h1>Moderation report</h1>");
  });
});
