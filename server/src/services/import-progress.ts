/**
 * How an import reports how far it got, so the CLI can draw a progress bar (issue 8) while the
 * services stay free of terminals. Phases run in order; counts are comments unless a phase says bytes.
 */
export interface ImportProgress {
  /**
   * A phase begins: `read` (a file streamed into the import spool, counted in bytes), `rules`
   * (evaluating, before the write lock), `parse` (threads built and checked, their rules left for
   * a worker during the store) or `store` (inside the transaction).
   */
  phase(name: "read" | "rules" | "parse" | "store", total: number, unit?: "comments" | "bytes"): void;
  /** `done` more comments (or bytes) of the current phase are done. */
  advance(done: number): void;
}

/** Reports nothing: the default, and what the CLI uses with --json or without a terminal. */
export const SILENT_PROGRESS: ImportProgress = { phase: () => {}, advance: () => {} };

/** How many stored comments between two progress reports: often enough for a bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 2_000;
