import type { CommentImport, ThreadImport } from "@sift/shared";

/** A comment as a parser would yield it; override what the test is about. */
export function makeComment(externalId: string, overrides: Partial<CommentImport> = {}): CommentImport {
  return {
    external_id: externalId,
    parent_external_id: null,
    author: `author ${externalId}`,
    posted_at: null,
    body: `Comment ${externalId} about the cycle lane.`,
    initial_status: "pending",
    ...overrides,
  };
}

/** A thread as a parser would yield it. */
export function makeThread(overrides: Partial<ThreadImport> = {}): ThreadImport {
  return {
    external_id: null,
    format: "text-page",
    title: "Council backs Elm Street cycle lane",
    url: null,
    source_note: "Originally appeared at the Riverton Gazette",
    article: { title: "Council backs Elm Street cycle lane", body: "First paragraph.\n\nSecond paragraph." },
    declared_comment_count: 3,
    comments: [makeComment("a"), makeComment("b", { parent_external_id: "a" }), makeComment("c")],
    notes: [],
    ...overrides,
  };
}
