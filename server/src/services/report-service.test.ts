import { CATEGORIES, ExportDocumentSchema, type Category, type Flag, type ReportDocument } from "@sift/shared";
import { parse as parseCsv } from "csv-parse/sync";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPORT_BATCH } from "../db/report-repo";
import { createTestDb } from "../db/test-db";
import { NotFoundError } from "../errors";
import { decideComment } from "./decision-service";
import { joinChunks } from "../exporters/report-source";
import { EXPORT_FORMATS, renderExport } from "./export-service";
import { commentIdFor } from "./ids";
import { storePreparedFile } from "./import-service";
import { buildReportDocument, buildReportSummary, openReportStream } from "./report-service";
import { makeComment, makeThread } from "./test-fixtures";

let t: ReturnType<typeof createTestDb>;
let threadA: string;
let threadB: string;

const flag = (category: Category, rule: string): Flag => ({ category, rule, evidence: "x", start: 0, end: 1, explanation: `${rule} matched`, confidence: 0.9 });
const at = (iso: string) => new Date(iso);

/**
 * Two threads with decisions whose figures are worked out by hand below: times to decision of
 * 60, 30, 1440, 10 and 20 minutes; one comment removed at the source; one removal undone and redone.
 */
function seed(): void {
  const a = makeThread({
    external_id: "A",
    title: "Thread A",
    comments: [
      makeComment("a1", { author: "ann", posted_at: "2026-11-02T10:00:00Z" }),
      makeComment("a2", { author: "ann", posted_at: "2026-11-02T12:00:00Z" }),
      makeComment("a3", { author: "ben", posted_at: "2026-11-03T09:00:00Z" }),
      makeComment("a4", { author: "cat", posted_at: "2026-11-03T10:00:00Z" }),
      makeComment("a5", { author: "dan", posted_at: null }),
      makeComment("a6", { author: "eve", posted_at: "2026-11-05T08:00:00Z", initial_status: "removed" }),
    ],
  });
  const b = makeThread({
    external_id: "B",
    title: "Thread B",
    comments: [
      makeComment("b1", { author: "ann", posted_at: "2026-11-10T08:00:00+02:00" }),
      makeComment("b2", { author: "ben", posted_at: "2026-11-11T00:00:00Z" }),
    ],
  });
  const insult = flag("insult", "insult.name-calling");
  threadA = storePreparedFile(t.db, { file: "a", threads: [{ thread: a, flags: [[insult], [insult, flag("profanity", "profanity.lexicon")], [flag("spam", "spam.offer")], [], [], []] }] }, { now: () => at("2026-11-01T00:00:00Z") })[0]!.id;
  threadB = storePreparedFile(t.db, { file: "b", threads: [{ thread: b, flags: [[flag("threat", "threat.direct")], [flag("off_topic", "off_topic.low-relevance")]] }] }, { now: () => at("2026-11-10T00:00:00Z") })[0]!.id;
  const decide = (thread: string, ext: string, action: "approve" | "remove" | "undo", moderator: string, when: string, reason?: string) =>
    decideComment(t.db, commentIdFor(thread, ext), { action, moderator, reason }, at(when));
  decide(threadA, "a1", "remove", "mo", "2026-11-02T11:00:00Z", "abusive");
  decide(threadA, "a2", "approve", "mo", "2026-11-02T12:30:00Z");
  decide(threadA, "a3", "remove", "lee", "2026-11-04T09:00:00Z", "spam");
  decide(threadA, "a4", "approve", "lee", "2026-11-03T10:10:00Z");
  decide(threadB, "b1", "remove", "mo", "2026-11-10T06:20:00Z", "other: doxxing");
  decide(threadB, "b1", "undo", "mo", "2026-11-10T06:25:00Z");
  decide(threadB, "b1", "remove", "lee", "2026-11-10T07:00:00Z", "threat");
}

beforeEach(() => {
  t = createTestDb();
  seed();
});
afterEach(() => t.cleanup());

