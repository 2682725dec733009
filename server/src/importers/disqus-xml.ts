import type { CommentImport, ParseResult, ThreadImport } from "@sift/shared";
import type { Importer } from "./registry";
import { decodeHtmlEntities, htmlToText } from "./html-text";
import { parseTimestamp } from "./records";
import { XmlRecordReader, type XmlRecord } from "./xml-records";
import { parseGrouped, type GroupedEnd, type GroupedFormat, type GroupedReader, type GroupSink } from "./grouped";
import { orderDepthFirst, plural, uniquifyIds } from "./reply-tree";

/** A `<thread>` of the export: what the article side of a ThreadImport needs. */
interface DisqusThread {
  id: string;
  title: string;
  url: string | null;
  body: string;
  forum: string;
  deleted: boolean;
}

/** A `<post>` as its thread's group keeps it. */
interface DisqusPost {
  comment: CommentImport;
  badDate: string | null;
}

const TRUE = /^\s*(?:true|1)\s*$/i;

/**
 * Reads a Disqus XML export (`<disqus>` with `<category>`, `<thread dsq:id>` and `<post dsq:id>`
 * elements) chunk by chunk into a grouped sink: threads and posts are flat siblings that reference
 * each other by `dsq:id`, so each post goes to its thread's group as it is read, and threads are
 * built at the end. Only ids and counts stay in memory; the posts go to the sink.
 */
class DisqusXmlReader implements GroupedReader {
  private readonly reader = new XmlRecordReader({
    roots: ["disqus"],
    isRecord: isDisqusRecord,
    onRecord: (record) => (record.kind === "thread" ? this.addThread(record) : this.addPost(record)),
  });
  private readonly described = new Set<string>();
  private readonly withPosts = new Set<string>();
  private posts = 0;
  private unthreaded = 0;
  private postsWithoutId = 0;

  constructor(private readonly sink: GroupSink) {}

  /** Feeds the next piece of the file's text. */
  write(chunk: string): void {
    this.reader.write(chunk);
  }

  /** Ends the input: problems, or the notes about the whole file. */
  end(): GroupedEnd {
    this.reader.end();
    if (this.reader.issues.length > 0) return { ok: false, issues: this.reader.issues };
    if (this.withPosts.size === 0) {
      const what = this.described.size === 0 ? "no <thread> or <post> elements" : `${plural(this.described.size, "thread")} but no posts`;
      return { ok: false, issues: [{ message: `no comments to import: the Disqus export has ${what}` }] };
    }
    const notes: string[] = [];
    const empty = [...this.described].filter((id) => !this.withPosts.has(id)).length;
    if (empty > 0) notes.push(`skipped ${plural(empty, "thread")} without posts`);
    if (this.unthreaded > 0) notes.push(`skipped ${plural(this.unthreaded, "post")} that name no thread`);
    if (this.postsWithoutId > 0) notes.push(`${plural(this.postsWithoutId, "post")} had no dsq:id: numbered by position, so re-imports may not match them`);
    return { ok: true, notes, context: null };
  }

  private addThread(record: XmlRecord): void {
    const id = record.attrs["dsq:id"] ?? text(record, "id");
    if (!id || this.described.has(id)) return;
    this.described.add(id);
    const thread: DisqusThread = {
      id,
      title: decodeHtmlEntities(text(record, "title")),
      url: text(record, "link") || null,
      body: htmlToText(record.fields.get("message") ?? ""),
      forum: text(record, "forum"),
      deleted: TRUE.test(record.fields.get("isDeleted") ?? ""),
    };
    this.sink.describe(id, thread);
  }

