import type { Db } from "../db/connection";
import { listQueueTexts } from "../db/queue-repo";
import { toRepoFilter, type QueueQuery } from "./queue-service";

/** Most comments one duplicate scan reads; a spam wave shows up well within it. */
const SCAN_LIMIT = 20_000;
/** Texts shorter than this (after normalising) are too generic to call duplicates ("+1", "lol"). */
const MIN_KEY_LENGTH = 12;

/**
 * What two comments share when they are "nearly the same text": case, accents, punctuation,
 * links, numbers and spacing are dropped, so "BUY cheap pills!!! http://a.example 50% off"
 * and "buy cheap pills http://b.example 60% off" get one key. Pure.
 */
export function nearDuplicateKey(body: string): string {
  return body
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/(?:https?:\/\/|www\.)\S+/g, " ")
    .replace(/[^\p{L}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Comments with the same or nearly the same text, across authors. */
export interface DuplicateGroup {
  key: string;
  /** In queue order. */
  ids: string[];
  authors: number;
  /** The first comment's text, to recognise the group by. */
  sample: string;
}

/** Groups of two or more near-duplicate comments among those a queue filter matches, biggest first. */
export function listDuplicateGroups(db: Db, query: Omit<QueueQuery, "limit" | "cursor">): DuplicateGroup[] {
  const rows = listQueueTexts(db, {
    ...toRepoFilter(query),
    limit: SCAN_LIMIT,
  });
  const groups = new Map<string, { ids: string[]; authors: Set<string>; sample: string }>();
  for (const row of rows) {
    const key = nearDuplicateKey(row.body);
    if (key.length < MIN_KEY_LENGTH) continue;
    const group = groups.get(key);
    if (group) {
      group.ids.push(row.id);
      group.authors.add(row.author);
    } else groups.set(key, { ids: [row.id], authors: new Set([row.author]), sample: row.body });
  }
  return [...groups]
    .filter(([, g]) => g.ids.length > 1)
    .map(([key, g]) => ({ key, ids: g.ids, authors: g.authors.size, sample: g.sample }))
    .sort((a, b) => b.ids.length - a.ids.length || a.key.localeCompare(b.key));
}
