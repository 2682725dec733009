import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "./cli/run-cli";
import { openDatabase, type Db } from "./db/connection";
import { migrate } from "./db/migrate";
import { decideComment } from "./services/decision-service";
import { commentIdFor } from "./services/ids";
import { importFile } from "./services/import-service";

// Faults (issue 5): `kill -9` in the middle of a large import into a database that already holds
// moderators' work must leave that work exactly as it was, with no partial thread, and a sound file.

const TSX = join(REPO_ROOT, "node_modules/.bin/tsx");
const HEADER = "thread_id,thread_title,id,parent_id,author,body";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-faults-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every row a moderator or an import could have changed. */
function snapshot(db: Db): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    threads: all("SELECT * FROM threads ORDER BY id"),
    comments: all("SELECT * FROM comments ORDER BY id"),
    flags: all("SELECT * FROM flags ORDER BY comment_id, rowid"),
    decisions: all("SELECT * FROM decisions ORDER BY id"),
    audit: all("SELECT * FROM audit_log ORDER BY id"),
  };
}

describe("SIGKILL during a CLI import", { timeout: 240_000 }, () => {
  it("leaves the existing threads, comments and decisions exactly as before, and `sift check` passes", async () => {
    const dbPath = join(dir, "sift.db");
    const seedFile = join(dir, "seed.csv");
    writeFileSync(seedFile, `${HEADER}\nlane,Cycle lane,1,,Ann,The lane is fine.\nlane,Cycle lane,2,1,Bob,You idiot.\nlane,Cycle lane,3,,Cy,Agreed.\n`);
    const seed = openDatabase(dbPath);
    migrate(seed);
    const [lane] = importFile(seed, seedFile, { actor: "test" });
    decideComment(seed, commentIdFor(lane!.id, "2"), { action: "remove", moderator: "ann", reason: "insult" });
    const before = snapshot(seed);
    seed.close();

    // The big file rewrites the seeded thread first (same key), then adds a second one.
    const rows = [HEADER];
    for (let i = 1; i <= 60_000; i++) rows.push(`lane,Cycle lane,${i},,user${i % 500},Edited comment ${i} about the cycle lane and the council vote.`);
    for (let i = 1; i <= 20_000; i++) rows.push(`budget,Budget,${i},,user${i % 300},Comment ${i} on the budget.`);
    writeFileSync(join(dir, "big.csv"), `${rows.join("\n")}\n`);

    const child = spawn(TSX, [join(REPO_ROOT, "server/src/cli/main.ts"), "import", "big.csv", "--db", dbPath], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: "ignore",
    });
    let exited = false;
    child.on("exit", () => (exited = true));
    // Parsing happens before the database is touched; the WAL grows once rows are being written.
    const wal = `${dbPath}-wal`;
    while (!exited && !(existsSync(wal) && statSync(wal).size > 2_000_000)) await sleep(5);
    const killedMidway = !exited;
    child.kill("SIGKILL");
    while (!exited) await sleep(10);
    expect(killedMidway).toBe(true);

    const after = openDatabase(dbPath);
    try {
      expect(snapshot(after)).toEqual(before);
      expect(after.prepare("SELECT title FROM threads ORDER BY title").pluck().all()).toEqual(["Cycle lane"]);
    } finally {
      after.close();
    }
    const check = runCli(["check", "--db", dbPath], { cwd: dir });
    expect(check).toMatchObject({ code: 0, stdout: `${dbPath}: ok\n` });
  });
});
