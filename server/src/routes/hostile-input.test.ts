import type { Flag } from "@sift/shared";
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { createApp } from "../app";
import { createTestDb } from "../db/test-db";
import { renderExport } from "../services/export-service";
import { buildReportDocument } from "../services/report-service";
import { commentIdFor } from "../services/ids";
import { importFile, storePreparedFile } from "../services/import-service";
import type { ImportJob } from "../services/import-worker";
import { makeComment, makeThread } from "../services/test-fixtures";
import { CSRF_HEADER } from "./csrf";
import { signedInAgent } from "./test-session";

// Hostile input (issue 5): strings an attacker would try in every parameter, and markup in stored
// text. Each must get a clear 4xx or an inert answer, never a 500, and leave the database unchanged.

const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE comments; --",
  '" OR ""="',
  "1; DELETE FROM decisions",
  "') UNION SELECT username, password_hash FROM users --",
  "%' AND 1=1 --",
  "*",
  '"unterminated',
  "NEAR(a b)",
  "a OR b AND NOT c",
  "body:x",
  "\\x00\u0000nul",
  "\u202Eevil\u202C",
  "../../etc/passwd",
  "%00",
];

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = '<img src=x onerror="window.__xss=2">';
const LINK = '<a href="javascript:alert(1)">click</a></textarea>';
/** A small upload limit, so "too large" needs only a few megabytes. */
const UPLOAD_LIMIT = 1024 * 1024;
const threat: Flag = { category: "threat", rule: "threat.test", evidence: "hurt", start: 0, end: 4, explanation: "x", confidence: 0.9 };

let t: ReturnType<typeof createTestDb>;
let app: ReturnType<typeof createApp>;
let threadId: string;

beforeEach(() => {
  t = createTestDb();
  const thread = makeThread({
    title: `Budget ${SCRIPT}`,
    comments: [
      makeComment("a", { body: `hurt ${SCRIPT}`, author: `<b>mallory</b>${IMG}` }),
      makeComment("b", { body: `${LINK} and a long line ${"x".repeat(100_000)}` }),
      makeComment("c", { body: "=HYPERLINK(\"http://evil.example\",\"click\")", author: "@SUM(1+1)" }),
    ],
  });
  threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread, flags: [[threat], [], []] }] })[0]!.id;
  app = createApp({ db: t.db, clientDir: null, uploads: { maxBytes: UPLOAD_LIMIT } });
});
afterEach(() => t.cleanup());

/** Everything an attack could change: rows of every table that holds moderation state, and the schema. */
function snapshot(): unknown {
  const q = (sql: string) => t.db.prepare(sql).all();
  return {
    schema: q("SELECT type, name, sql FROM sqlite_master ORDER BY name"),
    comments: q("SELECT id, status, version, body, author FROM comments ORDER BY id"),
    threads: q("SELECT * FROM threads ORDER BY id"),
    decisions: q("SELECT * FROM decisions ORDER BY id"),
    users: q("SELECT id, username, password_hash, role, disabled FROM users ORDER BY id"),
  };
}

