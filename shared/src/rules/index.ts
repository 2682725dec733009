import type { Flag } from "../schemas/flag";

/** Version of the built-in rule pack; recorded with every flag so exports say which rules were in force. */
export const RULE_PACK_VERSION = "0.0.0";

/** What a rule may know about the thread a comment sits in. Pure data, no database. */
export interface ThreadInput {
  article: { title: string; body: string };
  comments: { external_id: string; parent_external_id: string | null; author: string; body: string }[];
}

/** Flags for every comment of a thread, in the same order as `thread.comments`. */
export function evaluateThread(thread: ThreadInput): Flag[][] {
  return thread.comments.map(() => []);
}
