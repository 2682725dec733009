import type { CommentImport, ParseIssue, ParseResult, ThreadImport } from "@sift/shared";
import type { Importer } from "./registry";
import { parseGrouped, type GroupedFormat } from "./grouped";
import { xmlRootName } from "./disqus-xml";
import { decodeHtmlEntities, htmlToText } from "./html-text";
import { parseTimestamp } from "./records";
import { XmlRecordReader, type XmlRecord } from "./xml-records";
import { orderDepthFirst, plural, uniquifyIds } from "./reply-tree";

/** WordPress's `wp:comment_approved` values; anything else (a plugin's own state) is left pending. */
const APPROVAL: Record<string, CommentImport["initial_status"]> = {
  "1": "approved", approve: "approved", "0": "pending", hold: "pending", spam: "removed", trash: "removed", "post-trashed": "removed",
};
/** Comment types that are notifications from other sites, not something a reader wrote here. */
const LINKBACKS = new Set(["pingback", "trackback"]);
/**
 * Types written by readers. Plugins store other things as comments too (WooCommerce order notes,
 * action logs, webhook deliveries), some private: those are left out, never shown to moderators.
 */
const READER_TYPES = new Set(["", "comment", "review"]);
const NO_DATE = /^0000-00-00/;

/** WXR's records: `<item>` under the channel (a post) and the `<wp:comment>` elements inside it. */
export function isWxrRecord(path: readonly string[]): boolean {
  return path[1] === "channel" && ((path.length === 3 && path[2] === "item") || (path.length === 4 && path[3] === "wp:comment"));
}

/** What the reader keeps about one `<wp:comment>` until its `<item>` closes. */
interface PendingComment {
  comment: CommentImport;
  dateFromLocal: boolean;
  badDate: string | null;
}

/** File-wide tallies, reported on the first thread. */
interface Tally {
  itemsWithoutComments: number;
  linkbacks: number;
  /** Entries of other comment types, by type. */
  other: Map<string, number>;
}

/**
 * Reads a WordPress export (WXR: `<rss>` with the `wp:` namespace) chunk by chunk. Each `<item>`
 * carries its own `<wp:comment>` elements, so a thread is complete when its item closes and is
 * handed to `onThread` at once: memory holds one post's comments, not the file.
 */
export class WxrReader {
  private readonly reader = new XmlRecordReader({
    roots: ["rss"],
    isRecord: isWxrRecord,
    onRecord: (record) => (record.kind === "item" ? this.closeItem(record) : this.addComment(record)),
  });
  private pending: PendingComment[] = [];
  private readonly tally: Tally = { itemsWithoutComments: 0, linkbacks: 0, other: new Map() };
  private emitted = 0;

  /** `onThread` receives each post that has comments, in file order, as soon as it is read. */
  constructor(private readonly onThread: (thread: ThreadImport) => void) {}

  /** Feeds the next piece of the file's text. */
  write(chunk: string): void {
    this.reader.write(chunk);
  }

  /** Ends the input: problems, or the notes that concern the whole file (for the first thread). */
  end(): { ok: true; threads: number; notes: string[] } | { ok: false; issues: ParseIssue[] } {
    this.reader.end();
    if (this.reader.issues.length > 0) return { ok: false, issues: this.reader.issues };
    const notes: string[] = [];
    if (this.tally.itemsWithoutComments > 0) notes.push(`skipped ${plural(this.tally.itemsWithoutComments, "post")} without comments`);
    if (this.tally.linkbacks > 0) notes.push(`left out pingbacks and trackbacks (${this.tally.linkbacks}): notifications from other sites, not comments`);
    for (const [type, n] of this.tally.other) notes.push(`left out entries of comment type "${type}" (${n}): not written by readers`);
    if (this.emitted === 0) {
      return { ok: false, issues: [{ message: `no comments to import: the WordPress export has no <wp:comment> elements${this.tally.linkbacks > 0 ? " (only pingbacks and trackbacks)" : ""}` }] };
    }
    return { ok: true, threads: this.emitted, notes };
  }