describe("buildReportSummary", () => {
  it("gives the hand-counted figures for every table", () => {
    const s = buildReportSummary(t.db);
    expect(s.scope).toEqual({ threads: [{ id: threadA, title: "Thread A" }, { id: threadB, title: "Thread B" }], since: null, until: null });
    expect(s.totals).toEqual({ threads: 2, comments: 8, flagged: 5, pending: 2, approved: 2, removed: 4, decided: 5, decisions: 6 });
    expect(Object.fromEntries(s.by_category.map((c) => [c.category, [c.comments, c.pending, c.approved, c.removed]]))).toEqual({
      threat: [1, 0, 0, 1],
      slur: [0, 0, 0, 0],
      insult: [2, 0, 1, 1],
      profanity: [1, 0, 1, 0],
      spam: [1, 0, 0, 1],
      off_topic: [1, 1, 0, 0],
    });
    expect(s.removals_by_reason).toEqual([
      { reason: "abusive", count: 1 },
      { reason: "at_source", count: 1 },
      { reason: "spam", count: 1 },
      { reason: "threat", count: 1 },
    ]);
    expect(s.moderators).toEqual([
      { moderator: "lee", approvals: 1, removals: 2, undos: 0, median_minutes_to_decision: 725 },
      { moderator: "mo", approvals: 1, removals: 2, undos: 1, median_minutes_to_decision: 30 },
    ]);
    expect(s.median_minutes_to_decision).toBe(30);
    expect(s.top_authors).toEqual([
      { author: "ann", comments: 3, flagged: 3, removed: 2 },
      { author: "ben", comments: 2, flagged: 2, removed: 1 },
    ]);
    expect(s.rules).toEqual([
      { rule: "insult.name-calling", category: "insult", hits: 2, pending: 0, approved: 1, removed: 1, precision: 0.5 },
      { rule: "off_topic.low-relevance", category: "off_topic", hits: 1, pending: 1, approved: 0, removed: 0, precision: null },
      { rule: "profanity.lexicon", category: "profanity", hits: 1, pending: 0, approved: 1, removed: 0, precision: 0 },
      { rule: "spam.offer", category: "spam", hits: 1, pending: 0, approved: 0, removed: 1, precision: 1 },
      { rule: "threat.direct", category: "threat", hits: 1, pending: 0, approved: 0, removed: 1, precision: 1 },
    ]);
  });

  it("draws a per-day timeline with empty days filled and every comment and removal counted once", () => {
    const { bucket, rows } = buildReportSummary(t.db).timeline;
    expect(bucket).toBe("day");
    expect(rows.map((r) => r.start)).toEqual(Array.from({ length: 11 }, (_, i) => `2026-11-${String(i + 1).padStart(2, "0")}`));
    const byDay = Object.fromEntries(rows.filter((r) => r.comments || r.removed || r.approved).map((r) => [r.start.slice(8), [r.comments, r.flagged, r.approved, r.removed]]));
    // a5 has no posted time and arrives with its thread's import; b1 at 08:00+02:00 is the 10th in UTC; a6 was removed at the source on arrival.
    expect(byDay).toEqual({ "01": [1, 0, 0, 0], "02": [2, 2, 1, 1], "03": [2, 1, 1, 0], "04": [0, 0, 0, 1], "05": [1, 0, 0, 1], "10": [1, 1, 0, 1], "11": [1, 1, 0, 0] });
  });

  it("narrows to a date window (a bare until day is inclusive) and to chosen threads", () => {
    const window = buildReportSummary(t.db, { since: "2026-11-03", until: "2026-11-05" });
    expect(window.scope.threads.map((x) => x.title)).toEqual(["Thread A"]);
    expect(window.totals).toMatchObject({ threads: 1, comments: 3, removed: 2, approved: 1 });
    expect(buildReportSummary(t.db, { until: "2026-11-02" }).totals.comments).toBe(3);
    expect(buildReportSummary(t.db, { since: "2026-11-10T06:30:00Z" }).totals.comments).toBe(1);
    const b = buildReportSummary(t.db, { threads: [threadB] });
    expect(b.totals).toMatchObject({ threads: 1, comments: 2, flagged: 2, removed: 1, pending: 1, decisions: 2 });
    expect(b.moderators.map((m) => [m.moderator, m.median_minutes_to_decision])).toEqual([["lee", null], ["mo", 20]]);
  });

  it("names an unknown thread and a window that ends before it starts", () => {
    expect(() => buildReportSummary(t.db, { threads: ["t_nope"] })).toThrow(NotFoundError);
    expect(() => buildReportSummary(t.db, { since: "2026-11-05", until: "2026-11-04" })).toThrow(/since is after until/);
    expect(() => buildReportSummary(t.db, { since: "yesterday" })).toThrow(/expected a date/);
  });
});

/** The summary's figures recomputed from the exported rows alone, the way a reader of the CSV would. */
function recount(doc: ReportDocument) {
  const comments = doc.threads.flatMap((th) => th.comments);
  const status = (s: string) => comments.filter((c) => c.status === s).length;
  const rules = new Map<string, { hits: number; approved: number; removed: number; pending: number }>();
  for (const c of comments) {
    for (const rule of new Set(c.flags.map((f) => f.rule))) {
      const r = rules.get(rule) ?? { hits: 0, approved: 0, removed: 0, pending: 0 };
      r.hits++;
      r[c.status]++;
      rules.set(rule, r);
    }
  }
  return {
    totals: { comments: comments.length, flagged: comments.filter((c) => c.flags.length).length, pending: status("pending"), approved: status("approved"), removed: status("removed") },
    categories: Object.fromEntries(CATEGORIES.map((cat) => [cat, comments.filter((c) => c.flags.some((f) => f.category === cat)).length])),
    rules: Object.fromEntries(rules),
  };
}

