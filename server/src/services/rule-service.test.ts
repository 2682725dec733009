import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../db/test-db";
import { ConflictError, NotFoundError } from "../errors";
import { listAudit } from "./audit-service";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { importBytes } from "./import-service";
import { rescanThreads } from "./rescan-service";
import {
  addRuleException,
  createSiteRule,
  deleteSiteRule,
  InvalidRuleError,
  listRules,
  loadSiteRuleSet,
  removeRuleException,
  updateSiteRule,
  validateSiteRule,
} from "./rule-service";
import { RULES_MODERATOR } from "./rule-service-actions";
import { backtestException, backtestRule, suggestExceptions } from "./rule-service-backtest";

let t: ReturnType<typeof createTestDb>;
beforeEach(() => {
  t = createTestDb();
});
afterEach(() => t.cleanup());

const NOW = new Date("2026-11-25T10:00:00Z");
const csv = (rows: string[]) => new TextEncoder().encode(`id,parent_id,author,body,status\n${rows.join("\n")}\n`);
const status = (threadId: string, ext: string) => t.db.prepare("SELECT status FROM comments WHERE id = ?").pluck().get(commentIdFor(threadId, ext));
const rulesOf = (threadId: string, ext: string) =>
  t.db.prepare("SELECT rule, action FROM flags WHERE comment_id = ? ORDER BY id").all(commentIdFor(threadId, ext)) as { rule: string; action: string | null }[];
const decisions = () => t.db.prepare("SELECT comment_id, action, from_status, to_status, reason, moderator FROM decisions ORDER BY id").all();

describe("site rules: validation", () => {
  it.each([
    [{ id: "x", kind: "regex", pattern: "(unclosed", category: "spam" }, /not a valid regular expression/],
    [{ id: "x", kind: "regex", pattern: "(a+)+$", category: "spam" }, /repeated group/],
    [{ id: "x", kind: "regex", pattern: "a?", category: "spam" }, /matches empty text/],
    // Polynomial, not nested: past the static check, caught by the time budget on long adversarial text.
    [{ id: "x", kind: "regex", pattern: "\\w*\\w*\\w*\\w*x", category: "spam" }, /too slow/],
    [{ id: "x", kind: "word", pattern: "two words", category: "spam" }, /one word/],
    [{ id: "bad id!", kind: "word", pattern: "zork", category: "spam" }, /invalid rule id/],
    [{ id: "x", kind: "word", pattern: "zork", category: "rudeness" }, /category/],
  ])("refuses %j", (rule, message) => {
    expect(() => validateSiteRule(rule)).toThrow(InvalidRuleError);
    expect(() => validateSiteRule(rule)).toThrow(message);
  });

  it("gives a rule its defaults", () => {
    expect(validateSiteRule({ id: "zork", kind: "word", pattern: "zork", category: "spam" })).toMatchObject({ action: "flag", enabled: true });
  });
});

