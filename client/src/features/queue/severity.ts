import { CATEGORY_LABELS } from "@sift/shared/report";
import type { ApiFlag, Category } from "../../api";

/**
 * Most severe first. Mirrors CATEGORIES in shared/src/schemas/thread.ts; it is
 * repeated here so the client bundle does not pull in zod for one array, and
 * the type below fails to compile if a category is added there and not here.
 */
export const SEVERITY_ORDER = ["threat", "slur", "insult", "profanity", "spam", "off_topic"] as const satisfies readonly Category[];
type MissingCategory = Exclude<Category, (typeof SEVERITY_ORDER)[number]>;
const everyCategoryListed: MissingCategory extends never ? true : false = true;
void everyCategoryListed;

export function categoryLabel(category: Category): string {
  return CATEGORY_LABELS[category] ?? category;
}

function severityRank(category: Category): number {
  const rank = SEVERITY_ORDER.indexOf(category);
  return rank === -1 ? SEVERITY_ORDER.length : rank;
}

/** Flags most severe first, the most confident first within a category. */
export function sortFlagsBySeverity(flags: readonly ApiFlag[]): ApiFlag[] {
  return [...flags].sort((a, b) => severityRank(a.category) - severityRank(b.category) || b.confidence - a.confidence);
}

/** The flag that best explains why a comment is in the queue, if any. */
export function findTopFlag(flags: readonly ApiFlag[]): ApiFlag | undefined {
  return sortFlagsBySeverity(flags)[0];
}
