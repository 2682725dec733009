import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { CATEGORIES, type Category } from "../../schemas/thread";
import type { Scorecard } from "./score";

/**
 * Minimum precision and recall per category, and the most clean items the engine may flag.
 * Set from what the engine achieves minus a margin, so a regression fails CI; raise them as it improves.
 */
export const FloorsSchema = z.object({
  categories: z.record(z.enum(CATEGORIES), z.object({ precision: z.number().min(0).max(1), recall: z.number().min(0).max(1) })),
  maxCleanFlaggedRate: z.number().min(0).max(1),
});
export type Floors = z.infer<typeof FloorsSchema>;

export const FLOORS_PATH = resolve(import.meta.dirname, "floors.json");

export function loadFloors(path: string = FLOORS_PATH): Floors {
  return FloorsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** One broken floor, worded for the terminal and the test output. */
export interface FloorFailure {
  category: Category | "clean";
  metric: "precision" | "recall" | "flagged rate";
  actual: number;
  floor: number;
}

/** The floors a scorecard falls below; empty when all hold. */
export function checkFloors(card: Scorecard, floors: Floors): FloorFailure[] {
  const failures: FloorFailure[] = [];
  for (const score of card.categories) {
    if (score.category === "any_abuse") continue;
    const floor = floors.categories[score.category];
    if (!floor) continue;
    // Predicting nothing at all has no precision; the recall floor catches that case.
    if (score.precision !== null && score.precision < floor.precision) failures.push({ category: score.category, metric: "precision", actual: score.precision, floor: floor.precision });
    if (score.recall < floor.recall) failures.push({ category: score.category, metric: "recall", actual: score.recall, floor: floor.recall });
  }
  const rate = card.clean.items === 0 ? 0 : card.clean.flagged / card.clean.items;
  if (rate > floors.maxCleanFlaggedRate) failures.push({ category: "clean", metric: "flagged rate", actual: rate, floor: floors.maxCleanFlaggedRate });
  return failures;
}

export function describeFailure(f: FloorFailure): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return f.metric === "flagged rate"
    ? `clean items flagged ${pct(f.actual)}, above the ceiling of ${pct(f.floor)}`
    : `${f.category} ${f.metric} ${pct(f.actual)} is below the floor of ${pct(f.floor)}`;
}
