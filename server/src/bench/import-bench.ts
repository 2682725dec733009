import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "../db/connection";
import { migrate } from "../db/migrate";
import type { Corpus } from "./corpus";
import { median, now, perSecond, round } from "./measure";

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL("./import-child.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface FormatImportResult {
  format: string;
  comments: number;
  flagged: number;
  comments_per_s: number;
  /** Read + parse + rules, store (one transaction, FTS triggers), search index rebuild. */
  prepare_s: number;
  store_s: number;
  index_s: number;
  peak_rss_mb: number;
  baseline_rss_mb: number;
  file_mb: number;
}

interface ChildReport {
  comments: number;
  flagged: number;
  prepare_ms: number;
  store_ms: number;
  index_ms: number;
  total_ms: number;
  peak_rss_mb: number;
  baseline_rss_mb: number;
}

/** Imports `file` into a fresh database at `dbPath` through the real import service, in a child process. */
export async function benchImportFile(format: string, file: string, fileBytes: number, dbPath: string): Promise<FormatImportResult> {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD, file, dbPath], {
    cwd: REPO_ROOT,
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as ChildReport;
  return {
    format,
    comments: r.comments,
    flagged: r.flagged,
    comments_per_s: perSecond(r.comments, r.total_ms),
    prepare_s: round(r.prepare_ms / 1000),
    store_s: round(r.store_ms / 1000),
    index_s: round(r.index_ms / 1000),
    peak_rss_mb: Math.round(r.peak_rss_mb),
    baseline_rss_mb: Math.round(r.baseline_rss_mb),
    file_mb: round(fileBytes / 2 ** 20, 1),
  };
}

/**
 * The limit an import could approach: the same comment rows through one prepared INSERT in one
 * transaction, into a table with the columns of `comments` but no keys, indexes, triggers or FTS,
 * with the same connection settings (WAL, synchronous=NORMAL). Median rows/s of `reps` fresh files.
 */
export function benchRawInsert(corpus: Corpus, dir: string, reps: number): number {
  const rows = corpus.threads.flatMap((t) =>
    t.comments.map((c, i) => ({
      id: c.id, thread_id: t.id, external_id: c.id, position: i + 1, parent_id: c.parentId, author: c.author,
      posted_at: c.postedAt, body: c.body, status: "pending", decided_at: null, version: 1, severity: null, sort_at: c.postedAt,
    })),
  );
  const rates: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const path = join(dir, `raw-${rep}.db`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    const db = openDatabase(path);
    migrate(db);
    // Same columns as the real table, none of its constraints or indexes.
    db.exec("CREATE TABLE raw_comments AS SELECT * FROM comments WHERE 0");
    const columns = (db.prepare("PRAGMA table_info(raw_comments)").all() as { name: string }[]).map((c) => c.name);
    const insert = db.prepare(`INSERT INTO raw_comments (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
    const bind = (row: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
    const bound = rows.map(bind);
    const start = now();
    db.transaction(() => {
      for (const row of bound) insert.run(row);
    })();
    rates.push(perSecond(rows.length, now() - start));
    db.close();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
  }
  return median(rates);
}
