import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection";
import { runCli } from "./run-cli";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-site-rules-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sift = (...args: string[]) => runCli([...args, "--db", "my.db"], { cwd: dir });

function query<T>(sql: string): T[] {
  const db = openDatabase(join(dir, "my.db"));
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe("sift rules list|add|disable|enable|except and rescan", { timeout: 120_000 }, () => {
  it("adds a rule that import and rescan apply, toggles it, adds an exception, all audited", () => {
    const add = sift("rules", "add", "--id", "zork", "--kind", "word", "--pattern", "zork", "--category", "spam", "--action", "remove", "--note", "ticker spam");
    expect(add.stderr).toBe("");
    expect(add.stdout).toBe('added zork  word "zork"  spam  remove  enabled  (ticker spam)\n');

    writeFileSync(join(dir, "t.csv"), "id,parent_id,author,body\n1,,Ann,buy zork today\n2,,Bob,the lane is fine\n");
    const imported = sift("import", "t.csv", "--json");
    expect(imported.stderr).toBe("");
    expect(query("SELECT c.external_id, c.status, d.moderator, d.reason FROM comments c LEFT JOIN decisions d ON d.comment_id = c.id ORDER BY c.external_id")).toEqual([
      { external_id: "1", status: "removed", moderator: "sift-rules", reason: "spam" },
      { external_id: "2", status: "pending", moderator: null, reason: null },
    ]);

    expect(sift("rules", "disable", "zork").stdout).toMatch(/^zork .* disabled  \(ticker spam\)\n$/);
    // Disabling takes the rule's flags off at once, so a rescan afterwards finds nothing to change.
    expect(query("SELECT COUNT(*) AS n FROM flags WHERE rule = 'site.zork'")).toEqual([{ n: 0 }]);
    expect(JSON.parse(sift("rescan", "--json").stdout).threads[0]).toMatchObject({ comments: 2, changed: 0 });
    // Disabling the rule does not undo the removal: that is a moderator's call, in the decision log.
    expect(query("SELECT status FROM comments WHERE external_id = '1'")).toEqual([{ status: "removed" }]);

    expect(sift("rules", "enable", "zork").stdout).toMatch(/ enabled  \(ticker spam\)\n$/);
    expect(sift("rules", "except", "site.zork", "ZORK").stdout).toMatch(/^exception \d+: "zork" is fine for site\.zork\n$/);
    sift("rescan");
    expect(query("SELECT COUNT(*) AS n FROM flags WHERE rule = 'site.zork'")).toEqual([{ n: 0 }]);

    const list = sift("rules", "list", "--json");
    expect(JSON.parse(list.stdout)).toMatchObject({ site: [{ id: "zork", enabled: true, hits: 0 }], exceptions: [{ rule: "site.zork", word: "zork" }] });
    const actions = query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'rule%' ORDER BY id").map((r) => r.action);
    expect(actions).toEqual(["rule.add", "rule.update", "rules.rescan", "rule.update", "rule.exception.add", "rules.rescan"]);
  });

  it("refuses a bad rule in one line and leaves the rules as they were", () => {
    const bad = sift("rules", "add", "--id", "r", "--kind", "regex", "--pattern", "(a+)+$", "--category", "spam");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^sift: rule r: a repeated group/);
    expect(sift("rules", "disable", "nope").stderr).toBe("sift: no site rule with id nope\n");
    expect(sift("rules", "list").stdout).toBe("no site rules\n");
  });
});