describe("site rules: storage and audit", () => {
  it("creates, lists, disables, edits and deletes a rule, auditing each change with the previous state", () => {
    const created = createSiteRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "spam", note: "pump and dump" }, "ann", NOW);
    expect(created).toEqual({
      id: "zork", kind: "word", pattern: "zork", category: "spam", action: "flag", enabled: true, note: "pump and dump",
      createdAt: NOW.toISOString(), createdBy: "ann", updatedAt: NOW.toISOString(), updatedBy: "ann",
    });
    expect(() => createSiteRule(t.db, { id: "zork", kind: "word", pattern: "other", category: "spam" }, "ann")).toThrow(ConflictError);

    const later = new Date("2026-11-25T11:00:00Z");
    expect(updateSiteRule(t.db, "zork", { enabled: false, note: null }, "bob", later)).toMatchObject({ enabled: false, note: null, createdBy: "ann", updatedBy: "bob", updatedAt: later.toISOString() });
    expect(() => updateSiteRule(t.db, "zork", { kind: "regex", pattern: "(a+)+" }, "bob")).toThrow(InvalidRuleError);
    expect(() => updateSiteRule(t.db, "nope", { enabled: true }, "bob")).toThrow(NotFoundError);
    expect(listRules(t.db).site).toEqual([expect.objectContaining({ id: "zork", enabled: false, hits: 0, approved: 0, removed: 0 })]);
    expect(loadSiteRuleSet(t.db).rules).toHaveLength(0); // disabled rules are not compiled

    deleteSiteRule(t.db, "zork", "carol");
    expect(() => deleteSiteRule(t.db, "zork", "carol")).toThrow(NotFoundError);
    const audit = listAudit(t.db).events.filter((e) => e.action.startsWith("rule."));
    expect(audit.map((e) => [e.action, e.actor, e.target])).toEqual([
      ["rule.delete", "carol", "zork"],
      ["rule.update", "bob", "zork"],
      ["rule.add", "ann", "zork"],
    ]);
    expect(audit[1]!.detail).toMatchObject({ from: { enabled: true, note: "pump and dump" }, to: { enabled: false } });
    expect(audit[0]!.detail).toMatchObject({ from: { id: "zork", pattern: "zork" }, to: null });
  });

  it("stores exceptions normalised, refuses duplicates and unknown rules, and audits them", () => {
    const added = addRuleException(t.db, { rule: "profanity.lexicon", word: " Bollocks " }, "ann", NOW);
    expect(added).toMatchObject({ rule: "profanity.lexicon", word: "bollocks", createdBy: "ann" });
    expect(() => addRuleException(t.db, { rule: "profanity.lexicon", word: "BOLLOCKS" }, "ann")).toThrow(ConflictError);
    expect(() => addRuleException(t.db, { rule: "site.nope", word: "x" }, "ann")).toThrow(/unknown rule/);
    // A rule id the catalogue does not list yet, but that flagged stored comments, can be excepted.
    importBytes(t.db, "t.csv", csv(["1,,Ann,hello,"]));
    t.db.prepare("INSERT INTO flags (comment_id, category, rule, evidence, explanation, confidence, rule_pack_version) SELECT id, 'spam', 'spam.newer', 'hello', 'x', 1, 'p' FROM comments").run();
    expect(addRuleException(t.db, { rule: "spam.newer", word: "hello" }, "ann")).toMatchObject({ rule: "spam.newer", word: "hello" });
    expect(loadSiteRuleSet(t.db).exceptions.get("profanity.lexicon")).toEqual(new Set(["bollocks"]));
    removeRuleException(t.db, added.id, "bob");
    expect(() => removeRuleException(t.db, added.id, "bob")).toThrow(NotFoundError);
    expect(listAudit(t.db).events.map((e) => e.action).filter((a) => a.startsWith("rule."))).toEqual(["rule.exception.delete", "rule.exception.add", "rule.exception.add"]);
  });
});

