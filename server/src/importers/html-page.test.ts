import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decodeBytes } from "./decode";
import { findFirst, parseHtml, tag } from "./html-dom";
import { readTime } from "./html-page-comments";
import { stripSiteSuffix } from "./html-page-article";
import { parseHtmlPage } from "./html-page";
import { renderText } from "./html-to-text";
import { detectFormat, IMPORTERS, parseFileBytes } from "./registry";
import { diffHtmlPage, parseHtmlFixture, type HtmlCase } from "./html-page-test-support";

const fixtureText = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const issuesOf = (text: string) => {
  const result = parseHtmlPage(text);
  return result.ok ? [] : result.issues.map((i) => i.message);
};

const FALLBACK: HtmlCase[] = [
  {
    fixture: "html-unknown-ferry.html",
    title: "Ferry Operator Promises New Timetable From May",
    url: "https://islandtimes.example/news/ferry-timetable/",
    bodyStart: "The operator of the island ferry says",
    bodyEnd: "the real problem on the route.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["Owen Pryce", "The ferry was late every single day last summer.\n\nA new timetable will not fix a boat that keeps breaking down.", null, null],
      ["Sian Lloyd", "Good to see the early sailing back. I work in town from 7.", null, null],
      ["islander_dave", "Same old rubbish from the operator. They should lose the contract.", null, null],
    ],
    notes: ["no known comment widget in the markup: the comments were read from the page's text"],
  },
  {
    // Name, badge, an aria-hidden "•" and the time in touching spans: rendered as the browser lays them out.
    fixture: "html-unknown-bakesale.html",
    title: "Bake Sale Raises Record Sum For Hall Roof",
    url: "https://dunmore-parish.example/bake-sale-record/",
    bodyStart: "The spring bake sale in the parish hall",
    bodyEnd: "who ran the tombola.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Bernie Walsh", "Raised 1,240 pounds in a single morning. The lemon drizzle sold out by ten!", null, null],
      ["Paula N.", "Well done everyone.\n\nSame time next year?", null, null],
      ["Dunmore Scouts", "Thanks for having us on the tombola.", null, null],
      ["K Byrne", "Why was the car park closed all morning? Useless organisation.", null, null],
    ],
    notes: ["no known comment widget in the markup: the comments were read from the page's text"],
  },
];

describe("html-page: a layout no widget description knows goes through the text parser", () => {
  it.each(FALLBACK)("$fixture", (want) => {
    const { format, thread } = parseHtmlFixture(want.fixture);
    expect(format).toBe("html-page");
    expect(diffHtmlPage(thread, want)).toEqual([]);
  });
});

describe("html-page: theme variants", () => {
  it("reads a theme's own count heading and leaves Jetpack's Like button out of the text", () => {
    const page = `<!DOCTYPE html><html><head><title>Pier Repairs Begin | Bayside Post</title></head><body>
      <article><h1>Pier Repairs Begin</h1><div class="entry-content"><p>Work on the pier started on Monday and should last until the end of the summer season.</p></div></article>
      <h3 id="comments">2 Responses to &#8220;Pier Repairs Begin&#8221;</h3>
      <ol class="commentlist"><li class="comment depth-1" id="comment-7"><div class="comment-author"><span class="fn">Ada</span> says:</div>
        <div class="comment-content"><p>About time.</p><p id="comment-like-7" class="comment-likes"><a class="comment-like-link">Like</a></p></div>
        <ul class="children"><li class="comment depth-2" id="comment-8"><div class="comment-author"><span class="fn">Bo</span></div><div class="comment-content"><p>Agreed!</p></div></li></ul></li></ol>
      </body></html>`;
    const result = parseHtmlPage(page);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const thread = result.threads[0]!;
    expect(thread.declared_comment_count).toBe(2);
    expect(thread.title).toBe("Pier Repairs Begin");
    expect(thread.comments.map((c) => [c.external_id, c.parent_external_id, c.author, c.body])).toEqual([
      ["s_7", null, "Ada", "About time."],
      ["s_8", "s_7", "Bo", "Agreed!"],
    ]);
  });
});

describe("html-page: Disqus's frame saved as its own file", () => {
  it("takes the article's title and address from the embed URL", () => {
    // The derby page keeps Disqus's frame document in its iframe's srcdoc: that is the file the browser would write.
    const iframe = findFirst(parseHtml(fixtureText("html-disqus-derby.html")), tag("iframe"))!;
    const frame = `<!-- saved from url=(0170)https://disqus.com/embed/comments/?base=default&f=northside&t_u=https%3A%2F%2Fnorthside-sport.example%2Ffootball%2Fderby-draw%2F&t_d=Keeper%27s%20Howler&t_t=Keeper%27s%20Howler -->\n`;
    const result = parseHtmlPage(frame + iframe.attribs.srcdoc);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const thread = result.threads[0]!;
    expect([thread.title, thread.url, thread.article.body, thread.comments.length]).toEqual(["Keeper's Howler", "https://northside-sport.example/football/derby-draw/", "", 3]);
  });
});

