import { Parser } from "htmlparser2";

/** Elements that start a new paragraph of their own. */
const BLOCKS = new Set([
  "p", "div", "blockquote", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "hr", "figure", "section", "article",
]);
/** Elements whose text is never shown to a reader. */
const HIDDEN = new Set(["script", "style", "template", "noscript"]);

export interface HtmlToTextOptions {
  /**
   * WordPress stores comment text with bare newlines and adds `<p>`/`<br>` only when showing it
   * (wpautop): then a blank line is a paragraph and a single newline a line break. Disqus stores
   * real HTML, where newlines are just whitespace.
   */
  autop?: boolean;
}

/**
 * Plain text of an HTML fragment (a comment's message, a post's content) with paragraphs joined
 * by "\n\n". Links keep their address after the text, `text (https://…)`, because spam rules
 * need to see where a link goes; quotes become `> ` lines so a moderator can tell quoted words
 * from the commenter's own. Entities are decoded. Never throws.
 */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const out = new TextBuilder(options.autop ?? false);
  let hidden = 0;
  let quoteDepth = 0;
  const hrefs: (string | undefined)[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (HIDDEN.has(name)) hidden++;
        if (name === "br") out.lineBreak();
        else if (BLOCKS.has(name)) out.paragraph();
        if (name === "blockquote") out.quote(++quoteDepth);
        if (name === "a") {
          hrefs.push(attrs.href);
          out.startLink();
        }
        if (name === "img" && attrs.alt) out.text(`[${attrs.alt}]`);
      },
      ontext(text) {
        if (hidden === 0) out.text(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden--;
        if (name === "a") out.link(hrefs.pop());
        if (BLOCKS.has(name)) out.paragraph();
        if (name === "blockquote") out.quote(--quoteDepth);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out.result();
}

/** Collects text runs into lines and paragraphs, collapsing whitespace the way a browser shows it. */
class TextBuilder {
  private paragraphs: string[] = [];
  private current = "";
  private linkStart = 0;
  private prefix = "";

  constructor(private readonly autop: boolean) {}

  text(raw: string): void {
    const pieces = this.autop ? raw.split(/\n[ \t]*\n\s*/) : [raw];
    pieces.forEach((piece, i) => {
      if (i > 0) this.paragraph();
      const lines = this.autop ? piece.split("\n") : [piece];
      lines.forEach((line, j) => {
        if (j > 0) this.lineBreak();
        const collapsed = line.replace(/\s+/g, " ");
        // Text arrives in runs (entities come separately): a space must not double at a seam.
        this.current += /[ \n]$/.test(this.current) || this.current === "" ? collapsed.trimStart() : collapsed;
      });
    });
  }

  startLink(): void {
    this.linkStart = this.current.length;
  }

  /** Closes an `<a>`: appends the address unless the visible text already is it. */
  link(href: string | undefined): void {
    if (!href || !/^(?:https?:|mailto:|www\.)/i.test(href)) return;
    const text = this.current.slice(this.linkStart).trim();
    if (text === "") this.current += href;
    else if (!text.endsWith(href) && !href.endsWith(text)) this.current += ` (${href})`;
    this.linkStart = this.current.length;
  }

  lineBreak(): void {
    this.current = `${this.current.trimEnd()}\n`;
  }

  paragraph(): void {
    const lines = this.current.split("\n").map((l) => l.trim()).filter((l, i, all) => l !== "" || (i > 0 && i < all.length - 1));
    const text = lines.join("\n").trim();
    if (text !== "") this.paragraphs.push(text.split("\n").map((l) => this.prefix + l).join("\n"));
    this.current = "";
    this.linkStart = 0;
  }

  quote(depth: number): void {
    this.prefix = "> ".repeat(Math.max(0, depth));
  }

  result(): string {
    this.paragraph();
    return this.paragraphs.join("\n\n");
  }
}

/**
 * HTML entities decoded in text that is not markup (a title, an author's name): WordPress stores
 * "Fish &amp; Chips" inside CDATA, where the XML parser leaves it alone. A "<" stays a "<".
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  let out = "";
  const parser = new Parser({ ontext: (t) => void (out += t) }, { decodeEntities: true });
  parser.end(text.replace(/</g, "&lt;"));
  return out;
}
