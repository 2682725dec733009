import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ThreadImportSchema, type ThreadImport } from "@sift/shared";
import { detectDisqusXml, disqusXmlFormat, parseDisqusXml } from "./disqus-xml";
import { parseGrouped } from "./grouped";
import { parseFileBytes } from "./registry";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** A thread as compact rows, so a table can state the whole output. */
function summary(thread: ThreadImport) {
  return {
    external_id: thread.external_id,
    title: thread.title,
    url: thread.url,
    article: thread.article.body,
    comments: thread.comments.map((c) => [c.external_id, c.parent_external_id, c.author, c.posted_at, c.initial_status, c.body]),
    notes: thread.notes,
  };
}

const COUNCIL = [
  {
    external_id: "7700201",
    title: "Council trims the winter ferry timetable",
    url: "https://harbourview-gazette.example/news/ferry-timetable-cut",
    article: "The 06:10 and 22:40 crossings will not run from November.",
    comments: [
      ["5500001", null, "Marta Kowal", "2024-10-02T08:01:12.000Z", "pending", "Nurses on the early shift use the 06:10. Has anyone at the council asked them?\n\nGenuinely curious & a bit worried."],
      ["5500002", "5500001", "Dev Patel", "2024-10-02T08:20:45.000Z", "pending", "> Has anyone at the council asked them?\n\nThey did a survey in June. Results are on the council site (https://harbourview.example/council/ferry-survey.pdf)."],
      ["5500003", "5500002", "Marta Kowal", "2024-10-02T09:02:00.000Z", "pending", "A survey nobody saw. Typical."],
      ["5500005", "5500003", "martak", "2024-10-02T09:40:00.000Z", "pending", "Ok, fair, I found it. Page 4."],
      ["5500004", null, "tickets4u", "2024-10-02T09:30:00.000Z", "removed", "Cheap ferry tickets here!!! http://cheap-tickets.example/harbour?ref=dq"],
      ["5500006", null, "Guest", "2024-10-02T10:05:00.000Z", "removed", ""],
    ],
    notes: ["skipped 1 thread without posts"],
  },
  {
    external_id: "7700202",
    title: "Fortnightly bins: a letter",
    url: "https://harbourview-gazette.example/opinion/fortnightly-bins",
    article: "",
    comments: [["5500007", null, "Owen Hart", "2024-10-03T10:00:00.000Z", "pending", "Two weeks of bins in August?\nNo thanks."]],
    notes: [],
  },
];

const LOOSE_ENDS = [
  {
    external_id: "8100001",
    title: "Log cabin blocks – a beginner’s guide",
    url: "https://quiltersweekly.example/patterns/log-cabin",
    article: "Start with a red centre square.",
    comments: [
      ["9100001", null, "Ruth", null, "pending", "Red centre for the hearth & yellow for light, my gran said."],
      ["9100002", "9100001", "stitchwitch", "2023-05-02T14:30:00.000Z", "pending", "Lovely guide. I'd add: press every seam — don't iron."],
    ],
    notes: [
      '1 post had an unreadable createdAt (e.g. "yesterday"): stored without a time',
      "1 post answering a post not in the file (9100001): shown as top-level",
    ],
  },
  {
    external_id: "8100999",
    title: "Disqus thread 8100999",
    url: null,
    article: "",
    comments: [["9100003", null, "Nadia", "2023-05-03T08:00:00.000Z", "pending", "Does this work for a baby quilt?"]],
    notes: ["thread 8100999 is referenced by posts but not described in the file: no title or link"],
  },
];

describe("parseDisqusXml on fixtures", () => {
  it.each([
    ["disqus-council.xml", COUNCIL],
    ["disqus-loose-ends.xml", LOOSE_ENDS],
  ])("%s", (name, expected) => {
    const result = parseFileBytes(fixture(name), { fileName: name });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.format).toBe("disqus-xml");
    for (const thread of result.threads) expect(() => ThreadImportSchema.parse(thread)).not.toThrow();
    expect(result.threads.map(summary)).toEqual(expected);
  });

  it("honours the ISO-8859-1 the prolog declares", () => {
    const result = parseFileBytes(fixture("disqus-latin1.xml"));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads.map(summary)).toEqual([
      {
        external_id: "5150001",
        title: "Étape 12 : la montée finale",
        url: "https://velo-club.example/fr/etape-12",
        article: "",
        comments: [["5250001", null, "Renée", "2022-07-14T16:00:00.000Z", "pending", "Quelle étape ! Le café au sommet était à 5 £, quand même."]],
        notes: [],
      },
    ]);
  });
});

