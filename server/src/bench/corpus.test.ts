import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generateCorpus, KIND_MIX, threadCountFor, toCsv, writeCorpusFiles, type CommentKind } from "./corpus";

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

/** The keys CONTRACT.md's "Benchmark" section promises. */
const CONTRACT_KEYS = [
  "comments", "import_comments_per_s", "raw_insert_rows_per_s", "rules_comments_per_s", "obscenity_comments_per_s",
  "peak_rss_mb", "queue_p95_ms", "search_p95_ms", "decision_p95_ms", "export_comments_per_s",
];

describe("generateCorpus", () => {
  it("makes the same corpus from the same seed, and another from another seed", () => {
    const a = generateCorpus({ comments: 1500, seed: 7 });
    expect(generateCorpus({ comments: 1500, seed: 7 })).toEqual(a);
    expect(toCsv(generateCorpus({ comments: 1500, seed: 8 }))).not.toEqual(toCsv(a));
  });

  it("produces the stated mix: lengths about 200 characters, replies, 5% toxic, some spam and off-topic", () => {
    const corpus = generateCorpus({ comments: 10_000, seed: 42 });
    const comments = corpus.threads.flatMap((t) => t.comments);
    expect(comments).toHaveLength(10_000);
    expect(corpus.threads).toHaveLength(threadCountFor(10_000));
    const lengths = comments.map((c) => c.body.length);
    const average = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(average).toBeGreaterThan(170);
    expect(average).toBeLessThan(240);
    expect(lengths.filter((n) => n < 80).length / lengths.length).toBeGreaterThan(0.1);
    expect(lengths.filter((n) => n > 400).length / lengths.length).toBeGreaterThan(0.05);
    const share = (kinds: CommentKind[]) => comments.filter((c) => kinds.includes(c.kind)).length / comments.length;
    expect(share(["profanity", "insult", "threat", "slur"])).toBeCloseTo(0.05, 1);
    for (const kind of Object.keys(KIND_MIX) as CommentKind[]) {
      expect(Math.abs(share([kind]) - KIND_MIX[kind])).toBeLessThan(0.01);
    }
    const ids = new Set(comments.map((c) => c.id));
    expect(ids.size).toBe(comments.length);
    const replies = comments.filter((c) => c.parentId !== null);
    expect(replies.length / comments.length).toBeGreaterThan(0.25);
    expect(replies.every((c) => ids.has(c.parentId!))).toBe(true);
    // Disguised spellings are part of the mix.
    expect(comments.some((c) => c.kind === "profanity" && /[.*$@1]/.test(c.body.replace(/[.!?]$/, "")))).toBe(true);
  });

  it("writes the same records as JSONL and CSV", () => {
    const dir = mkdtempSync(join(tmpdir(), "sift-corpus-"));
    try {
      const corpus = generateCorpus({ comments: 200, seed: 3 });
      const files = writeCorpusFiles(corpus, dir);
      const records = readFileSync(files.jsonl, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; body: string });
      expect(records.map((r) => r.id)).toEqual(corpus.threads.flatMap((t) => t.comments.map((c) => c.id)));
      expect(readFileSync(files.csv, "utf8").startsWith("id,parent_id,author,created_at,body,")).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run bench -- --json", () => {
  it("prints one JSON object with every contract key, numeric or null", { timeout: 180_000 }, async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", MAIN, "--comments", "300", "--json", "--reps", "1"], {
      cwd: REPO_ROOT,
      maxBuffer: 1 << 20,
    });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of CONTRACT_KEYS) {
      const value = report[key];
      expect(value === null || (typeof value === "number" && Number.isFinite(value)), `${key}: ${String(value)}`).toBe(true);
    }
    expect(report.comments).toBe(300);
  });
});