describe("hostile query parameters", () => {
  it("answers SQL-injection strings in q, thread, category, cursor and view with 4xx or an inert result", async () => {
    const api = await signedInAgent(app, t.db, "moderator");
    const before = snapshot();
    for (const evil of SQL_INJECTIONS) {
      for (const param of ["q", "thread", "category", "cursor", "view", "limit"]) {
        const res = await api.get("/api/comments").query({ view: "all", [param]: evil });
        expect([param, evil, res.status < 500]).toEqual([param, evil, true]);
        if (res.status === 200) {
          // Inert: nothing leaks beyond real comments, and a filter that matches nothing returns nothing.
          for (const c of res.body.comments as { id: string }[]) expect(c.id).toMatch(/^c_/);
          if (param === "thread") expect(res.body.comments).toEqual([]);
          expect(JSON.stringify(res.body)).not.toMatch(/scrypt\$/);
        } else {
          expect(res.body.error.code).toEqual(expect.any(String));
        }
      }
      expect((await api.get("/api/counts").query({ thread: evil })).status).toBeLessThan(500);
      const byId = await api.get(`/api/comments/${encodeURIComponent(evil)}`);
      expect([evil, byId.status]).toEqual([evil, 404]);
      expect((await api.get(`/api/threads/${encodeURIComponent(evil)}`)).status).toBe(404);
      const decide = await api.post(`/api/comments/${encodeURIComponent(evil)}/decision`).send({ action: "remove" });
      expect([evil, decide.status]).toEqual([evil, 404]);
    }
    expect(snapshot()).toEqual(before);
  });

  it("refuses SQL injection in sign-in with the usual 401", async () => {
    await signedInAgent(app, t.db, "admin", "admin");
    const before = snapshot();
    for (const evil of SQL_INJECTIONS.slice(0, 6)) {
      const res = await request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username: evil, password: evil });
      expect(res.status === 401 || res.status === 400 || res.status === 429).toBe(true);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    const adminInjection = await request(app).post("/api/session").set(CSRF_HEADER, "1").send({ username: "admin' --", password: "x" });
    expect(adminInjection.status).toBe(401);
    expect(snapshot()).toEqual(before);
  });
});

describe("hostile bodies", () => {
  it("refuses wrong content types, malformed JSON, wrong shapes and oversized bodies with 4xx and no change", async () => {
    const api = await signedInAgent(app, t.db, "moderator");
    const before = snapshot();
    const url = `/api/comments/${commentIdFor(threadId, "a")}/decision`;
    const cases = [
      api.post(url).set("Content-Type", "text/plain").send("action=remove"),
      api.post(url).type("form").send({ action: "remove" }),
      api.post(url).set("Content-Type", "application/json").send('{"action": "remove"'),
      api.post(url).set("Content-Type", "application/json").send("[]"),
      api.post(url).send({ action: ["remove"] }),
      api.post(url).send({ action: "remove", version: "1 OR 1=1" }),
      api.post(url).send({ action: "remove", reason: "x".repeat(2000) }),
      api.post(url).set("Content-Type", "application/json").send('{"action":"delete","__proto__":{"action":"remove"},"constructor":{"prototype":{"x":1}}}'),
      api.post(url).set("Content-Type", "application/json").send(JSON.stringify({ action: "remove", reason: "y".repeat(300_000) })),
      api.post(url).set("Content-Type", "multipart/form-data; boundary=zzz").send("--zzz\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nremove\r\n--"),
    ];
    for (const [i, pending] of cases.entries()) {
      const res = await pending;
      expect([i, res.status >= 400 && res.status < 500]).toEqual([i, true]);
      expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    }
    expect(snapshot()).toEqual(before);
  });
});

describe("hostile uploads", () => {
  const CSV = "id,parent_id,author,body\n1,,Ann,The lane is fine.\n";
  const upload = (agent: Awaited<ReturnType<typeof signedInAgent>>, body: string | Buffer, name = "f.csv") =>
    agent.post("/api/imports").query({ name }).set("Content-Type", "application/octet-stream").send(Buffer.from(body));

  it("refuses viewers, wrong content types, malformed multipart, huge names, binary and oversized files, changing nothing", async () => {
    const viewer = await signedInAgent(app, t.db, "viewer");
    const moderator = await signedInAgent(app, t.db, "moderator");
    const before = snapshot();
    expect((await upload(viewer, CSV)).status).toBe(403);
    const multipart = await moderator
      .post("/api/imports")
      .set("Content-Type", "multipart/form-data; boundary=x")
      .send('--x\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\n\r\n' + CSV);
    expect(multipart.status).toBe(415);
    expect((await moderator.post("/api/imports").set("Content-Type", "text/csv").send(CSV)).status).toBe(415);
    expect((await upload(moderator, CSV, "x".repeat(5000))).status).toBe(400);
    const binary = await upload(moderator, Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 7, 8, 9]));
    expect(binary.status).toBeGreaterThanOrEqual(400);
    expect(binary.status).toBeLessThan(500);
    const huge = await upload(moderator, Buffer.alloc(UPLOAD_LIMIT + 1, "a"));
    expect(huge.status).toBe(413);
    expect(snapshot()).toEqual(before);
  });

  it("treats a path-like file name as a label only, and audits who uploaded", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator", "mod-ann");
    const res = await upload(moderator, CSV, "../../../etc/passwd\u0000.csv").expect(201);
    expect(res.body.threads).toHaveLength(1);
    const event = t.db.prepare("SELECT actor, target FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1").get();
    expect(event).toEqual({ actor: "mod-ann", target: "../../../etc/passwd\u0000.csv" });
  });
});

