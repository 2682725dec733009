import { hash } from "node:crypto";

/** 12 hex digits (48 bits) of SHA-256: short enough to read, collisions negligible at our scale. */
function shortHash(text: string): string {
  // crypto.hash (one call) is ~5x cheaper than createHash for short inputs; an import hashes twice per comment.
  return hash("sha256", text, "hex").slice(0, 12);
}

/** Case, Unicode form and whitespace differences between two saves of the same page must not make a new thread. */
export function normaliseTitle(title: string): string {
  return title.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** What identifies a thread across re-imports: the source's id, else its url, else its title. */
export function threadKey(thread: { external_id: string | null; url: string | null; title: string }): string {
  if (thread.external_id) return `ext:${thread.external_id}`;
  if (thread.url) return `url:${thread.url}`;
  return `title:${normaliseTitle(thread.title)}`;
}

/** Stable thread id: "t_" + hash of its key. */
export function threadIdFromKey(key: string): string {
  return `t_${shortHash(key)}`;
}

/** Stable comment id: "c_" + hash of (thread id, the comment's external id). */
export function commentIdFor(threadId: string, externalId: string): string {
  return `c_${shortHash(`${threadId}\u0000${externalId}`)}`;
}
