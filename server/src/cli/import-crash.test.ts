import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection";
import { checkDatabaseIntegrity } from "../db/maintenance";

const ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const COMMENTS = 80_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-crash-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Issue 5, faults: a kill in the middle of a large import must leave the database as before it.
describe("killing an import midway", { timeout: 180_000 }, () => {
  it("leaves no partial thread: SIGKILL while the transaction writes, then the database is as before and sound", async () => {
    const rows = ["id,parent_id,author,body"];
    for (let i = 1; i <= COMMENTS; i++) rows.push(`${i},,user${i % 500},Comment number ${i} about the new cycle lane and the council vote.`);
    writeFileSync(join(dir, "big.csv"), `${rows.join("\n")}\n`);
    const db = join(dir, "t.db");

    const child = spawn(TSX, [join(ROOT, "server/src/cli/main.ts"), "import", "big.csv", "--db", db], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: "ignore",
    });
    let exited = false;
    child.on("exit", () => (exited = true));
    // The file is parsed before the database is touched; the WAL grows once rows are being written.
    const wal = `${db}-wal`;
    while (!exited && !(existsSync(wal) && statSync(wal).size > 1_000_000)) await sleep(5);
    const killedMidway = !exited;
    child.kill("SIGKILL");
    while (!exited) await sleep(10);

    const check = openDatabase(db);
    try {
      const comments = (check.prepare("SELECT COUNT(*) AS n FROM comments").get() as { n: number }).n;
      const threads = (check.prepare("SELECT COUNT(*) AS n FROM threads").get() as { n: number }).n;
      if (killedMidway) expect({ threads, comments }).toEqual({ threads: 0, comments: 0 });
      else expect({ threads, comments }).toEqual({ threads: 1, comments: COMMENTS }); // finished first: all of it
      expect(checkDatabaseIntegrity(check)).toEqual([]);
    } finally {
      check.close();
    }
    expect(killedMidway).toBe(true);
  });
});
