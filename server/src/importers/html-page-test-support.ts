/**
 * Shared harness for the html-page fixture tables: reads a fixture as an
 * upload would arrive (bytes through decodeBytes), parses it, and lists every
 * way the result differs from the expectation, so one failing page shows all
 * of its problems at once.
 */
import { readFileSync } from "node:fs";
import { ThreadImportSchema, type ThreadImport } from "@sift/shared";
import { parseFileBytes } from "./registry";

/** One expected comment: author, exact body, parent's 1-based position, absolute time, status. */
export type HtmlComment = [author: string, body: string, parent: number | null, postedAt: string | null, status?: "pending" | "removed" | "approved"];

/** What a fixture page must parse to. */
export interface HtmlCase {
  fixture: string;
  title: string;
  url: string | null;
  bodyStart: string;
  bodyEnd: string;
  sourceNote: string | null;
  declared: number | null;
  comments: HtmlComment[];
  notes?: string[];
}

/**
 * Page chrome every fixture carries somewhere (buttons, counters, menus,
 * banners, scripts, form labels): none of it may appear in any comment or
 * the article.
 */
export const CHROME = [
  "Reply", "Like", "Share", "Tweet", "Load more", "Load 10 more", "View all comments", "View 2 more replies", "Subscribe", "Login",
  "Post Comment", "Leave a Reply", "Add a comment", "Write your comment", "Join the discussion", "Sort by", "Most relevant", "Oldest",
  "Newest", "Most Voted", "Inline Feedbacks", "Awaiting for approval", "awaiting moderation", "Pending approval", "Last edited",
  "Edited", "(edited)", "Powered by", "Facebook Comments Plugin", "Privacy", "Do Not Sell", "Advertisement", "We use cookies",
  "Accept", "Skip to content", "Menu", "Most read", "Share this", "Related", "Harbour car park sale", "Posted in", "Tagged",
  "All rights reserved", "gtag", "adsbygoogle", "dataLayer", "display:", "says:", "0 points", "1 point", "2 points", "3 points", "4 points", "5 points", "7 points", "Responses", "Upvote", "Downvote",
  "Mod", "Author", "Top fan", "This comment was deleted", "[deleted]", "Comment anonymously", "Markdown", "Pingback", "What do you think",
  "Sign in", "Show more", "▲", "Staff",
];

/** Parses a fixture's bytes through the registry (detection included) and returns its one thread, schema-checked. */
export function parseHtmlFixture(name: string): { format: string | undefined; thread: ThreadImport } {
  const result = parseFileBytes(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)), { fileName: name });
  if (!result.ok) throw new Error(`${name}: expected ok, got ${JSON.stringify(result.issues)}`);
  if (result.threads.length !== 1) throw new Error(`${name}: expected one thread, got ${result.threads.length}`);
  return { format: result.format, thread: ThreadImportSchema.parse(result.threads[0]) };
}

/** A chrome string inside a text, matched on word edges ("Like" is not in "likely"). */
function holdsChrome(text: string, chrome: string): boolean {
  const escaped = chrome.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\p{L}])${escaped}(?:$|[^\\p{L}])`, "u").test(text);
}

/** Every difference between the parsed thread and the expectation; empty when they agree. */
export function diffHtmlPage(thread: ThreadImport, want: HtmlCase, allowed: string[] = []): string[] {
  const out: string[] = [];
  const body = thread.article.body;
  if (thread.title !== want.title) out.push(`title: got "${thread.title}"`);
  if (thread.article.title !== want.title) out.push(`article title: got "${thread.article.title}"`);
  if (thread.url !== want.url) out.push(`url: got ${JSON.stringify(thread.url)}`);
  if (!body.startsWith(want.bodyStart)) out.push(`article starts: got "${body.slice(0, 60)}"`);
  if (!body.endsWith(want.bodyEnd)) out.push(`article ends: got "${body.slice(-60)}"`);
  if (thread.source_note !== want.sourceNote) out.push(`source note: got ${JSON.stringify(thread.source_note)}`);
  if (thread.declared_comment_count !== want.declared) out.push(`declared: got ${thread.declared_comment_count}`);
  if (want.notes && JSON.stringify(thread.notes) !== JSON.stringify(want.notes)) out.push(`notes: got ${JSON.stringify(thread.notes)}`);
  const got = thread.comments;
  if (got.length !== want.comments.length) out.push(`comment count ${want.comments.length}: got ${got.length} (${got.map((c) => c.author).join(", ")})`);
  want.comments.forEach(([author, text, parent, postedAt, status = "pending"], i) => {
    const c = got[i];
    const at = `#${i + 1} ${author}`;
    if (!c) return;
    if (c.author !== author) out.push(`${at}: author "${c.author}"`);
    if (c.body !== text) out.push(`${at}: body ${JSON.stringify(c.body)}`);
    const gotParent = c.parent_external_id === null ? null : got.findIndex((p) => p.external_id === c.parent_external_id) + 1;
    if (gotParent !== parent) out.push(`${at}: parent ${gotParent}, want ${parent}`);
    if (c.posted_at !== postedAt) out.push(`${at}: posted_at ${c.posted_at}, want ${postedAt}`);
    if (c.initial_status !== status) out.push(`${at}: status ${c.initial_status}, want ${status}`);
  });
  const texts = [body, thread.title, ...got.flatMap((c) => [c.author, c.body])];
  for (const chrome of CHROME.filter((c) => !allowed.includes(c))) {
    const hit = texts.find((t) => holdsChrome(t, chrome));
    if (hit !== undefined) out.push(`chrome "${chrome}" in "${hit.slice(0, 60)}"`);
  }
  return out;
}