  private addComment(record: XmlRecord): void {
    const type = text(record, "wp:comment_type");
    if (LINKBACKS.has(type)) {
      this.tally.linkbacks++;
      return;
    }
    if (!READER_TYPES.has(type)) {
      this.tally.other.set(type, (this.tally.other.get(type) ?? 0) + 1);
      return;
    }
    const gmt = text(record, "wp:comment_date_gmt");
    const local = text(record, "wp:comment_date");
    const fromGmt = gmt && !NO_DATE.test(gmt) ? parseTimestamp(gmt) : null;
    const fromLocal = fromGmt === null && local && !NO_DATE.test(local) ? parseTimestamp(local) : null;
    const given = [gmt, local].find((d) => d && !NO_DATE.test(d)) ?? null;
    const parent = text(record, "wp:comment_parent");
    this.pending.push({
      dateFromLocal: fromLocal !== null,
      badDate: given !== null && fromGmt === null && fromLocal === null ? given : null,
      comment: {
        external_id: text(record, "wp:comment_id") || `comment-${this.pending.length + 1}`,
        parent_external_id: parent === "" || parent === "0" ? null : parent,
        author: decodeHtmlEntities(text(record, "wp:comment_author")) || "Anonymous",
        posted_at: fromGmt ?? fromLocal,
        body: htmlToText(record.fields.get("wp:comment_content") ?? "", { autop: true }),
        initial_status: APPROVAL[text(record, "wp:comment_approved").toLowerCase()] ?? "pending",
      },
    });
  }

  private closeItem(record: XmlRecord): void {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) {
      this.tally.itemsWithoutComments++;
      return;
    }
    this.emitted++;
    this.onThread(toThread(record, pending));
  }
}

function text(record: XmlRecord, path: string): string {
  return (record.fields.get(path) ?? "").trim();
}

function toThread(item: XmlRecord, pending: readonly PendingComment[]): ThreadImport {
  const notes: string[] = [];
  const local = pending.filter((p) => p.dateFromLocal).length;
  if (local > 0) notes.push(`${plural(local, "comment")} had no readable GMT date: the site's local time was read as UTC`);
  const bad = pending.filter((p) => p.badDate !== null);
  if (bad.length > 0) notes.push(`${plural(bad.length, "comment")} had an unreadable date (e.g. "${bad[0]!.badDate}"): stored without a time`);
  const comments = pending.map((p) => p.comment);
  if (comments.some((c) => c.external_id.startsWith("comment-"))) notes.push("some comments had no wp:comment_id: numbered by position");
  uniquifyIds(comments, notes, "comment");
  const postId = text(item, "wp:post_id");
  const url = text(item, "link") || null;
  const articleTitle = decodeHtmlEntities(text(item, "title"));
  const title = articleTitle || url || `WordPress post ${postId}`;
  return {
    external_id: wxrThreadExternalId(item),
    format: "wxr",
    title,
    url,
    source_note: postId ? `WordPress export, post ${postId}` : "WordPress export",
    article: { title: articleTitle, body: htmlToText(item.fields.get("content:encoded") ?? "", { autop: true }) },
    declared_comment_count: null,
    comments: orderDepthFirst(comments, notes, "comment"),
    notes,
  };
}

/** A post's thread id: its guid, WordPress's global id for it (a bare post id would collide between two sites), else link or post id. */
export function wxrThreadExternalId(item: XmlRecord): string | null {
  const postId = text(item, "wp:post_id");
  return text(item, "guid") || text(item, "link") || (postId ? `wp-post-${postId}` : null);
}

/**
 * WXR as a grouped format: each post is a group whose comments are already in page order, so
 * building a thread only puts its comments back under it.
 */
export const wxrFormat: GroupedFormat = {
  open: (sink) => {
    let items = 0;
    const reader = new WxrReader((thread) => {
      const key = `item-${++items}`;
      const { comments, ...meta } = thread;
      sink.describe(key, meta);
      for (const comment of comments) sink.add(key, comment);
    });
    return {
      write: (chunk) => reader.write(chunk),
      end: () => {
        const result = reader.end();
        return result.ok ? { ok: true, notes: result.notes, context: null } : result;
      },
    };
  },
  build: (metas, items) => ({ ...(metas[0] as Omit<ThreadImport, "comments">), comments: items as CommentImport[] }),
};

/** Parses a whole WXR file. Pure: the same chunked reader a file stream drives. */
export function parseWxr(text: string): ParseResult {
  return parseGrouped(wxrFormat, text);
}

/** 0..1 from content: an `<rss>` root that declares WordPress's export namespace. */
export function detectWxr(text: string): number {
  if (xmlRootName(text) !== "rss") return 0;
  const head = text.slice(0, 16 * 1024);
  if (/xmlns:wp="http:\/\/wordpress\.org\/export\//.test(head)) return 0.97;
  return /<wp:(?:wxr_version|base_site_url|comment)\b/.test(head) ? 0.9 : 0.1;
}

/** The Importer for WordPress WXR exports. */
export const wxrImporter: Importer = {
  name: "wxr",
  description: "a WordPress export (WXR: <rss> with wp:comment elements)",
  detect: (text) => detectWxr(text),
  parse: (text) => parseWxr(text),
  grouped: wxrFormat,
};
