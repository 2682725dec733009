import { describe, expect, it } from "vitest";
import { formatPrecision, precisionOf } from "./format";

describe("rule precision", () => {
  it.each([
    [{ approved: 0, removed: 0 }, null, "—"],
    [{ approved: 1, removed: 3 }, 0.75, "75%"],
    [{ approved: 2, removed: 0 }, 0, "0%"],
    [{ approved: 0, removed: 5 }, 1, "100%"],
  ])("%o → %s", (hits, value, shown) => {
    expect(precisionOf(hits)).toBe(value);
    expect(formatPrecision(precisionOf(hits))).toBe(shown);
  });
});
