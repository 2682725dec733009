import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection";
import { decideComment } from "../services/decision-service";


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-rescan-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would, from `dir`. */
const sift = (...args: string[]) => runCli(args, { cwd: dir });

const CSV = "id,parent_id,author,body\n1,,Ann,You are an idiot and a moron.\n2,1,Bob,I disagree with you about the lane.\n";

/** Opens the CLI's database in the test to do what a moderator or an older rule pack would have done. */
function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(join(dir, "my.db"));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe("sift rescan", { timeout: 60_000 }, () => {
  it("restores flags from the current rules and leaves statuses and decisions alone", () => {
    writeFileSync(join(dir, "thread.csv"), CSV);
    const imported = JSON.parse(sift("import", "thread.csv", "--json", "--db", "my.db").stdout) as { threads: { id: string; flagged: number }[] };
    const thread = imported.threads[0]!;
    expect(thread.flagged).toBeGreaterThan(0);

    // A moderator removes the first comment; then the stored flags go stale (as after a rule change).
    const before = withDb((db) => {
      const first = db.prepare("SELECT id FROM comments WHERE external_id = '1'").pluck().get() as string;
      decideComment(db, first, { action: "remove", reason: "abuse" });
      db.prepare("DELETE FROM flags").run();
      return {
        statuses: db.prepare("SELECT id, status, decided_at FROM comments ORDER BY id").all(),
        decisions: db.prepare("SELECT * FROM decisions ORDER BY id").all(),
      };
    });

    const run = sift("rescan", "--json", "--db", "my.db");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      threads: [{ id: thread.id, title: expect.any(String), comments: 2, flagged: thread.flagged, changed: thread.flagged }],
    });
    withDb((db) => {
      expect(db.prepare("SELECT COUNT(DISTINCT comment_id) FROM flags").pluck().get()).toBe(thread.flagged);
      expect(db.prepare("SELECT id, status, decided_at FROM comments ORDER BY id").all()).toEqual(before.statuses);
      expect(db.prepare("SELECT * FROM decisions ORDER BY id").all()).toEqual(before.decisions);
    });

    const again = sift("rescan", "--thread", thread.id, "--db", "my.db");
    expect(again.stdout).toMatch(new RegExp(`2 comments, ${thread.flagged} flagged, 0 with changed flags -> ${thread.id}\\n$`));
  });

  it("names an unknown thread in one line and exits non-zero", () => {
    const run = sift("rescan", "--thread", "t_nope", "--db", "my.db");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("no thread with id t_nope");
  });
});
