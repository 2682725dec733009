import type { RuleHits } from "../../api";

/** Share of a rule's decided hits that moderators removed, e.g. "83%"; "—" before any decision. */
export function formatPrecision(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

/** removed / (removed + approved) of a rule's flagged comments, or null when none was decided. */
export function precisionOf({ approved, removed }: Pick<RuleHits, "approved" | "removed">): number | null {
  const decided = approved + removed;
  return decided === 0 ? null : removed / decided;
}

/** "25 Nov 2026" for a stored ISO time. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}
