import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadImportSchema, type ThreadImport } from "@sift/shared";
import { detectWxr, parseWxr, WxrReader } from "./wxr";
import { parseGrouped } from "./grouped";
import { findImporter, parseFileBytes } from "./registry";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function summary(thread: ThreadImport) {
  return {
    external_id: thread.external_id,
    title: thread.title,
    url: thread.url,
    source_note: thread.source_note,
    article: thread.article.body,
    comments: thread.comments.map((c) => [c.external_id, c.parent_external_id, c.author, c.posted_at, c.initial_status, c.body]),
    notes: thread.notes,
  };
}

const ALLOTMENT = [
  {
    external_id: "https://plot17.example/?p=118",
    title: "Slugs vs. the lettuce: round three",
    url: "https://plot17.example/2024/05/slugs-round-three/",
    source_note: "WordPress export, post 118",
    article: "Beer traps caught eleven overnight. The copper tape caught none.\n\nNext: wool pellets & a frog pond.",
    comments: [
      ["501", null, "Pauline", "2024-05-11T09:12:00.000Z", "approved", "Eleven! Which beer?\n\nAsking for a friend & her hostas."],
      ["502", "501", "jo", "2024-05-11T10:00:00.000Z", "approved", "> Which beer?\n\nThe cheapest lager going. They are not fussy."],
      ["503", "502", "Pauline", "2024-05-11T11:30:00.000Z", "pending", "Ha. Same as my husband then."],
      ["504", null, "Garden Gadgets Direct", "2024-05-11T12:00:00.000Z", "removed", "Best slug killer 2024 click here (https://gadgets.example/slug?aff=77)"],
      ["506", null, "Ken", "2024-05-12T17:45:00.000Z", "removed", "Frogs work. Took two years to get them in though."],
    ],
    notes: ["skipped 1 post without comments", "left out pingbacks and trackbacks (2): notifications from other sites, not comments"],
  },
  {
    external_id: "https://plot17.example/?p=97",
    title: "Rhubarb forcing, week 6 – first pick",
    url: "https://plot17.example/2024/02/rhubarb-week-6/",
    source_note: "WordPress export, post 97",
    article: "Pink stems under the bucket.\n\nPicked the first batch today.",
    comments: [
      ["410", null, "Sam O'Neill", "2024-02-20T19:05:00.000Z", "approved", "Crumble or fool?"],
      ["411", "410", "jo", "2024-02-20T20:00:00.000Z", "approved", ""],
    ],
    notes: ["1 comment had no readable GMT date: the site's local time was read as UTC"],
  },
];

const ESCAPED = [
  {
    external_id: "https://nightsky.example/perseids",
    title: "Perseids & the full moon",
    url: "https://nightsky.example/perseids",
    source_note: "WordPress export, post 7",
    article: "Moonlight will wash out the faint ones.",
    comments: [
      ["70", null, "Ana & Luis", "2023-08-12T23:10:00.000Z", "approved", "We counted 14 bright ones — 3 fireballs!"],
      ["71", "70", "Anonymous", null, "pending", "Where were you watching from?"],
      ["72", null, "Luis", "2023-08-13T07:00:00.000Z", "approved", "Reply to a comment that was deleted before the export."],
    ],
    notes: [
      "1 comment had no readable GMT date: the site's local time was read as UTC",
      "1 comment answering a comment not in the file (72): shown as top-level",
    ],
  },
];

describe("parseWxr on fixtures", () => {
  it.each([
    ["wxr-allotment.xml", ALLOTMENT],
    ["wxr-escaped.xml", ESCAPED],
  ])("%s", (name, expected) => {
    const result = parseFileBytes(fixture(name), { fileName: name });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.format).toBe("wxr");
    for (const thread of result.threads) expect(() => ThreadImportSchema.parse(thread)).not.toThrow();
    expect(result.threads.map(summary)).toEqual(expected);
  });
});

