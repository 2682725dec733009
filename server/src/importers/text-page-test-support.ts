/**
 * Shared harness for the text-page fixture tables: reads a fixture as an
 * upload would arrive, parses it, and lists every way the result differs
 * from the hand-written expectation. Returning differences (rather than
 * asserting one by one) lets a single failing test show all of a page's
 * problems at once.
 */
import { readFileSync } from "node:fs";
import { ThreadImportSchema, type ThreadImport } from "@sift/shared";
import { decodeBytes } from "./decode";
import { parseTextPage } from "./text-page";

/** One expected comment: author, how its body starts, its paragraph count, its parent's 1-based position, its absolute time. */
export type ExpectedComment = [author: string, bodyStart: string, paragraphs: number, parent?: number | null, postedAt?: string | null];

/** What a fixture page must parse to. */
export interface PageCase {
  fixture: string;
  title: string;
  bodyStart: string;
  bodyEnd: string;
  sourceNote: string | null;
  declared: number | null;
  comments: ExpectedComment[];
  /** Page lines that must never become an author or a line of a comment. */
  chrome: string[];
  /** Page lines that must not end up in the article body (bylines, banners, bios). */
  notInArticle?: string[];
}

/** Chrome that every layout leaves somewhere; none of it is ever comment text. */
const COMMON_CHROME = [
  "Reply", "Share ›", "Share", "•", "−", "⚑", "Avatar", "Login", "Recommend", "Tweet", "Subscribe", "Notify of", "guest",
  "Oldest", "Newest", "Top", "Sort by", "Upvote", "Downvote", "Privacy", "Do Not Sell My Data", "Powered by Disqus",
  "Powered by Commento", "Hyvor Talk", "Powered by Hyvor Talk", "Facebook Comments Plugin", "Would love your thoughts, please comment.x",
  "()", "x", "Load more comments", "Load More Comments", "Add a comment...", "Leave a Reply", "Post Comment",
];

/** Reads a fixture through decodeBytes, as an uploaded file would be read. */
export function readFixture(name: string): string {
  const decoded = decodeBytes(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
}

const norm = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

/** Parses the page and returns its one thread, validated against the shared schema. */
export function parseFixture(name: string): ThreadImport {
  const result = parseTextPage(readFixture(name));
  if (!result.ok) throw new Error(`${name}: expected ok, got ${JSON.stringify(result.issues)}`);
  if (result.threads.length !== 1) throw new Error(`${name}: expected one thread, got ${result.threads.length}`);
  return ThreadImportSchema.parse(result.threads[0]);
}

/** Every difference between the parsed thread and the expectation, as readable lines; empty when they agree. */
export function diffPage(thread: ThreadImport, want: PageCase): string[] {
  const out: string[] = [];
  const body = norm(thread.article.body);
  if (thread.title !== want.title) out.push(`title: got "${thread.title}"`);
  if (thread.article.title !== want.title) out.push(`article title: got "${thread.article.title}"`);
  if (!body.startsWith(norm(want.bodyStart))) out.push(`article starts: got "${body.slice(0, 60)}"`);
  if (!body.endsWith(norm(want.bodyEnd))) out.push(`article ends: got "${body.slice(-60)}"`);
  for (const line of want.notInArticle ?? []) if (body.includes(norm(line))) out.push(`article holds "${line}"`);
  if (thread.source_note !== want.sourceNote) out.push(`source note: got ${JSON.stringify(thread.source_note)}`);
  if (thread.declared_comment_count !== want.declared) out.push(`declared: got ${thread.declared_comment_count}`);
  const got = thread.comments;
  if (got.length !== want.comments.length) {
    out.push(`comment count ${want.comments.length}: got ${got.length} (${got.map((c) => c.author).join(", ")})`);
  }
  want.comments.forEach(([author, start, paragraphs, parent = null, postedAt = null], i) => {
    const c = got[i];
    const at = `#${i + 1} ${author}`;
    if (!c) return;
    if (c.author !== author) out.push(`${at}: author "${c.author}"`);
    if (!norm(c.body).startsWith(norm(start))) out.push(`${at}: body starts "${norm(c.body).slice(0, 50)}"`);
    const n = c.body.split(/\n\s*\n/).filter((p) => p.trim()).length;
    if (n !== paragraphs) out.push(`${at}: ${n} paragraphs, want ${paragraphs}`);
    const parentIndex = got.findIndex((p) => p.external_id === c.parent_external_id);
    const gotParent = c.parent_external_id === null ? null : parentIndex + 1;
    if (gotParent !== parent) out.push(`${at}: parent ${gotParent}, want ${parent}`);
    if (c.posted_at !== postedAt) out.push(`${at}: posted_at ${c.posted_at}, want ${postedAt}`);
  });
  const chrome = new Set([...COMMON_CHROME, ...want.chrome].map(norm));
  got.forEach((c, i) => {
    const hit = [c.author, ...c.body.split("\n")].map(norm).find((l) => chrome.has(l));
    if (hit !== undefined) out.push(`#${i + 1}: chrome "${hit}" taken as comment text or author`);
  });
  return out;
}