describe("parseDisqusXml on bad files", () => {
  const post = (id: string, extra = "") => `<post dsq:id="${id}"><message>x</message><thread dsq:id="1"/>${extra}</post>`;
  const doc = (body: string) => `<?xml version="1.0"?>\n<disqus xmlns:dsq="http://disqus.com/disqus-internals">\n<thread dsq:id="1"><title>T</title></thread>\n${body}\n</disqus>\n`;
  it.each([
    ["a truncated file", fixture("disqus-truncated.xml").toString(), 15, "the file ends inside <message> before <disqus> is closed: it looks truncated"],
    ["a wrong root", '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 2, "expected <disqus> as the root element, found <rss>"],
    ["only threads", fixture("disqus-threads-only.xml").toString(), undefined, "no comments to import: the Disqus export has 2 threads but no posts"],
    ["an empty root", "<disqus/>", undefined, "no comments to import: the Disqus export has no <thread> or <post> elements"],
    ["no XML at all", "just some text", 1, 'not an XML document: it starts with text ("just some text") before any <disqus> element'],
    ["JSON", '{"posts": ["<p>hi</p>"]}', 1, 'not an XML document: it starts with text ("{"posts": ["") before any <disqus> element'],
    ["only a prolog", '<?xml version="1.0"?>\n', undefined, "no XML element found: expected a <disqus> document"],
    ["a mismatched end tag", doc(`<post dsq:id="2"><message>x</post>`), 4, "<message> is not closed before </post>"],
  ])("rejects %s", (_name, text, line, message) => {
    expect(parseDisqusXml(text)).toEqual({ ok: false, issues: [line === undefined ? { message } : { line, message }] });
  });

  it("keeps a reply loop, breaking it once with a note", () => {
    const result = parseDisqusXml(doc(post("2", '<parent dsq:id="3"/>') + post("3", '<parent dsq:id="2"/>')));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]!.comments.map((c) => [c.external_id, c.parent_external_id])).toEqual([["2", null], ["3", "2"]]);
    expect(result.threads[0]!.notes).toEqual(["reply loops (a answers b answers a) broken by showing 1 post as top-level"]);
  });

  it("suffixes a repeated dsq:id rather than losing a post", () => {
    const result = parseDisqusXml(doc(post("2") + post("2")));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]!.comments.map((c) => c.external_id)).toEqual(["2", "2#2"]);
  });
});

describe("the Disqus reader", () => {
  it("gives the same result however the text is split", () => {
    const text = fixture("disqus-council.xml").toString();
    const whole = parseDisqusXml(text);
    expect(whole.ok).toBe(true);
    for (const size of [1, 7, 500]) expect(parseGrouped(disqusXmlFormat, text, {}, size)).toEqual(whole);
  });

  it("orders threads as the file describes them, even when a post comes before its thread", () => {
    const text = `<?xml version="1.0"?><disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="t1"><title>First</title></thread>
<post dsq:id="p1"><thread dsq:id="t2"/><message>early reply</message></post>
<post dsq:id="p3"><thread dsq:id="t9"/><message>to a thread never described</message></post>
<thread dsq:id="t2"><title>Second</title></thread>
<post dsq:id="p2"><thread dsq:id="t1"/><message>on the first</message></post>
</disqus>`;
    const result = parseDisqusXml(text);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads.map((t) => t.title)).toEqual(["First", "Second", "Disqus thread t9"]);
  });
});

describe("detectDisqusXml", () => {
  it.each([
    ["disqus-council.xml", 0.98],
    ["disqus-loose-ends.xml", 0.98],
    ["wxr-allotment.xml", 0],
    ["json-disqus.json", 0],
  ])("%s → %s", (name, score) => {
    expect(detectDisqusXml(fixture(name).toString())).toBe(score);
  });
  it("needs the root, not just the word", () => {
    expect(detectDisqusXml("<html><body><disqus></disqus></body></html>")).toBe(0);
    expect(detectDisqusXml("<!-- export -->\n<disqus>")).toBe(0.95);
  });
});

describe("hostile and damaged files", () => {
  it("never expands entities a DOCTYPE declares (no billion laughs, no external entities)", () => {
    const text = `<?xml version="1.0"?>
<!DOCTYPE disqus [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
<disqus xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="1"><title>&b;</title></thread>
<post dsq:id="2"><message>&ext; &b;</message><thread dsq:id="1"/></post>
</disqus>`;
    const result = parseDisqusXml(text);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads[0]!.title).toBe("&b;");
    expect(result.threads[0]!.comments[0]!.body).toBe("&ext; &b;");
  });

  it.each(["disqus-council.xml", "wxr-allotment.xml"])("rejects %s cut at any point, without throwing", (name) => {
    const text = fixture(name).toString();
    const parse = name.startsWith("wxr") ? parseFileBytes : (b: Uint8Array) => parseFileBytes(b, { format: "disqus-xml" });
    const rootEnd = text.lastIndexOf("</");
    for (let cut = 1; cut < rootEnd; cut += 97) {
      const result = parse(Buffer.from(text.slice(0, cut)));
      expect(result.ok, `cut at ${cut}`).toBe(false);
    }
  });
});
