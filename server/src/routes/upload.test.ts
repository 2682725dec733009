import { once } from "node:events";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { openDatabase } from "../db/connection";
import { createTestDb } from "../db/test-db";
import { runImportInWorker, type ImportRunner } from "../services/import-worker-runner";
import { addUser } from "../services/user-service";
import { CSRF_HEADER } from "./csrf";
import { TEST_PASSWORD } from "./test-session";

// Uploads (issue 5): the body is streamed to a private temp file under a byte limit, imported in a
// worker thread, and the temp file is gone afterwards whatever happened.

const LIMIT = 256 * 1024;
const CSV = "id,parent_id,author,body\n1,,Ann,The lane is fine.\n2,1,Bob,You idiot.\n";

let t: ReturnType<typeof createTestDb>;
let uploadDir: string;
let server: Server;
let base: string;
let cookie: string;

/** Starts the app on a free port with `runImport` (default: the worker), signed in as a moderator. */
async function start(runImport?: ImportRunner, maxBytes = LIMIT): Promise<void> {
  const app = createApp({ db: t.db, clientDir: null, uploads: { maxBytes, tmpDir: uploadDir, ...(runImport ? { runImport } : {}) } });
  server = app.listen(0);
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await addUser(t.db, { username: "mod", password: TEST_PASSWORD, role: "moderator" });
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", [CSRF_HEADER]: "1" },
    body: JSON.stringify({ username: "mod", password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function upload(body: BodyInit, name = "f.csv", init: RequestInit = {}): Promise<Response> {
  const streamed = body instanceof ReadableStream;
  return fetch(`${base}/api/imports?${new URLSearchParams({ name })}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", [CSRF_HEADER]: "1", Cookie: cookie },
    body,
    ...(streamed ? { duplex: "half" } : {}),
    ...init,
  } as RequestInit);
}

/** A body sent chunked (no Content-Length), so the limit must be enforced while streaming. */
function chunked(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = parts.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

const counts = () => t.db.prepare("SELECT (SELECT COUNT(*) FROM threads) AS threads, (SELECT COUNT(*) FROM comments) AS comments").get();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  t = createTestDb();
  uploadDir = mkdtempSync(join(tmpdir(), "sift-upload-test-"));
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  t.cleanup();
  rmSync(uploadDir, { recursive: true, force: true });
});

describe("POST /api/imports streaming to disk", () => {
  it("imports a streamed upload in a worker and leaves no temp file behind", async () => {
    await start();
    const res = await upload(chunked([Buffer.from(CSV.slice(0, 20)), Buffer.from(CSV.slice(20))]), "lane.csv");
    expect(res.status).toBe(201);
    expect((await res.json()).threads).toEqual([expect.objectContaining({ title: "lane", format: "csv", comments: 2, flagged: 1 })]);
    expect(counts()).toEqual({ threads: 1, comments: 2 });
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it("refuses a body over the limit with 413 naming the limit, declared or streamed, and writes nothing", async () => {
    await start();
    const big = Buffer.alloc(LIMIT + 1, "a");
    const declared = await upload(big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toEqual({ code: "payload_too_large", message: expect.stringMatching(/upload limit of 262144 bytes.*SIFT_MAX_UPLOAD_MB/) });
    const streamed = await upload(chunked([Buffer.from(CSV), Buffer.alloc(LIMIT, "b")]));
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("payload_too_large");
    expect(counts()).toEqual({ threads: 0, comments: 0 });
    // Exactly at the limit is allowed.
    const head = "id,parent_id,author,body\n1,,Ann,";
    const atLimit = await upload(`${head}${"x".repeat(LIMIT - head.length - 1)}\n`);
    expect(atLimit.status).toBe(201);
    expect(counts()).toEqual({ threads: 1, comments: 1 });
    expect(readdirSync(uploadDir)).toEqual([]);
  });

  it("removes the temp file after a bad file, and keeps 415 for a wrong content type", async () => {
    await start();
    const bad = await upload(Buffer.from([0, 1, 2, 0, 0xff]), "blob.bin");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toMatch(/^blob\.bin: /);
    const wrongType = await fetch(`${base}/api/imports?name=f.csv`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", [CSRF_HEADER]: "1", Cookie: cookie },
      body: CSV,
    });
    expect(wrongType.status).toBe(415);
    expect(readdirSync(uploadDir)).toEqual([]);
    expect(counts()).toEqual({ threads: 0, comments: 0 });
  });

  it("cleans up after a client that aborts midway, importing nothing", async () => {
    let imports = 0;
    await start(async (job) => {
      imports++;
      return runImportInWorker(job);
    });
    const abort = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(Buffer.from(CSV));
        else {
          // The server has a temp file open by now; wait until it shows, then hang up.
          while (readdirSync(uploadDir).length === 0) await sleep(5);
          abort.abort();
        }
        sent++;
      },
    });
    await expect(upload(body, "f.csv", { signal: abort.signal })).rejects.toThrow();
    while (readdirSync(uploadDir).length > 0) await sleep(10); // the test's timeout bounds this
    expect(imports).toBe(0);
    expect(counts()).toEqual({ threads: 0, comments: 0 });
    // The server is fine afterwards.
    expect((await upload(CSV)).status).toBe(201);
  });
});

describe("a worker that fails", () => {
  it("answers a generic 500 (no internals), cleans up, and the server keeps serving", async () => {
    // A directory as the database: the worker's openDatabase throws something that is not a bad file.
    await start((job) => runImportInWorker({ ...job, dbPath: uploadDir }));
    const res = await upload(CSV);
    expect(res.status).toBe(500);
    expect((await res.json()).error).toEqual({ code: "internal", message: "Something went wrong on the server." });
    expect(readdirSync(uploadDir)).toEqual([]);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe("while an import holds the write lock", () => {
  it("answers reads, and refuses a decision with 503 busy (not 500) that succeeds once the lock is free", async () => {
    await start();
    expect((await upload(CSV, "lane.csv")).status).toBe(201);
    const id = t.db.prepare("SELECT id FROM comments ORDER BY position LIMIT 1").pluck().get() as string;
    t.db.pragma("busy_timeout = 50"); // the server's connection; the default would wait 5 s first
    const importer = openDatabase(t.path); // stands in for an import's store transaction
    const decide = () =>
      fetch(`${base}/api/comments/${id}/decision`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [CSRF_HEADER]: "1", Cookie: cookie },
        body: JSON.stringify({ action: "remove" }),
      });
    try {
      // A session due its once-a-minute last_seen write still reads: the write is skipped, not fatal.
      t.db.prepare("UPDATE sessions SET last_seen = ?").run(new Date(Date.now() - 3_600_000).toISOString());
      importer.prepare("BEGIN IMMEDIATE").run();
      expect((await fetch(`${base}/api/comments?view=all`, { headers: { Cookie: cookie } })).status).toBe(200);
      const busy = await decide();
      expect(busy.status).toBe(503);
      expect(busy.headers.get("retry-after")).toBe("5");
      expect((await busy.json()).error).toEqual({ code: "busy", message: expect.stringMatching(/Nothing was changed; try again/) });
      expect(t.db.prepare("SELECT status FROM comments WHERE id = ?").pluck().get(id)).toBe("pending");
    } finally {
      importer.prepare("ROLLBACK").run();
      importer.close();
    }
    expect((await decide()).status).toBe(200);
  });
});

describe("imports off the event loop", { timeout: 240_000 }, () => {
  it("answers GET /api/health while a 100,000-comment upload is being imported", async () => {
    const COMMENTS = 100_000;
    const rows = ["id,parent_id,author,body"];
    for (let i = 1; i <= COMMENTS; i++) rows.push(`${i},${i % 3 === 0 ? i - 1 : ""},user${i % 700},Comment ${i} on the cycle lane and the vote.`);
    let importStarted!: () => void;
    const started = new Promise<void>((r) => (importStarted = r));
    await start(async (job) => {
      importStarted();
      return runImportInWorker(job);
    }, 50 * 1024 * 1024);
    const order: string[] = [];
    const importing = upload(`${rows.join("\n")}\n`, "big.csv").then(async (res) => {
      order.push("import");
      return { status: res.status, body: await res.json() };
    });
    await started;
    const health = await fetch(`${base}/api/health`);
    order.push("health");
    expect(health.status).toBe(200);
    const imported = await importing;
    expect(order).toEqual(["health", "import"]);
    expect(imported.status).toBe(201);
    expect(imported.body.threads).toEqual([expect.objectContaining({ comments: COMMENTS })]);
    expect(counts()).toEqual({ threads: 1, comments: COMMENTS });
    expect(readdirSync(uploadDir)).toEqual([]);
  });
});