describe("html-page: bad input comes back as issues, never a throw", () => {
  it("rejects an article with no comment section, naming the problem", () => {
    expect(issuesOf(fixtureText("html-nocomments-library.html"))).toEqual([
      "no comment section found: the HTML page has no known comment widget (wpDiscuz, Disqus, WordPress, Facebook, Commento, Hyvor Talk) and its text shows no comment list",
    ]);
  });

  it.each([
    ["empty", "", /^the page is empty/],
    ["only whitespace", "  \n ", /^the page is empty/],
    ["no visible text", "<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head><body><div hidden>Secret</div></body></html>", /^the HTML page has no visible text$/],
    ["a comment form and nothing else", "<html><body><h1>Quiet News Day</h1><p>Nothing at all happened in the town today, and the council confirmed it.</p><h3>Leave a Reply</h3></body></html>", /^found a comment form but no comments/],
    ["angle-bracket soup", "<<<>>><<div<p>>", /^no comment section found/],
    ["a blog's list of posts (li.post) with no Disqus", '<html><body><h1>Archive</h1><p>All of this month&#8217;s stories from the harbour desk, newest first.</p><ul><li class="post"><a href="/a">Harbour news</a></li><li class="post"><a href="/b">Ferry news</a></li></ul></body></html>', /^no comment section found/],
    ["a Disqus frame saved as a separate file", '<html><body><h1>T</h1><p>Some words.</p><div id="disqus_thread"><iframe src="./Story_files/saved_resource.html"></iframe></div></body></html>', /^no comments in the page itself: its Disqus comments were saved as a separate file \(\.\/Story_files\/saved_resource\.html\); import that file$/],
    ["a Commento widget saved before it loaded", '<html><body><h1>T</h1><p>Some words.</p><div id="commento"></div><script src="https://cdn.commento.io/js/commento.js"></script></body></html>', /^found an empty Commento widget: the page was saved before its comments loaded/],
  ])("%s", (_name, text, message) => {
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(message);
  });

  it("reads a truncated page as far as it goes", () => {
    const full = fixtureText("html-wpdiscuz-council.html");
    const result = parseHtmlPage(full.slice(0, full.indexOf("Absolute clowns") + 10));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const comments = result.threads[0]!.comments;
    expect(comments.map((c) => c.author)).toEqual(["Lena Marsh", "Tom Adeyemi", "Cllr Ruth Bell", "grumpy_in_ward7"]);
    expect(comments[3]!.body).toBe("Another year, another tax rise for worse service. Absolute c");
    // Cut inside the next comment's avatar: no name and no text, so no comment.
    const inAvatar = parseHtmlPage(full.slice(0, full.indexOf("alt='grumpy_in_ward7'") + 10));
    expect(inAvatar.ok && inAvatar.threads[0]!.comments.map((c) => c.author)).toEqual(["Lena Marsh", "Tom Adeyemi", "Cllr Ruth Bell"]);
  });

  it("cuts a page at every tenth of its length without throwing", () => {
    const full = fixtureText("html-disqus-transit.html");
    for (let i = 1; i < 10; i++) expect(() => parseHtmlPage(full.slice(0, Math.floor((full.length * i) / 10)))).not.toThrow();
  });
});

describe("html-page: encodings", () => {
  it("reads a page with a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(new URL("./fixtures/html-hyvor-ridgerun.html", import.meta.url))]);
    const result = parseFileBytes(bytes, { fileName: "page.html" });
    expect(result).toMatchObject({ ok: true, format: "html-page" });
  });

  it("honours a declared charset that is not Windows-1252", () => {
    const page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Привет</p></body></html>';
    expect(decodeBytes(iconv.encode(page, "windows-1251"))).toEqual({ ok: true, text: page, encoding: "windows-1251", declared: true });
  });

  it("keeps guessing Windows-1252 when nothing is declared", () => {
    expect(decodeBytes(iconv.encode("<p>café</p>", "windows-1252"))).toEqual({ ok: true, text: "<p>café</p>", encoding: "windows-1252" });
  });
});

