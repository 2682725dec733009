import type { ReportDocument } from "@sift/shared";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { stringify } from "csv-stringify/sync";
import { CSV_OPTIONS, csvRecord, neutraliseCell, renderCsv, renderRulesCsv } from "./csv";
import { renderHtml } from "./html";
import { renderJson } from "./json";

const hostile = "<img src=x onerror=alert(1)>";

const doc: ReportDocument = {
  generated_at: "2026-11-25T10:00:00Z",
  threads: [
    {
      id: "t_1",
      title: "Cycle lane <b>vote</b>",
      url: "https://example.org/?a=1&b=2",
      format: "csv",
      source_note: null,
      article: { title: "Cycle lane", body: "Text" },
      declared_comment_count: null,
      comments: [
        {
          id: "c_1", position: 1, parent_id: null, author: "=HYPERLINK(\"http://evil\")", posted_at: null,
          body: "<script>alert(1)</script>\n\nsecond, \"quoted\" paragraph", status: "removed",
          flags: [
            { category: "threat", rule: "threat.x", evidence: "<script>", start: 0, end: 8, explanation: "x", confidence: 1 },
            { category: "insult", rule: "insult.y", evidence: "alert", start: 8, end: 13 },
          ],
        },
        { id: "c_2", position: 2, parent_id: "c_1", author: "@bob", posted_at: "2026-01-01T00:00:00Z", body: "-1 from me", status: "pending", flags: [] },
      ],
    },
  ],
  // Every string a user can set shows up in the summary too: thread titles, moderators, authors, rule names.
  summary: {
    scope: { threads: [{ id: "t_1", title: "Cycle lane <b>vote</b>" }], since: null, until: null },
    totals: { threads: 1, comments: 2, flagged: 1, pending: 1, approved: 0, removed: 1, decided: 1, decisions: 1 },
    by_category: [{ category: "threat", comments: 1, pending: 0, approved: 0, removed: 1 }],
    removals_by_reason: [{ reason: hostile, count: 1 }],
    moderators: [{ moderator: hostile, approvals: 0, removals: 1, undos: 0, median_minutes_to_decision: 12 }],
    median_minutes_to_decision: 12,
    top_authors: [{ author: `${hostile}=1`, comments: 1, flagged: 1, removed: 1 }],
    timeline: { bucket: "day", rows: [{ start: "2026-01-01", comments: 2, flagged: 1, approved: 0, removed: 1 }] },
    rules: [{ rule: "=site.evil", category: "threat", hits: 1, pending: 0, approved: 0, removed: 1, precision: 1 }],
  },
};

describe("renderJson", () => {
  it("round-trips the document", () => {
    expect(JSON.parse(renderJson(doc))).toEqual(doc);
  });
});

describe("renderCsv", () => {
  it("writes one row per comment with the agreed columns", () => {
    const rows = parse(renderCsv(doc), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      thread_id: "t_1", position: "1", comment_id: "c_1", parent_id: "", status: "removed",
      categories: "threat;insult", rules: "threat.x;insult.y", body: "<script>alert(1)</script>\n\nsecond, \"quoted\" paragraph",
    });
    expect(rows[1]).toMatchObject({ parent_id: "c_1", posted_at: "2026-01-01T00:00:00Z" });
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const rows = parse(renderCsv(doc), { columns: true }) as Record<string, string>[];
    expect(rows[0]!.author).toBe("'=HYPERLINK(\"http://evil\")");
    expect(rows[1]!.author).toBe("'@bob");
    expect(rows[1]!.body).toBe("'-1 from me");
    for (const cell of ["+1", "\tx", "\rx"]) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    expect(neutraliseCell("plain")).toBe("plain");
  });

  it("writes the rules table with formula-safe cells", () => {
    expect(parse(renderRulesCsv(doc.summary), { columns: true })).toEqual([
      { rule: "'=site.evil", category: "threat", hits: "1", pending: "0", approved: "0", removed: "1", precision: "1.000" },
    ]);
  });
});

describe("renderHtml", () => {
  it("escapes every user string and ships no script", () => {
    const html = renderHtml(doc);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>vote</b>");
    expect(html).not.toContain("<img");
    expect(html.split("&#60;img src=x onerror=alert(1)&#62;").length - 1).toBe(3);
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("a=1&#38;b=2");
    expect(html).toContain("2 comments, 1 flagged; 1 pending, 0 approved, 1 removed.");
  });
});

describe("csvRecord", () => {
  it("writes every cell exactly as csv-stringify does with the exports' options", () => {
    const cells = [
      "", "plain", "a,b", 'say "hi"', '"', ",", "line\r\nbreak", "lf\nonly", "cr\ronly", "ends in cr\r", "\r", "\n", "\r\n",
      "para one\n\npara two", "=1+2", "'quoted'", "tab\tcell", "ünïcödé, ✓", " spaced ", '""', "a\r\n\"b\",c",
    ];
    for (const cell of cells) {
      const row = [cell, "x", cell];
      expect(csvRecord(row), JSON.stringify(cell)).toBe(stringify([row], CSV_OPTIONS));
    }
    expect(csvRecord(cells)).toBe(stringify([cells], CSV_OPTIONS));
  });

  it("quotes a cell with any line break, so a reader gets the paragraphs back in one cell", () => {
    const cells = ["para one\n\npara two", "cr\ronly", "plain"];
    const text = csvRecord(cells) + csvRecord(["next", "row", "here"]);
    expect(parse(text)).toEqual([cells, ["next", "row", "here"]]);
  });
});
