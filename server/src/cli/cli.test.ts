import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExportDocumentSchema } from "@sift/shared";
import { REPO_ROOT as ROOT, runCli } from "./run-cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would, from `dir`. */
const sift = (...args: string[]) => runCli(args, { cwd: dir });

const CSV = "id,parent_id,author,body\n1,,Ann,The lane is a good idea.\n2,1,Bob,I disagree.\n";

// Each test starts real processes (tsx, npm), which can take seconds on a busy machine.
describe("sift import", { timeout: 60_000 }, () => {
  it("prints exactly one JSON document with --json and stores into --db relative to the cwd", () => {
    writeFileSync(join(dir, "thread.csv"), CSV);
    const run = sift("import", "thread.csv", "--json", "--db", "my.db");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { threads: Record<string, unknown>[] };
    expect(out).toEqual({
      threads: [{ id: expect.stringMatching(/^t_/), title: expect.any(String), format: "csv", comments: 2, flagged: expect.any(Number) }],
    });

    const again = sift("import", "thread.csv", "--json", "--db", "my.db");
    expect(JSON.parse(again.stdout)).toEqual(out);

    const exported = sift("export", "--format", "json", "--db", "my.db", "--out", "report.json");
    expect(exported.code).toBe(0);
    const doc = ExportDocumentSchema.parse(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")));
    expect(doc.threads[0]!.comments.map((c) => c.position)).toEqual([1, 2]);
    expect(doc.threads[0]!.comments[1]!.parent_id).toBe(doc.threads[0]!.comments[0]!.id);
  });

  it("export --out names a file it cannot write and leaves no partial file; a good one replaces the old file whole", () => {
    writeFileSync(join(dir, "thread.csv"), CSV);
    expect(sift("import", "thread.csv", "--db", "my.db").code).toBe(0);
    const failed = sift("export", "--format", "csv", "--db", "my.db", "--out", "missing/report.csv");
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/missing\/report\.csv: cannot write \(ENOENT\)/);
    expect(readdirSync(dir).filter((f) => f.includes("report") || f === "missing")).toEqual([]);
    writeFileSync(join(dir, "report.csv"), "an older, longer report ".repeat(10_000));
    expect(sift("export", "--format", "csv", "--db", "my.db", "--out", "report.csv").code).toBe(0);
    const csv = readFileSync(join(dir, "report.csv"), "utf8");
    expect(csv.split("\n")[0]).toMatch(/^thread_id,/);
    expect(csv).not.toContain("an older");
    expect(readdirSync(dir).some((f) => f.endsWith(".partial"))).toBe(false);
  });

  it("draws no progress bar when not at a terminal: stderr stays empty with and without --json", () => {
    writeFileSync(join(dir, "thread.csv"), CSV);
    const plain = sift("import", "thread.csv", "--db", "my.db");
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe("");
    expect(plain.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("prints nothing but the JSON through `npm run --silent cli`, resolving paths against where npm was run", () => {
    writeFileSync(join(dir, "thread.csv"), CSV);
    const run = spawnSync("npm", ["--prefix", ROOT, "run", "--silent", "cli", "--", "import", "thread.csv", "--json", "--db", "npm.db"], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ threads: [{ format: "csv", comments: 2 }] });
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(sift("export", "--db", "npm.db").stdout).toContain('"format": "csv"');
  });

  it("fails an empty file with one line naming it, a non-zero exit, and an untouched database", () => {
    writeFileSync(join(dir, "good.csv"), CSV);
    writeFileSync(join(dir, "empty.txt"), "");
    const run = sift("import", "good.csv", "empty.txt", "--json", "--db", "my.db");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("empty.txt: the file is empty");
    expect(JSON.parse(sift("export", "--db", "my.db").stdout).threads).toEqual([]);
  });

  it("names an unknown thread on export", () => {
    const run = sift("export", "--format", "csv", "--thread", "t_nope", "--db", "my.db");
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("no thread with id t_nope");
  });

  it("reports on chosen threads and a date window, writes the rules table, and names a bad option in one line", () => {
    writeFileSync(join(dir, "a.csv"), "id,thread_id,thread_title,author,posted_at,body\n1,a,Lane,Ann,2026-11-02T10:00:00Z,The lane is good.\n2,a,Lane,Bob,2026-11-04T10:00:00Z,Buy cheap pills at pills.example now!!!\n3,b,Bins,Cy,2026-11-03T10:00:00Z,Bins on Monday.\n");
    const imported = JSON.parse(sift("import", "a.csv", "--json", "--db", "my.db").stdout) as { threads: { id: string; title: string }[] };
    const lane = imported.threads.find((x) => x.title === "Lane")!.id;
    const bins = imported.threads.find((x) => x.title === "Bins")!.id;

    const both = JSON.parse(sift("export", "--thread", lane, "--thread", bins, "--since", "2026-11-03", "--db", "my.db").stdout) as { threads: { comments: { author: string }[] }[]; summary: { totals: { comments: number; threads: number } } };
    expect(both.threads.map((x) => x.comments.map((c) => c.author))).toEqual([["Bob"], ["Cy"]]);
    expect(both.summary.totals).toMatchObject({ comments: 2, threads: 2 });

    const rules = sift("export", "--format", "csv", "--table", "rules", "--until", "2026-11-04", "--db", "my.db");
    expect(rules.code).toBe(0);
    expect(rules.stdout.split("\r\n")[0]).toBe("rule,category,hits,pending,approved,removed,precision");

    for (const [args, message] of [
      [["--since", "last week"], "--since: expected a date"],
      [["--since", "2026-11-05", "--until", "2026-11-01"], "--until: since is after until"],
      [["--format", "html", "--table", "rules"], "--table rules is a CSV table"],
    ] as const) {
      const bad = sift("export", ...args, "--db", "my.db");
      expect(bad.code).toBe(1);
      expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(bad.stderr).toContain(message);
    }
  });
});
