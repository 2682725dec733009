import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./cli/run-cli";
import { openDatabase } from "./db/connection";
import { checkDatabaseIntegrity } from "./db/maintenance";
import { migrate } from "./db/migrate";
import { importFile } from "./services/import-service";

// Backup while writing (issue 5): `sift backup` runs while one process imports a large file and
// another decides comments one by one; every copy must open, pass the integrity check, and hold a
// state that existed: the import wholly in or wholly out, each decision with its comment's status.

const TSX_LOADER = pathToFileURL(join(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const SEED_COMMENTS = 200;
const IMPORT_COMMENTS = 30_000;

/** Decides every seeded comment ("remove"), one small transaction each (about 30 s in all), retrying while the import holds the lock. */
const DECISION_WRITER = `
import { openDatabase } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, "server/src/db/connection.ts")).href)};
import { decideComment } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, "server/src/services/decision-service.ts")).href)};
const db = openDatabase(process.argv[2]);
const ids = db.prepare("SELECT id FROM comments ORDER BY id").pluck().all();
for (const id of ids) {
  for (;;) {
    try { decideComment(db, id, { action: "remove", moderator: "writer" }); break; }
    catch (err) { if (err.code !== "SQLITE_BUSY") throw err; }
  }
  await new Promise((r) => setTimeout(r, 150)); // slow enough for several backups to land midway
}
db.close();
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-backup-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a TypeScript file with node + tsx; resolves `exited` with its exit code. */
function run(args: string[]) {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdout!.resume();
  let done = false;
  const exited = once(child, "exit").then(([code]) => {
    done = true;
    return { code: code as number | null, stderr };
  });
  return { exited, running: () => !done };
}

const sift = (...args: string[]) => run([join(REPO_ROOT, "server/src/cli/main.ts"), ...args]);

describe("sift backup while other processes write", { timeout: 300_000 }, () => {
  it("makes copies that open, pass integrity_check and hold a consistent state", async () => {
    const dbPath = join(dir, "sift.db");
    const seedRows = ["thread_id,thread_title,id,parent_id,author,body"];
    for (let i = 1; i <= SEED_COMMENTS; i++) seedRows.push(`seed,Seed thread,${i},,user${i},Comment ${i}.`);
    writeFileSync(join(dir, "seed.csv"), `${seedRows.join("\n")}\n`);
    const seed = openDatabase(dbPath);
    migrate(seed);
    importFile(seed, join(dir, "seed.csv"));
    seed.close();
    const bigRows = ["thread_id,thread_title,id,parent_id,author,body"];
    for (let i = 1; i <= IMPORT_COMMENTS; i++) bigRows.push(`big,Big thread,${i},,user${i % 400},Comment ${i} on the cycle lane and the vote.`);
    writeFileSync(join(dir, "big.csv"), `${bigRows.join("\n")}\n`);
    writeFileSync(join(dir, "writer.mts"), DECISION_WRITER);

    const importer = sift("import", "big.csv", "--db", dbPath);
    const decider = run([join(dir, "writer.mts"), dbPath]);
    const copies: { file: string; duringImport: boolean }[] = [];
    while (importer.running() || decider.running()) {
      const file = join(dir, `copy-${copies.length}.db`);
      // Whether a copy overlaps the import's store transaction itself is a race the test cannot
      // force (on a fast machine the store takes a second or two); overlapping the import process is
      // certain, and every copy is checked for an all-or-nothing import either way.
      const startedDuringImport = importer.running();
      const backup = await sift("backup", file, "--db", dbPath).exited;
      expect(backup).toEqual({ code: 0, stderr: "" });
      copies.push({ file, duringImport: startedDuringImport && importer.running() });
    }
    expect(await importer.exited).toEqual({ code: 0, stderr: "" });
    expect(await decider.exited).toEqual({ code: 0, stderr: "" });

    const states = copies.map(({ file, duringImport }) => {
      const copy = openDatabase(file);
      try {
        expect(checkDatabaseIntegrity(copy)).toEqual([]);
        const count = (sql: string) => copy.prepare(sql).pluck().get() as number;
        const comments = count("SELECT COUNT(*) FROM comments");
        const threads = count("SELECT COUNT(*) FROM threads");
        const decisions = count("SELECT COUNT(*) FROM decisions");
        const removed = count("SELECT COUNT(*) FROM comments WHERE status = 'removed'");
        // The import is all or nothing; every decision row comes with its comment's new status.
        expect([{ threads: 1, comments: SEED_COMMENTS }, { threads: 2, comments: SEED_COMMENTS + IMPORT_COMMENTS }]).toContainEqual({ threads, comments });
        expect(removed).toBe(decisions);
        return { decisions, imported: threads === 2, duringImport };
      } finally {
        copy.close();
      }
    });
    // The copies really were taken while both writers were busy.
    expect(states.some((s) => s.duringImport)).toBe(true);
    expect(states.some((s) => s.decisions > 0 && s.decisions < SEED_COMMENTS)).toBe(true);
    expect(states.at(-1)).toMatchObject({ imported: true });
  });
});