  private addPost(record: XmlRecord): void {
    const keys = disqusPostKeys(record);
    this.posts++;
    let id = keys.id;
    if (!id) {
      this.postsWithoutId++;
      id = `post-${this.posts}`;
    }
    if (keys.threadId === null) {
      this.unthreaded++;
      return;
    }
    const created = text(record, "createdAt");
    const postedAt = created ? parseTimestamp(created) : null;
    const removed = TRUE.test(record.fields.get("isDeleted") ?? "") || TRUE.test(record.fields.get("isSpam") ?? "");
    this.withPosts.add(keys.threadId);
    const post: DisqusPost = {
      badDate: created && !postedAt ? created : null,
      comment: {
        external_id: id,
        parent_external_id: record.childAttrs.get("parent")?.["dsq:id"] ?? (text(record, "parent") || null),
        author: decodeHtmlEntities(text(record, "author/name") || text(record, "author/username")) || "Anonymous",
        posted_at: postedAt,
        body: htmlToText(record.fields.get("message") ?? ""),
        initial_status: removed ? "removed" : "pending",
      },
    };
    this.sink.add(keys.threadId, post);
  }
}

/** A `<post>`'s own dsq:id and its thread's: what the importer keys comments by, and a writer finds them by. */
export function disqusPostKeys(record: XmlRecord): { id: string; threadId: string | null } {
  return {
    id: record.attrs["dsq:id"] ?? text(record, "id"),
    threadId: record.childAttrs.get("thread")?.["dsq:id"] ?? (text(record, "thread") || null),
  };
}

/** Disqus's records: the `<thread>` and `<post>` children of the root. */
export function isDisqusRecord(path: readonly string[]): boolean {
  return path.length === 2 && (path[1] === "thread" || path[1] === "post");
}

function text(record: XmlRecord, path: string): string {
  return (record.fields.get(path) ?? "").trim();
}

function toThread(meta: DisqusThread | null, id: string, posts: readonly DisqusPost[]): ThreadImport {
  const notes: string[] = [];
  if (!meta) notes.push(`thread ${id} is referenced by posts but not described in the file: no title or link`);
  if (meta?.deleted) notes.push("Disqus marks this thread as deleted");
  const badDates = posts.filter((p) => p.badDate !== null);
  if (badDates.length > 0) notes.push(`${plural(badDates.length, "post")} had an unreadable createdAt (e.g. "${badDates[0]!.badDate}"): stored without a time`);
  const comments = posts.map((p) => p.comment);
  uniquifyIds(comments, notes, "post");
  const title = meta?.title || meta?.url || `Disqus thread ${id}`;
  return {
    external_id: id,
    format: "disqus-xml",
    title,
    url: meta?.url ?? null,
    source_note: meta?.forum ? `Disqus export of the forum "${meta.forum}"` : "Disqus export",
    article: { title: meta?.title ?? "", body: meta?.body ?? "" },
    declared_comment_count: null,
    comments: orderDepthFirst(comments, notes, "post"),
    notes,
  };
}

/** Disqus XML as a grouped format: a thread per `<thread>` that has posts (or that posts name). */
export const disqusXmlFormat: GroupedFormat = {
  open: (sink) => new DisqusXmlReader(sink),
  build: (metas, items, ctx) => toThread((metas[0] as DisqusThread | undefined) ?? null, ctx.key, items as DisqusPost[]),
};

/** Parses a whole Disqus XML export. Pure: the same chunked reader a file stream drives. */
export function parseDisqusXml(text: string): ParseResult {
  return parseGrouped(disqusXmlFormat, text);
}

/** The root element's name, skipping the prolog, comments and a doctype. */
export function xmlRootName(text: string): string | null {
  const head = text.slice(0, 16 * 1024).replace(/^\uFEFF/, "");
  const match = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?[^>]*\?>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(head);
  return match?.[1] ?? null;
}

/** 0..1 from content: a `<disqus>` root (Disqus's namespace makes it certain). */
export function detectDisqusXml(text: string): number {
  if (xmlRootName(text) !== "disqus") return 0;
  return /xmlns="http:\/\/disqus\.com"/.test(text.slice(0, 4096)) ? 0.98 : 0.95;
}

/** The Importer for Disqus XML exports. */
export const disqusXmlImporter: Importer = {
  name: "disqus-xml",
  description: "a Disqus XML export (<disqus> with <thread> and <post> elements)",
  detect: (text) => detectDisqusXml(text),
  parse: (text) => parseDisqusXml(text),
  grouped: disqusXmlFormat,
};
