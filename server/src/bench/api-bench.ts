import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createApp } from "../app";
import type { Db } from "../db/connection";
import { QueueQuerySchema } from "../routes/comments-schema";
import { decideComment } from "../services/decision-service";
import { countViews, listQueuePage, type QueuePage } from "../services/queue-service";
import { median, now, percentile, round } from "./measure";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CLI = fileURLToPath(new URL("../cli/main.ts", import.meta.url));

/** Words moderators search for: topic words, names, and the words of abuse and spam. */
const SEARCHES = ["parking", "council", "cycle lane", "teachers", "budget", "manager", "green belt", "fares", "plumber", "idiot", "WhatsApp", "Priya", "consultation", "sourdough", "timetable"];

/** How the API was reached: over HTTP with a session, or (sign-in not available) through the services. */
export type ApiMode = "http" | "http+session" | "services";

interface Client {
  mode: ApiMode;
  queue(params: Record<string, string>): Promise<QueuePage>;
  counts(): Promise<unknown>;
  decide(id: string, action: "approve" | "undo"): Promise<void>;
  close(): Promise<void>;
}

export interface ApiResult {
  /** Comments in the database the API was timed on (more than the corpus with --api-comments). */
  comments?: number;
  mode: ApiMode;
  note: string | null;
  requests_per_rep: number;
  queue_p50_ms: number;
  queue_p95_ms: number;
  search_p50_ms: number;
  search_p95_ms: number;
  decision_p50_ms: number;
  decision_p95_ms: number;
  counts_p50_ms: number;
  counts_p95_ms: number;
}

/** Creates a moderator with the `sift users add` CLI (password on stdin, as CONTRACT.md says). */
async function addUserWithCli(dbPath: string, username: string, password: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "users", "add", username, "--role", "moderator", "--db", dbPath], {
    cwd: REPO_ROOT,
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(`${password}\n`);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`sift users add failed (${code}): ${stderr.trim()}`);
}

async function httpClient(db: Db, dbPath: string): Promise<Client | string> {
  const server = createApp({ db, clientDir: null }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  // The client sends this header on every request (CSRF guard); harmless where there is none.
  const headers: Record<string, string> = { "x-sift-csrf": "1", "content-type": "application/json" };
  let mode: ApiMode = "http";
  const probe = await fetch(`${base}/comments?view=review&limit=1`, { headers });
  await probe.arrayBuffer();
  if (probe.status === 401) {
    const username = "bench-moderator";
    const password = randomBytes(12).toString("base64url");
    try {
      await addUserWithCli(dbPath, username, password);
    } catch (err) {
      await close();
      return `the API answers 401 and no user could be created: ${(err as Error).message}`;
    }
    const signIn = await fetch(`${base}/session`, { method: "POST", headers, body: JSON.stringify({ username, password }) });
    await signIn.arrayBuffer();
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0];
    if (!signIn.ok || !cookie) {
      await close();
      return `the API answers 401 and signing in answered ${signIn.status}`;
    }
    headers.cookie = cookie;
    mode = "http+session";
  } else if (!probe.ok) {
    await close();
    return `GET /api/comments answered ${probe.status}`;
  }
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, { ...init, headers });
    if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    mode,
    queue: async (params) => (await call(`/comments?${new URLSearchParams(params)}`)) as QueuePage,
    counts: () => call("/counts"),
    decide: async (id, action) => {
      await call(`/comments/${encodeURIComponent(id)}/decision`, { method: "POST", body: JSON.stringify({ action }) });
    },
    close,
  };
}

function servicesClient(db: Db): Client {
  return {
    mode: "services",
    queue: async (params) => listQueuePage(db, QueueQuerySchema.parse(params)),
    counts: async () => countViews(db),
    decide: async (id, action) => {
      decideComment(db, id, { action, moderator: "bench" });
    },
    close: async () => {},
  };
}

async function timed(times: number[], fn: () => Promise<unknown>): Promise<void> {
  const start = now();
  await fn();
  times.push(now() - start);
}

/** One repetition: queue pages (review and all, following cursors), searches, view counts, approve+undo pairs. */
async function runOnce(client: Client, size: number): Promise<Record<"queue" | "search" | "decision" | "counts", number[]>> {
  const queue: number[] = [];
  const counts: number[] = [];
  const search: number[] = [];
  const decision: number[] = [];
  for (const view of ["review", "all"]) {
    let cursor = null as string | null;
    for (let i = 0; i < size; i++) {
      const params: Record<string, string> = { view, limit: "50" };
      if (cursor) params.cursor = cursor;
      await timed(queue, async () => {
        const page = await client.queue(params);
        // Page on five pages deep, then start again from the top.
        cursor = i % 5 === 4 ? null : page.next_cursor;
      });
    }
  }
  for (let i = 0; i < size; i++) {
    await timed(search, () => client.queue({ view: "all", q: SEARCHES[i % SEARCHES.length]!, limit: "50" }));
  }
  for (let i = 0; i < size / 2; i++) await timed(counts, () => client.counts());
  const ids = (await client.queue({ view: "review", limit: String(Math.min(200, size)) })).comments.map((c) => c.id);
  for (const id of ids) {
    await timed(decision, () => client.decide(id, "approve"));
    await timed(decision, () => client.decide(id, "undo"));
  }
  return { queue, search, decision, counts };
}

/**
 * Times the queue, search and decision API against `db` (already imported) on a loopback port,
 * client and server in this process, sequential requests. Medians over `reps` of each p50/p95.
 */
export async function benchApi(db: Db, dbPath: string, reps: number, size = 40): Promise<ApiResult> {
  const http = await httpClient(db, dbPath);
  const client = typeof http === "string" ? servicesClient(db) : http;
  const note = typeof http === "string" ? `measured through the services directly: ${http}` : null;
  try {
    await runOnce(client, 5); // warm-up: JIT, statement cache, page cache
    const runs: Awaited<ReturnType<typeof runOnce>>[] = [];
    for (let r = 0; r < reps; r++) runs.push(await runOnce(client, size));
    const stat = (key: "queue" | "search" | "decision" | "counts", p: number) => round(median(runs.map((run) => percentile(run[key], p))));
    return {
      mode: client.mode,
      note,
      requests_per_rep: size * 3 + runs[0]!.counts.length + runs[0]!.decision.length,
      queue_p50_ms: stat("queue", 50),
      queue_p95_ms: stat("queue", 95),
      search_p50_ms: stat("search", 50),
      search_p95_ms: stat("search", 95),
      decision_p50_ms: stat("decision", 50),
      decision_p95_ms: stat("decision", 95),
      counts_p50_ms: stat("counts", 50),
      counts_p95_ms: stat("counts", 95),
    };
  } finally {
    await client.close();
  }
}
