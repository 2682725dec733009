import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ExportDocumentSchema } from "@sift/shared";
import { runCli } from "./run-cli";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-xml-"));
  for (const name of ["disqus-council.xml", "wxr-allotment.xml", "wxr-truncated.xml", "disqus-latin1.xml"]) {
    copyFileSync(new URL(`../importers/fixtures/${name}`, import.meta.url), join(dir, name));
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sift = (...args: string[]) => runCli(args, { cwd: dir });

/** The stored threads without the export's clock, so two exports compare equal when nothing changed. */
function storedThreads() {
  const run = sift("export", "--format", "json", "--db", "x.db");
  expect(run.code).toBe(0);
  return ExportDocumentSchema.parse(JSON.parse(run.stdout)).threads;
}

// Each test starts real processes (tsx), which can take seconds on a busy machine.
describe("sift import of XML exports", { timeout: 120_000 }, () => {
  it("imports Disqus and WXR files end to end; a re-import changes nothing and duplicates nothing", () => {
    const run = sift("import", "disqus-council.xml", "wxr-allotment.xml", "disqus-latin1.xml", "--json", "--db", "x.db");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { threads: { title: string; format: string; comments: number }[] };
    expect(out.threads.map((t) => [t.format, t.title, t.comments])).toEqual([
      ["disqus-xml", "Council trims the winter ferry timetable", 6],
      ["disqus-xml", "Fortnightly bins: a letter", 1],
      ["wxr", "Slugs vs. the lettuce: round three", 5],
      ["wxr", "Rhubarb forcing, week 6 – first pick", 2],
      ["disqus-xml", "Étape 12 : la montée finale", 1],
    ]);
    const before = storedThreads();
    expect(before.find((t) => t.format === "wxr")!.comments.map((c) => c.status)).toEqual(["approved", "approved", "pending", "removed", "removed"]);

    const again = sift("import", "wxr-allotment.xml", "disqus-council.xml", "--json", "--db", "x.db");
    expect(again.code).toBe(0);
    expect(storedThreads()).toEqual(before);

    // Nothing decided yet: the written-back file is the imported one, byte for byte, and there are no actions.
    const wxrThread = before.find((t) => t.format === "wxr")!.id;
    expect(sift("export", "--format", "wxr", "--thread", wxrThread, "--db", "x.db", "--out", "back.xml").code).toBe(0);
    expect(readFileSync(join(dir, "back.xml")).equals(readFileSync(join(dir, "wxr-allotment.xml")))).toBe(true);
    expect(sift("export", "--format", "actions", "--db", "x.db").stdout).toBe(
      "platform,thread_external_id,comment_external_id,action,reason,moderator,decided_at,rule_pack_version\n",
    );
    const refused = sift("export", "--format", "disqus-xml", "--db", "x.db");
    expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/^sift: .*x\.db: threads of format disqus-xml come from 2 imported files \(disqus-council\.xml, disqus-latin1\.xml\): export one at a time with --thread ID\n$/)]);
  });

  it("fails a truncated file with one line naming it and leaves the database as it was", () => {
    expect(sift("import", "disqus-council.xml", "--db", "x.db").code).toBe(0);
    const before = storedThreads();
    const dbBytes = readFileSync(join(dir, "x.db"));
    const run = sift("import", "wxr-allotment.xml", "wxr-truncated.xml", "--json", "--db", "x.db");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "sift: wxr-truncated.xml: the file ends inside <wp:comment_date_gmt> before <rss> is closed: it looks truncated (line 78)",
    ]);
    expect(readFileSync(join(dir, "x.db")).equals(dbBytes)).toBe(true);
    expect(storedThreads()).toEqual(before);
  });
});
