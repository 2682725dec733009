import { describe, expect, it } from "vitest";
import { isMhtml, unpackMhtml } from "./html-mhtml";
import { detectHtmlPage } from "./html-page";

const mhtml = (parts: string) =>
  [
    "From: <Saved by Blink>",
    "Snapshot-Content-Location: https://example.org/a/",
    "MIME-Version: 1.0",
    'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B--"',
    "",
    "",
    parts,
  ].join("\r\n");

describe("html-mhtml", () => {
  it("decodes quoted-printable parts (escaped bytes, soft line breaks, UTF-8) and keys frames by cid and location", () => {
    const text = mhtml(
      [
        "------B--",
        "Content-Type: text/html",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://example.org/a/",
        "",
        '<p class=3D"x">caf=C3=A9 and a very long li=',
        "ne</p><iframe src=3D\"cid:frame-1@mhtml.blink\"></iframe>",
        "------B--",
        "Content-Type: text/html; charset=windows-1252",
        "Content-ID: <frame-1@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://disqus.com/embed/comments/",
        "",
        "<p>na=EFve</p>",
        "------B----",
        "",
      ].join("\r\n"),
    );
    const unpacked = unpackMhtml(text);
    expect(unpacked?.html).toBe('<!-- saved from url=(0022)https://example.org/a/ -->\n<p class="x">café and a very long line</p><iframe src="cid:frame-1@mhtml.blink"></iframe>\r\n');
    expect(unpacked?.frames.get("cid:frame-1@mhtml.blink")).toBe("<p>naïve</p>\r\n");
    expect(unpacked?.frames.get("https://disqus.com/embed/comments/")).toBe("<p>naïve</p>\r\n");
  });

  it("decodes base64 parts", () => {
    const body = Buffer.from("<p>hello</p>").toString("base64");
    const text = mhtml(["------B--", "Content-Type: text/html", "Content-Transfer-Encoding: base64", "", body, "------B----"].join("\r\n"));
    expect(unpackMhtml(text)?.html).toContain("<p>hello</p>");
  });

  it.each([
    ["plain HTML", "<html><body></body></html>"],
    ["a page saved as text", "From the editor\nMIME types explained\n"],
    ["MIME headers without an HTML part", mhtml("------B--\r\nContent-Type: image/png\r\n\r\nxx\r\n------B----")],
  ])("gives null for %s", (_name, text) => {
    expect(unpackMhtml(text)).toBeNull();
  });

  it("is detected as an HTML page when it holds one", () => {
    const text = mhtml("------B--\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n------B----");
    expect(isMhtml(text)).toBe(true);
    expect(detectHtmlPage(text)).toBe(0.9);
  });
});
