import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./cli/run-cli";
import { openDatabase } from "./db/connection";
import { checkDatabaseIntegrity } from "./db/maintenance";

// Graceful shutdown (issue 5): SIGTERM while an upload is being imported lets that request finish,
// refuses new connections, closes the database (checkpointing the WAL) and exits 0.

// node itself with tsx's loader, not the tsx wrapper: the signal must reach the server's own process.
const TSX_LOADER = pathToFileURL(join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const PASSWORD = "shutdown test password";
const COMMENTS = 20_000;

let dir: string;
let server: ChildProcess | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-shutdown-"));
});
afterEach(() => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `index.ts` on a free port; resolves with its port and a way to wait for a log message. */
async function startServer(dbPath: string) {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(REPO_ROOT, "server/src/index.ts")], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "0", SIFT_DB: dbPath, SIFT_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server = child;
  const exited = once(child, "exit") as Promise<[number | null, string | null]>;
  const messages: string[] = [];
  const waiters: { match: RegExp; resolve: () => void }[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    let msg: string;
    try {
      msg = String((JSON.parse(line) as { msg?: unknown }).msg);
    } catch {
      return;
    }
    messages.push(msg);
    for (const w of waiters.filter((w) => w.match.test(msg))) w.resolve();
  });
  const logged = (match: RegExp) =>
    messages.some((m) => match.test(m)) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ match, resolve }));
  await Promise.race([logged(/is listening on/), exited.then(() => Promise.reject(new Error("the server exited on start")))]);
  const port = Number(/localhost:(\d+)/.exec(messages.find((m) => /is listening on/.test(m))!)![1]);
  return { port, exited, logged, messages };
}

/**
 * POSTs `body` on a connection of its own; `allSent` resolves once every byte is handed to the
 * kernel (so the server has the request and is reading it).
 */
function post(port: number, path: string, body: Buffer, headers: Record<string, string>) {
  let sent!: () => void;
  let failed!: (err: Error) => void;
  const allSent = new Promise<void>((resolve, reject) => ((sent = resolve), (failed = reject)));
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const options = { port, path, method: "POST", agent: false, headers: { ...headers, "Content-Length": String(body.length) } };
    const req = request(options, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", (err) => {
      failed(err);
      reject(err);
    });
    req.end(body, sent);
  });
  return { allSent, answered };
}

describe("SIGTERM", { timeout: 180_000 }, () => {
  it("finishes an in-flight upload, refuses new connections, checkpoints the WAL and exits 0", async () => {
    const dbPath = join(dir, "sift.db");
    const { port, exited, logged } = await startServer(dbPath);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
    const threadsBefore = (health as { threads: number }).threads;

    const rows = ["id,parent_id,author,body"];
    for (let i = 1; i <= COMMENTS; i++) rows.push(`${i},,user${i % 300},Comment ${i} on the cycle lane.`);
    const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Sift-CSRF": "1" },
      body: JSON.stringify({ username: "admin", password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const upload = post(port, "/api/imports?name=big.csv", Buffer.from(`${rows.join("\n")}\n`), {
      "Content-Type": "application/octet-stream",
      "X-Sift-CSRF": "1",
      Cookie: cookie,
    });
    upload.answered.catch(() => undefined); // awaited below; a failure shows there
    await upload.allSent;
    server!.kill("SIGTERM");
    await logged(/shutting down/);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();

    const answer = await upload.answered;
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body).threads).toEqual([expect.objectContaining({ comments: COMMENTS })]);
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    await logged(/database closed/);

    // Closing the last connection checkpoints the WAL into the main file and removes it.
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    const db = openDatabase(dbPath);
    try {
      expect(checkDatabaseIntegrity(db)).toEqual([]);
      expect(db.prepare("SELECT COUNT(*) FROM threads").pluck().get()).toBe(threadsBefore + 1);
    } finally {
      db.close();
    }
  });
});