describe("site rules at import and rescan", () => {
  it("takes a rule's flags and severity off at once when it is disabled or deleted, keeping statuses and decisions", () => {
    createSiteRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "threat", action: "hold" }, "ann");
    const [thread] = importBytes(t.db, "t.csv", csv(["1,,Ann,zork is here,approved", "2,,Bob,zork again,", "3,,Cy,the lane is fine,"]));
    const id = thread!.id;
    const row = (ext: string) => t.db.prepare("SELECT severity, version, status FROM comments WHERE id = ?").get(commentIdFor(id, ext)) as { severity: number | null; version: number; status: string };
    decideComment(t.db, commentIdFor(id, "2"), { action: "remove", moderator: "mo" });
    const before = [row("1"), row("2"), row("3")];
    expect(before.map((r) => r.severity)).toEqual([-1, -1, null]); // held: ahead of every category in the queue

    updateSiteRule(t.db, "zork", { enabled: false }, "ann");
    expect([rulesOf(id, "1"), rulesOf(id, "2")]).toEqual([[], []]);
    expect([row("1"), row("2"), row("3")]).toEqual([
      { severity: null, version: before[0]!.version + 1, status: "pending" }, // the hold kept it out of approved; a moderator decides now
      { severity: null, version: before[1]!.version + 1, status: "removed" },
      before[2],
    ]);

    // Enabled again, the rule flags the same file's comments on its next import (nothing is skipped as unchanged).
    updateSiteRule(t.db, "zork", { enabled: true }, "ann");
    importBytes(t.db, "t.csv", csv(["1,,Ann,zork is here,approved", "2,,Bob,zork again,", "3,,Cy,the lane is fine,"]));
    expect(rulesOf(id, "1")).toEqual([{ rule: "site.zork", action: "hold" }]);
    rescanThreads(t.db);
    expect(rulesOf(id, "1")).toEqual([{ rule: "site.zork", action: "hold" }]);
    deleteSiteRule(t.db, "zork", "ann");
    expect(t.db.prepare("SELECT COUNT(*) FROM flags WHERE rule = 'site.zork'").pluck().get()).toBe(0);
    expect(row("1").severity).toBeNull();
    expect(row("2").status).toBe("removed");
  });

  it("flags with a stored rule at import, and a hold keeps a source-approved comment pending", () => {
    createSiteRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "spam", action: "hold" }, "ann");
    const [thread] = importBytes(t.db, "t.csv", csv(["1,,Ann,get in early on zork,approved", "2,,Bob,the lane is fine,approved"]));
    expect(rulesOf(thread!.id, "1")).toContainEqual({ rule: "site.zork", action: "hold" });
    expect(status(thread!.id, "1")).toBe("pending");
    expect(status(thread!.id, "2")).toBe("approved");
    expect(listRules(t.db).site[0]).toMatchObject({ hits: 1, approved: 0, removed: 0 });
  });

  it("removes with an undoable sift-rules decision, and never overrides a person on re-import or rescan", () => {
    createSiteRule(t.db, { id: "casino", kind: "phrase", pattern: "online casino", category: "spam", action: "remove" }, "ann");
    const file = csv(["1,,Ann,best online casino here,", "2,,Bob,an online casino opened on Elm St,", "3,,Cy,nice lane,"]);
    const [thread] = importBytes(t.db, "t.csv", file);
    const id = thread!.id;
    expect([status(id, "1"), status(id, "2"), status(id, "3")]).toEqual(["removed", "removed", "pending"]);
    expect(decisions()).toEqual([
      { comment_id: commentIdFor(id, "1"), action: "remove", from_status: "pending", to_status: "removed", reason: "spam", moderator: RULES_MODERATOR },
      { comment_id: commentIdFor(id, "2"), action: "remove", from_status: "pending", to_status: "removed", reason: "spam", moderator: RULES_MODERATOR },
    ]);
    // A moderator undoes the rule's removal of comment 2 and approves it.
    decideComment(t.db, commentIdFor(id, "2"), { action: "undo", moderator: "mo" });
    decideComment(t.db, commentIdFor(id, "2"), { action: "approve", moderator: "mo" });
    const logged = decisions().length;

    importBytes(t.db, "t.csv", file);
    rescanThreads(t.db);
    expect(status(id, "2")).toBe("approved");
    expect(decisions()).toHaveLength(logged);
    expect(t.db.prepare("SELECT COUNT(*) FROM comments").pluck().get()).toBe(3);
  });

  it("rescan applies a rule added after import and an exception, keeping decisions", () => {
    const [thread] = importBytes(t.db, "t.csv", csv(["1,,Ann,buy zork now,", "2,,Bob,zork is a fine word,"]));
    const id = thread!.id;
    decideComment(t.db, commentIdFor(id, "2"), { action: "approve", moderator: "mo" });
    createSiteRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "spam", action: "remove" }, "ann");
    const [result] = rescanThreads(t.db, { actor: "ann" });
    expect(result).toMatchObject({ comments: 2, changed: 2 });
    expect(status(id, "1")).toBe("removed");
    expect(status(id, "2")).toBe("approved");
    expect(listAudit(t.db, { action: "rules.rescan" }).events[0]).toMatchObject({ actor: "ann", detail: { scanned: 2, changed: 2 } });

    addRuleException(t.db, { rule: "site.zork", word: "ZORK" }, "ann");
    rescanThreads(t.db);
    expect(rulesOf(id, "2").map((f) => f.rule)).not.toContain("site.zork");
    expect(status(id, "2")).toBe("approved");
  });
});