describe("report formats", () => {
  it("JSON keeps the CONTRACT shape and adds a summary that the rows agree with", () => {
    const doc = buildReportDocument(t.db, {}, at("2026-11-25T10:00:00Z"));
    const json = JSON.parse(renderExport(doc, "json")) as ReportDocument;
    expect(ExportDocumentSchema.parse(json)).toEqual(json);
    expect(json.summary).toEqual(buildReportSummary(t.db));
    const again = recount(json);
    expect(again.totals).toEqual({ comments: 8, flagged: 5, pending: 2, approved: 2, removed: 4 });
    expect(again.categories).toEqual(Object.fromEntries(json.summary.by_category.map((c) => [c.category, c.comments])));
    expect(again.rules).toEqual(Object.fromEntries(json.summary.rules.map(({ rule, hits, approved, removed, pending }) => [rule, { hits, approved, removed, pending }])));
    const b1 = json.threads[1]!.comments[0]!;
    // The pack version that flagged the comment is recorded with the decision (test flags carry the engine's).
    expect(b1.decision).toEqual({ action: "remove", moderator: "lee", reason: "threat", decided_at: "2026-11-10T07:00:00.000Z", rule_pack_version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(json.threads[0]!.comments[4]!.decision).toBeNull();
  });

  it("CSV has one row per comment with its decision, and a rules table equal to the summary's", () => {
    const doc = buildReportDocument(t.db);
    const rows = parseCsv(renderExport(doc, "csv"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(doc.summary.totals.comments);
    expect(rows.filter((r) => r.status === "removed")).toHaveLength(doc.summary.totals.removed);
    expect(rows.find((r) => r.comment_id === commentIdFor(threadB, "b1"))).toMatchObject({ decision: "remove", moderator: "lee", reason: "threat", categories: "threat", rules: "threat.direct" });
    const ruleRows = parseCsv(renderExport(doc, "csv", "rules"), { columns: true }) as Record<string, string>[];
    expect(ruleRows.map((r) => [r.rule, Number(r.hits), Number(r.approved), Number(r.removed), r.precision])).toEqual(
      doc.summary.rules.map((r) => [r.rule, r.hits, r.approved, r.removed, r.precision === null ? "" : r.precision.toFixed(3)]),
    );
    expect(() => renderExport(doc, "json", "rules")).toThrow(/CSV/);
  });

  it("HTML shows the same figures, charts as inline SVG, and no script or external reference", () => {
    const doc = buildReportDocument(t.db);
    const html = renderExport(doc, "html");
    const dom = parseDocument(html);
    const figures = Object.fromEntries(
      DomUtils.findAll((el) => el.attribs.class === "figure", dom.children).map((el) => {
        const text = (cls: string) => DomUtils.textContent(DomUtils.findOne((x) => x.attribs.class === cls, el.children)!);
        return [text("label"), text("value")];
      }),
    );
    expect(figures).toEqual({ Comments: "8", Flagged: "5", Removed: "4", Approved: "2", Pending: "2", "Median time to decision": "30 min" });
    const ruleCells = DomUtils.findAll((el) => el.name === "tr", dom.children)
      .map((tr) => DomUtils.findAll((el) => el.name === "td", tr.children).map((td) => DomUtils.textContent(td).trim()))
      .filter((cells) => cells[0] === "insult.name-calling");
    expect(ruleCells[0]?.slice(0, 7)).toEqual(["insult.name-calling", "Insult", "2", "1", "1", "0", "50%"]);
    expect(DomUtils.findAll((el) => el.name === "svg" && el.attribs.class === "chart", dom.children)).toHaveLength(2);
    expect(DomUtils.findAll((el) => el.name === "script" || el.name === "img" || el.name === "link", dom.children)).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc=|url\(|@import/);
  });

  it("a windowed report lists only the comments in the window, and its figures count the same comments", () => {
    const doc = buildReportDocument(t.db, { since: "2026-11-03", until: "2026-11-05" });
    expect(doc.threads.map((th) => [th.title, th.comments.map((c) => c.author)])).toEqual([["Thread A", ["ben", "cat", "eve"]]]);
    expect(recount(doc).totals).toEqual({ comments: 3, flagged: 1, pending: 0, approved: 1, removed: 2 });
    expect(doc.summary.totals.comments).toBe(3);
  });
});

describe("openReportStream", () => {
  const NOW = at("2026-11-25T10:00:00Z");

  it.each([{}, { since: "2026-11-03", until: "2026-11-05" }, { threads: ["B"] }])("writes exactly what the in-memory report gives, in every format (scope %j)", (input) => {
    const scope = { ...input, threads: (input as { threads?: string[] }).threads?.map(() => threadB) };
    for (const format of EXPORT_FORMATS) {
      expect(joinChunks(openReportStream(t.db, scope, format, "comments", NOW))).toBe(renderExport(buildReportDocument(t.db, scope, NOW), format));
    }
    expect(joinChunks(openReportStream(t.db, scope, "csv", "rules", NOW))).toBe(renderExport(buildReportDocument(t.db, scope, NOW), "csv", "rules"));
    expect(joinChunks(openReportStream(t.db, scope, "json", "comments", NOW))).toBe(`${JSON.stringify(buildReportDocument(t.db, scope, NOW), null, 2)}\n`);
  });

  it("reads a thread longer than a batch in page order, ties included, with flags and decisions across the batch edges", () => {
    const n = REPORT_BATCH * 2 + 3;
    const comments = Array.from({ length: n }, (_, i) => makeComment(`big${i}`, { body: `Comment ${i}, "quoted"\r\nand more` }));
    const flags = comments.map((_, i): Flag[] => (i % 7 === 0 || (i >= REPORT_BATCH - 2 && i <= REPORT_BATCH + 2) ? [flag("spam", `e${i}`), flag("threat", `f${i}`)] : []));
    const big = storePreparedFile(t.db, { file: "big", threads: [{ thread: makeThread({ external_id: "big", title: "Big", comments }), flags }] })[0]!.id;
    for (const i of [0, REPORT_BATCH - 1, REPORT_BATCH, REPORT_BATCH + 1, n - 1]) {
      decideComment(t.db, commentIdFor(big, `big${i}`), { action: "remove", moderator: "m", reason: "spam" });
      if (i % 2) decideComment(t.db, commentIdFor(big, `big${i}`), { action: "undo", moderator: "m2" });
    }
    // Two comments sharing a position on each side of the first batch edge.
    t.db.prepare("UPDATE comments SET position = position - 1 WHERE thread_id = ? AND position IN (?, ?)").run(big, REPORT_BATCH + 1, 10);
    for (const format of EXPORT_FORMATS) {
      expect(joinChunks(openReportStream(t.db, {}, format, "comments", NOW))).toBe(renderExport(buildReportDocument(t.db, {}, NOW), format));
    }
    const doc = JSON.parse(joinChunks(openReportStream(t.db, { threads: [big] }, "json", "comments", NOW))) as ReportDocument;
    expect(doc.threads[0]!.comments).toHaveLength(n);
    expect(doc.threads[0]!.comments.filter((c) => c.decision).map((c) => c.decision!.action)).toEqual(["remove", "undo", "remove", "undo", "remove"]);
  });

  it("keeps an empty database and a thread without comments in the CONTRACT shape", () => {
    const empty = createTestDb();
    try {
      const doc = JSON.parse(joinChunks(openReportStream(empty.db, {}, "json"))) as ReportDocument;
      expect(doc.threads).toEqual([]);
      expect(doc.summary.totals.comments).toBe(0);
    } finally {
      empty.cleanup();
    }
  });

  it("reads one snapshot: a decision made while the stream is being written does not show in it", () => {
    const chunks = openReportStream(t.db, {}, "csv")[Symbol.iterator]();
    let text = chunks.next().value as string;
    decideComment(t.db, commentIdFor(threadB, "b2"), { action: "remove", moderator: "late" });
    for (let c = chunks.next(); !c.done; c = chunks.next()) text += c.value;
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.comment_id === commentIdFor(threadB, "b2"))?.status).toBe("pending");
    expect(buildReportSummary(t.db).totals.removed).toBe(5);
  });

  it("names an unknown thread before writing anything, and releases its snapshot when a reader stops early", () => {
    expect(() => openReportStream(t.db, { threads: ["t_nope"] }, "json")).toThrow(NotFoundError);
    const chunks = openReportStream(t.db, {}, "html")[Symbol.iterator]();
    chunks.next();
    const busy = () => (t.db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[])[0]!.busy;
    decideComment(t.db, commentIdFor(threadB, "b2"), { action: "approve" }); // a write the open snapshot cannot see
    expect(busy()).toBe(1);
    chunks.return?.(undefined);
    expect(busy()).toBe(0);
  });
});