describe("parseWxr on bad files", () => {
  const item = (comments: string) => `<item><title>P</title><wp:post_id>1</wp:post_id>${comments}</item>`;
  const comment = (fields: string) => `<wp:comment><wp:comment_id>9</wp:comment_id>${fields}</wp:comment>`;
  const doc = (items: string) => `<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n${items}\n</channel>\n</rss>\n`;
  it.each([
    ["a truncated file", fixture("wxr-truncated.xml").toString(), 78, "the file ends inside <wp:comment_date_gmt> before <rss> is closed: it looks truncated"],
    ["an unclosed root", doc(item(comment(""))).replace("</rss>\n", ""), 6, "the file ends before <rss> is closed: it looks truncated"],
    ["a wrong root", fixture("disqus-council.xml").toString(), 2, "expected <rss> as the root element, found <disqus>"],
    ["only pingbacks", fixture("wxr-pingbacks-only.xml").toString(), undefined, "no comments to import: the WordPress export has no <wp:comment> elements (only pingbacks and trackbacks)"],
    ["posts without comments", doc(item("") + item("")), undefined, "no comments to import: the WordPress export has no <wp:comment> elements"],
    ["a comment cut short", doc(item(`<wp:comment><wp:comment_content>hi</wp:comment>`)), 4, "<wp:comment_content> is not closed before </wp:comment>"],
  ])("rejects %s", (_name, text, line, message) => {
    expect(parseWxr(text)).toEqual({ ok: false, issues: [line === undefined ? { message } : { line, message }] });
  });

  it.each([
    ["2024-13-01 10:00:00", "2024-13-01 10:00:00", null, ['1 comment had an unreadable date (e.g. "2024-13-01 10:00:00"): stored without a time']],
    ["0000-00-00 00:00:00", "2024-01-02 03:04:05", "2024-01-02T03:04:05.000Z", ["1 comment had no readable GMT date: the site's local time was read as UTC"]],
    ["0000-00-00 00:00:00", "0000-00-00 00:00:00", null, []],
    ["2024-01-02 03:04:05", "garbage", "2024-01-02T03:04:05.000Z", []],
  ])("dates: gmt %s, local %s → %s", (gmt, local, postedAt, notes) => {
    const result = parseWxr(doc(item(comment(`<wp:comment_date_gmt>${gmt}</wp:comment_date_gmt><wp:comment_date>${local}</wp:comment_date>`))));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]!.comments[0]!.posted_at).toBe(postedAt);
    expect(result.threads[0]!.notes).toEqual(notes);
  });

  it.each([
    ["1", "approved"], ["0", "pending"], ["spam", "removed"], ["trash", "removed"], ["post-trashed", "removed"], ["", "pending"], ["something-else", "pending"],
  ])("wp:comment_approved %s → %s", (approved, status) => {
    const result = parseWxr(doc(item(comment(`<wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved>`))));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]!.comments[0]!.initial_status).toBe(status);
  });
});

describe("comment types", () => {
  it("keeps reader comments and reviews, and leaves out plugin entries such as WooCommerce order notes", () => {
    const entry = (id: string, type: string) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_content>c${id}</wp:comment_content><wp:comment_type><![CDATA[${type}]]></wp:comment_type></wp:comment>`;
    const result = parseWxr(
      `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>Shop</title>${entry("1", "comment")}${entry("2", "review")}${entry("3", "order_note")}${entry("4", "order_note")}${entry("5", "")}${entry("6", "trackback")}</item></channel></rss>`,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]!.comments.map((c) => c.body)).toEqual(["c1", "c2", "c5"]);
    expect(result.threads[0]!.notes).toEqual([
      "left out pingbacks and trackbacks (1): notifications from other sites, not comments",
      'left out entries of comment type "order_note" (2): not written by readers',
    ]);
  });
});

describe("WxrReader", () => {
  it("hands over each thread as soon as its item closes", () => {
    const text = fixture("wxr-allotment.xml").toString();
    const seen: string[] = [];
    const reader = new WxrReader((thread) => seen.push(thread.title));
    const firstItemEnd = text.indexOf("</item>") + "</item>".length;
    reader.write(text.slice(0, firstItemEnd + 1));
    expect(seen).toEqual(["Slugs vs. the lettuce: round three"]);
    reader.write(text.slice(firstItemEnd + 1));
    expect(reader.end()).toMatchObject({ ok: true, threads: 2 });
    expect(seen).toHaveLength(2);
  });

  it("gives the same result however the text is split", () => {
    const text = fixture("wxr-allotment.xml").toString();
    const whole = parseWxr(text);
    for (const size of [1, 13, 4096]) {
      const threads: ThreadImport[] = [];
      const reader = new WxrReader((t) => threads.push(t));
      for (let i = 0; i < text.length; i += size) reader.write(text.slice(i, i + size));
      const end = reader.end();
      if (!end.ok || !whole.ok) throw new Error("expected ok");
      threads[0]!.notes = [...end.notes, ...threads[0]!.notes];
      expect(threads).toEqual(whole.threads);
    }
  });
});

describe("detectWxr", () => {
  it.each([
    ["wxr-allotment.xml", 0.97],
    ["wxr-escaped.xml", 0.97],
    ["disqus-council.xml", 0],
    ["reddit-thread.json", 0],
  ])("%s → %s", (name, score) => {
    expect(detectWxr(fixture(name).toString())).toBe(score);
  });
  it("leaves a plain RSS feed below the detection threshold", () => {
    expect(detectWxr('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>')).toBe(0.1);
  });
});

describe("Importer.grouped", () => {
  it.each([
    ["wxr", "wxr-allotment.xml"],
    ["disqus-xml", "disqus-council.xml"],
    ["wxr", "wxr-truncated.xml"],
    ["csv", "csv-threads.csv"],
    ["jsonl", "jsonl-export.jsonl"],
  ])("%s reads %s in pieces to the same result as parse", (format, name) => {
    const importer = findImporter(format)!;
    const text = fixture(name).toString();
    for (const size of [1, 1000]) expect(parseGrouped(importer.grouped!, text, {}, size)).toEqual(importer.parse(text, {}));
  });
});