describe("backtest and suggestions", () => {
  function seed(): string {
    const rows = ["1,,Ann,zork to the moon", "2,,Bob,zork zork", "3,,Cy,I like the lane", "4,,Di,z0rk is great", "5,,Ed,nothing here"];
    const [thread] = importBytes(t.db, "t.csv", csv(rows.map((r) => `${r},`)));
    return thread!.id;
  }

  it("shows what a new rule would flag and its precision against decisions", () => {
    const id = seed();
    decideComment(t.db, commentIdFor(id, "1"), { action: "remove", moderator: "mo" });
    decideComment(t.db, commentIdFor(id, "2"), { action: "approve", moderator: "mo" });
    const result = backtestRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "spam" }, 2);
    expect(result.scanned).toBe(5);
    expect(result.newlyFlagged.count).toBe(3);
    expect(result.newlyFlagged.examples).toHaveLength(2);
    expect(result.newlyFlagged.examples[0]).toMatchObject({ commentId: commentIdFor(id, "1"), author: "Ann", evidence: { start: 0, end: 4, text: "zork" } });
    expect(result.cleared.count).toBe(0);
    expect(result.precision).toEqual({ removed: 1, approved: 1, pending: 1, value: 0.5 });
    expect(() => backtestRule(t.db, { id: "x", kind: "regex", pattern: "(", category: "spam" })).toThrow(InvalidRuleError);
  });

  it("shows what an edit would clear, and what an exception would clear", () => {
    const id = seed();
    createSiteRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "spam" }, "ann");
    rescanThreads(t.db);
    const edited = backtestRule(t.db, { id: "zork", kind: "phrase", pattern: "zork zork", category: "spam" });
    expect(edited.newlyFlagged.count).toBe(0);
    expect(edited.cleared.count).toBe(2);
    expect(edited.cleared.examples.map((e) => e.commentId)).toEqual([commentIdFor(id, "1"), commentIdFor(id, "4")].sort());

    const exception = backtestException(t.db, { rule: "site.zork", word: "Zork" });
    // "zork zork" carries two flags; z0rk normalises to zork too.
    expect(exception.cleared.count).toBe(4);
    expect(exception.precision).toEqual({ removed: 0, approved: 0, pending: 3, value: null });
  });

  it("suggests an exception after three approvals and no removal, until it exists", () => {
    const rows = [1, 2, 3, 4].map((n) => `${n},,U${n},zork ${n},`);
    const [thread] = importBytes(t.db, "t.csv", csv(rows));
    createSiteRule(t.db, { id: "zork", kind: "word", pattern: "zork", category: "spam" }, "ann");
    rescanThreads(t.db);
    for (const n of [1, 2]) decideComment(t.db, commentIdFor(thread!.id, String(n)), { action: "approve", moderator: "mo" });
    expect(suggestExceptions(t.db)).toEqual([]);
    decideComment(t.db, commentIdFor(thread!.id, "3"), { action: "approve", moderator: "mo" });
    expect(suggestExceptions(t.db)).toEqual([{ rule: "site.zork", word: "zork", approved: 3, removed: 0 }]);
    addRuleException(t.db, { rule: "site.zork", word: "zork" }, "ann");
    expect(suggestExceptions(t.db)).toEqual([]);
  });
});