describe("hostile stored text", () => {
  it("serves markup in bodies, authors and titles as JSON strings, exactly as stored", async () => {
    const api = await signedInAgent(app, t.db, "viewer");
    const res = await api.get("/api/comments").query({ view: "all" }).expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    const a = (res.body.comments as { id: string; body: string; author: string; thread_title: string }[]).find((c) => c.id === commentIdFor(threadId, "a"))!;
    expect(a.body).toBe(`hurt ${SCRIPT}`);
    expect(a.author).toBe(`<b>mallory</b>${IMG}`);
    expect(a.thread_title).toBe(`Budget ${SCRIPT}`);
  });

  it("escapes every piece of markup in the HTML report", () => {
    const html = renderExport(buildReportDocument(t.db), "html");
    for (const raw of [SCRIPT, IMG, LINK, "<b>mallory</b>"]) expect(html).not.toContain(raw);
    expect(html).not.toMatch(/<script>window/);
    expect(html).not.toMatch(/onerror="window/);
    expect(html).toMatch(/&(lt|#60);script&(gt|#62);window/);
  });

  it("neutralises spreadsheet formulas in the CSV report", () => {
    const csv = renderExport(buildReportDocument(t.db), "csv");
    expect(csv).toContain("'=HYPERLINK(");
    expect(csv).toContain("'@SUM(1+1)");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});

describe("hostile text through import, API and HTML report", () => {
  const RLO = "\u202E";
  const TITLE = `Cycle lane ${RLO}fdp.exe <a href="javascript:alert(1)">read</a></textarea>`;
  const AUTHORS = ["javascript:alert(document.cookie)", '<a href="javascript:alert(2)">ann</a>', `${RLO}gnp.exe`, "</textarea><script>alert(3)</script>"];
  const LONG_LINE = `${RLO}${"0123456789".repeat(10_000)}</textarea>`; // a 100 KB body on one line
  const BODIES = ["[click](javascript:alert(4))", `<img src=x onerror=alert(5)> ${RLO}evil`, LONG_LINE, "plain text"];
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const csv = [
    "thread_id,thread_title,url,id,parent_id,author,body",
    ...AUTHORS.map((author, i) => [ "t1", TITLE, "javascript:alert(document.domain)", String(i + 1), "", author, BODIES[i]! ].map(cell).join(",")),
  ].join("\n");

  it("stores RTL overrides, javascript: links, </textarea> and a 100 KB line exactly, and the report shows them as inert text", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    const res = await moderator.post("/api/imports").query({ name: "hostile.csv" }).set("Content-Type", "application/octet-stream").send(Buffer.from(csv)).expect(201);
    const [thread] = res.body.threads as { id: string; title: string }[];
    expect(thread!.title).toBe(TITLE);

    const listed = await moderator.get("/api/comments").query({ view: "all", thread: thread!.id, limit: 10 }).expect(200);
    const comments = listed.body.comments as { author: string; body: string; thread_title: string }[];
    expect(comments.map((c) => c.author).sort()).toEqual([...AUTHORS].sort());
    expect(comments.map((c) => c.body).sort()).toEqual([...BODIES].sort());
    expect(comments.every((c) => c.thread_title === TITLE)).toBe(true);
    expect((await moderator.get(`/api/threads/${thread!.id}`).expect(200)).body.thread.url).toBe("javascript:alert(document.domain)");

    const html = renderExport(buildReportDocument(t.db, { threads: [thread!.id] }), "html");
    // Checked as booleans: a failure should not print a 100 KB report.
    const found = (pattern: RegExp | string) => (typeof pattern === "string" ? html.includes(pattern) : pattern.test(html));
    expect({
      javascriptLink: found(/href\s*=\s*["']?\s*javascript:/i), // from the url column or any text
      liveMarkup: found(/<(script|img|a href="javascript)/i),
      rawTextareaEnd: found(/<\/textarea/i),
      escapedAuthor: found("&#60;/textarea&#62;&#60;script&#62;alert(3)&#60;/script&#62;"),
      urlAsText: found("<p>javascript:alert(document.domain)</p>"),
      // Each override stays inside its own cell or heading, so it cannot reorder the text around it.
      rloAuthorCell: found(`<td>${RLO}gnp.exe</td>`),
      longLineCell: found(`<td class="body">${RLO}${"0123456789".repeat(10_000)}&#60;/textarea&#62;</td>`),
      scopeTitle: found(`Thread: <bdi>Cycle lane ${RLO}fdp.exe &#60;a href=&#34;javascript:alert(1)&#34;&#62;read&#60;/a&#62;&#60;/textarea&#62;</bdi> · `),
      title: found(`<h3>Cycle lane ${RLO}fdp.exe &#60;a href=&#34;javascript:alert(1)&#34;&#62;read&#60;/a&#62;&#60;/textarea&#62;</h3>`),
    }).toEqual({
      javascriptLink: false,
      liveMarkup: false,
      rawTextareaEnd: false,
      escapedAuthor: true,
      urlAsText: true,
      rloAuthorCell: true,
      longLineCell: true,
      scopeTitle: true,
      title: true,
    });
  });
});

describe("hostile upload names", () => {
  const CSV = "id,parent_id,author,body\n1,,Ann,The lane is fine.\n";
  let uploadDir: string;
  let jobs: ImportJob[];

  beforeEach(() => {
    uploadDir = mkdtempSync(join(tmpdir(), "sift-hostile-upload-"));
    jobs = [];
    // In-process import that records what the route asked for: where the bytes were, under which name.
    const runImport = async (job: ImportJob) => {
      jobs.push(job);
      return importFile(t.db, job.path, { format: job.format, displayName: job.name, actor: job.actor });
    };
    app = createApp({ db: t.db, clientDir: null, uploads: { maxBytes: UPLOAD_LIMIT, tmpDir: uploadDir, runImport } });
  });
  afterEach(() => rmSync(uploadDir, { recursive: true, force: true }));

  it("refuses a 10 KB name with a 400 naming the parameter, importing nothing", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    const before = snapshot();
    for (const name of ["x".repeat(10 * 1024), `${"../".repeat(3000)}etc/passwd`, "   "]) {
      const res = await moderator.post("/api/imports").query({ name }).set("Content-Type", "application/octet-stream").send(Buffer.from(CSV));
      expect(res.status).toBe(400);
      expect(res.body.error.issues).toEqual([expect.objectContaining({ path: ["name"] })]);
    }
    expect(jobs).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it("uses path-like names as labels only: the bytes always land in a private temp file, removed afterwards", async () => {
    const moderator = await signedInAgent(app, t.db, "moderator");
    const names = ["../../etc/passwd", "/etc/shadow", "..\\..\\windows\\win.ini", "a/../../b.csv", "nul\u0000.csv", "\u202Evsc.exe", "x".repeat(255)];
    for (const name of names) {
      const res = await moderator.post("/api/imports").query({ name }).set("Content-Type", "application/octet-stream").send(Buffer.from(CSV));
      expect([name, res.status]).toEqual([name, 201]);
    }
    expect(jobs.map((j) => j.name)).toEqual(names);
    for (const job of jobs) {
      expect(basename(job.path)).toBe("upload");
      expect(dirname(dirname(job.path))).toBe(uploadDir);
    }
    expect(readdirSync(uploadDir)).toEqual([]);
  });
});