describe("html-page: detection", () => {
  const htmlFixtures = readdirSync(new URL("./fixtures/", import.meta.url)).filter((f) => f.startsWith("html-"));
  it.each(htmlFixtures)("%s is html-page, and no other importer is as sure", (name) => {
    const bytes = readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(detectFormat(decoded.text)?.name).toBe("html-page");
    for (const other of IMPORTERS.filter((i) => i.name !== "html-page")) expect(other.detect(decoded.text, name), other.name).toBeLessThan(0.2);
  });

  it.each([
    ["a Disqus XML export", '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com"><post><message><![CDATA[<p>Hi</p><p>there</p><div>x</div><span>y</span>]]></message></post></disqus>'],
    ["a WordPress WXR export", '<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><content:encoded><![CDATA[<p>a</p><p>b</p><div>c</div>]]></content:encoded></item></channel></rss>'],
    ["an XML root without prolog", '<disqus xmlns="http://disqus.com"><post><message>&lt;p&gt;</message><p>a</p><p>b</p><div>c</div><span>d</span></post></disqus>'],
    ["JSON", '[{"body": "<p>hi</p><p>x</p><div>y</div><span>z</span><a>q</a>"}]'],
    ["CSV with HTML bodies", "id,body\n1,<p>hi</p><p>x</p><div>y</div><span>z</span>\n"],
  ])("scores %s low", (_name, text) => {
    expect(IMPORTERS.find((i) => i.name === "html-page")!.detect(text)).toBeLessThan(0.1);
  });

  it.each([
    ["a doctype", "<!DOCTYPE html><html><body></body></html>", 0.9],
    ["Chrome's saved-from note first", "<!-- saved from url=(0022)https://example.org/ -->\n<html><body></body></html>", 0.9],
    ["XHTML with an XML prolog", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n<html xmlns="http://www.w3.org/1999/xhtml"></html>', 0.9],
    ["a fragment of comment markup", '<div class="wpd-thread-list"><div class="wpd-comment"><div class="wpd-comment-author">A</div><div class="wpd-comment-text"><p>Hi</p></div></div></div>', 0.7],
  ])("recognises %s", (_name, text, score) => {
    expect(IMPORTERS.find((i) => i.name === "html-page")!.detect(text)).toBe(score);
  });
});

describe("html-page: text rendering", () => {
  it.each([
    ["paragraphs and line breaks", "<div><p>One<br>two</p><p>Three</p></div>", "One\ntwo\n\nThree"],
    ["entities and NBSP", "<p>Fish &amp; chips&nbsp;&#8211; it&#8217;s &lt;fine&gt;</p>", "Fish & chips – it’s <fine>"],
    ["source whitespace collapses", "<p>  a\n   b\t c </p>", "a b c"],
    ["blocks start lines", "<div>a</div><div>b</div><span>c</span> <span>d</span>", "a\nb\nc d"],
    ["scripts, styles, forms and buttons vanish", "<p>a</p><script>x()</script><style>p{}</style><form><label>Name</label></form><button>Reply</button><p>b</p>", "a\n\nb"],
    ["hidden elements vanish", '<p>a</p><p hidden>h</p><p aria-hidden="true">i</p><p style="display: none">j</p><p style="visibility:hidden">k</p><p>b</p>', "a\n\nb"],
    ["share bars, ads and cookie banners vanish", '<p>a</p><div class="sharedaddy">Share this</div><ins class="adsbygoogle">ad</ins><div class="cookie-notice">We use cookies</div>', "a"],
  ])("%s", (_name, html, text) => {
    expect(renderText(parseHtml(html))).toBe(text);
  });

  it.each([
    ["touching elements start lines", "<div><span>Ann</span><time>2 hours ago</time></div><p>Hi <b>there</b>, <a>you</a>.</p>", "Ann\n2 hours ago\n\nHi there, you."],
    ["a visible aria-hidden separator stays", '<div><span>Ann</span> <span aria-hidden="true">•</span> <a>2 hours ago</a></div>', "Ann • 2 hours ago"],
    ["an aria-hidden icon still goes", '<div><i aria-hidden="true">icon-reply</i> <a>Reply</a></div>', "Reply"],
  ])("laying out a page: %s", (_name, html, text) => {
    expect(renderText(parseHtml(html), () => false, { layout: true })).toBe(text);
  });
});

describe("html-page: times", () => {
  const el = (html: string) => parseHtml(html).children[0] as Parameters<typeof readTime>[0];
  it.each([
    ['<time datetime="2024-03-14T18:02:11+00:00">March 14</time>', "2024-03-14T18:02:11.000Z"],
    ['<time datetime="2023-06-02T16:44:09+01:00"></time>', "2023-06-02T15:44:09.000Z"],
    ['<time datetime="2024-03-14">x</time>', "2024-03-14T00:00:00.000Z"],
    ['<abbr data-utime="1700039580" title="x">1y</abbr>', "2023-11-15T09:13:00.000Z"],
    ['<div title="March 5, 2024 8:12 am">2 days ago</div>', "2024-03-05T08:12:00.000Z"],
    ['<a title="Monday, March 4, 2024 6:02 PM">2 days ago</a>', "2024-03-04T18:02:00.000Z"],
    ['<div title="Tue Mar 05 2024 14:30:00 GMT+0000 (Coordinated Universal Time)">2 days ago</div>', "2024-03-05T14:30:00.000Z"],
    ['<a href="#">May 3, 2018 at 10:15 am</a>', "2018-05-03T10:15:00.000Z"],
    ["<div>3 hours ago</div>", null],
    ['<div title="soon">yesterday</div>', null],
  ])("%s → %s", (html, iso) => {
    expect(readTime(el(html))).toBe(iso);
  });
});

describe("html-page: titles", () => {
  it.each([
    ["Council Confirms Tax Rise | Eastmoor Gazette", "Council Confirms Tax Rise"],
    ["Eastmoor Gazette – Council Confirms Tax Rise", "Council Confirms Tax Rise"],
    ["Iran And Israel Talks Over Syria: Report", "Iran And Israel Talks Over Syria: Report"],
    ["Well-Known Mid-Term Results", "Well-Known Mid-Term Results"],
  ])("%s → %s", (title, want) => {
    expect(stripSiteSuffix(title)).toBe(want);
  });
});
