import type { CommentImport, ParseResult, ThreadImport } from "@sift/shared";
import type { Importer } from "./registry";
import { decodeHtmlEntities, htmlToText } from "./html-text";
import { parseTimestamp } from "./records";
import { feedText, XmlRecordReader, type XmlRecord } from "./xml-records";
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

/** A `<post>` with the thread it belongs to. */
interface DisqusPost {
  threadId: string | null;
  comment: CommentImport;
  badDate: string | null;
}

const TRUE = /^\s*(?:true|1)\s*$/i;

/**
 * Reads a Disqus XML export (`<disqus>` with `<category>`, `<thread dsq:id>` and `<post dsq:id>`
 * elements) chunk by chunk. Threads and posts are flat siblings that reference each other by
 * `dsq:id`, so the posts are kept until `end()`; the document itself never is.
 */
export class DisqusXmlReader {
  private readonly reader = new XmlRecordReader({
    roots: ["disqus"],
    isRecord: isDisqusRecord,
    onRecord: (record) => (record.kind === "thread" ? this.addThread(record) : this.addPost(record)),
  });
  private readonly threads = new Map<string, DisqusThread>();
  private readonly posts: DisqusPost[] = [];
  private postsWithoutId = 0;

  /** Feeds the next piece of the file's text. */
  write(chunk: string): void {
    this.reader.write(chunk);
  }

  /** Ends the input and builds one ThreadImport per thread that has posts. */
  end(): ParseResult {
    this.reader.end();
    if (this.reader.issues.length > 0) return { ok: false, issues: this.reader.issues };
    return buildThreads(this.threads, this.posts, this.postsWithoutId);
  }

  private addThread(record: XmlRecord): void {
    const id = record.attrs["dsq:id"] ?? text(record, "id");
    if (!id || this.threads.has(id)) return;
    this.threads.set(id, {
      id,
      title: decodeHtmlEntities(text(record, "title")),
      url: text(record, "link") || null,
      body: htmlToText(record.fields.get("message") ?? ""),
      forum: text(record, "forum"),
      deleted: TRUE.test(record.fields.get("isDeleted") ?? ""),
    });
  }

  private addPost(record: XmlRecord): void {
    const keys = disqusPostKeys(record);
    let id = keys.id;
    if (!id) {
      this.postsWithoutId++;
      id = `post-${this.posts.length + 1}`;
    }
    const created = text(record, "createdAt");
    const postedAt = created ? parseTimestamp(created) : null;
    const removed = TRUE.test(record.fields.get("isDeleted") ?? "") || TRUE.test(record.fields.get("isSpam") ?? "");
    this.posts.push({
      threadId: keys.threadId,
      badDate: created && !postedAt ? created : null,
      comment: {
        external_id: id,
        parent_external_id: record.childAttrs.get("parent")?.["dsq:id"] ?? (text(record, "parent") || null),
        author: decodeHtmlEntities(text(record, "author/name") || text(record, "author/username")) || "Anonymous",
        posted_at: postedAt,
        body: htmlToText(record.fields.get("message") ?? ""),
        initial_status: removed ? "removed" : "pending",
      },
    });
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

/** Groups posts by thread in file order; threads with no posts are skipped, and the first thread says so. */
function buildThreads(threads: ReadonlyMap<string, DisqusThread>, posts: readonly DisqusPost[], postsWithoutId: number): ParseResult {
  const byThread = new Map<string, DisqusPost[]>();
  for (const id of threads.keys()) byThread.set(id, []);
  let unthreaded = 0;
  for (const post of posts) {
    if (post.threadId === null) unthreaded++;
    else if (byThread.has(post.threadId)) byThread.get(post.threadId)!.push(post);
    else byThread.set(post.threadId, [post]);
  }
  const result: ThreadImport[] = [];
  let empty = 0;
  for (const [id, group] of byThread) {
    if (group.length === 0) empty++;
    else result.push(toThread(threads.get(id) ?? null, id, group));
  }
  const first = result[0];
  if (!first) {
    const what = threads.size === 0 ? "no <thread> or <post> elements" : `${plural(threads.size, "thread")} but no posts`;
    return { ok: false, issues: [{ message: `no comments to import: the Disqus export has ${what}` }] };
  }
  const fileNotes: string[] = [];
  if (empty > 0) fileNotes.push(`skipped ${plural(empty, "thread")} without posts`);
  if (unthreaded > 0) fileNotes.push(`skipped ${plural(unthreaded, "post")} that name no thread`);
  if (postsWithoutId > 0) fileNotes.push(`${plural(postsWithoutId, "post")} had no dsq:id: numbered by position, so re-imports may not match them`);
  first.notes = [...fileNotes, ...first.notes];
  return { ok: true, threads: result };
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

/** Parses a whole Disqus XML export. Pure: the same chunked reader a file stream would drive. */
export function parseDisqusXml(text: string): ParseResult {
  return feedText(new DisqusXmlReader(), text);
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
  createReader: () => new DisqusXmlReader(),
};
