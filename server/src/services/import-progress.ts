/**
 * How an import reports how far it got, so the CLI can draw a progress bar (issue 8) while the
 * services stay free of terminals. Phases run in order; counts are comments.
 */
export interface ImportProgress {
  /** A phase begins: `rules` (evaluating, before the write lock) or `store` (inside the transaction). */
  phase(name: "rules" | "store", totalComments: number): void;
  /** `comments` more comments of the current phase are done. */
  advance(comments: number): void;
}

/** Reports nothing: the default, and what the CLI uses with --json or without a terminal. */
export const SILENT_PROGRESS: ImportProgress = { phase: () => {}, advance: () => {} };

/** How many stored comments between two progress reports: often enough for a bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 2_000;
