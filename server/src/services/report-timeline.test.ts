import { describe, expect, it } from "vitest";
import { bucketStart, bucketTimeline, pickBucket } from "./report-timeline";

const day = (d: string, comments = 1, removed = 0) => ({ day: d, comments, flagged: 0, approved: 1, removed });

describe("report timeline", () => {
  it("picks days up to two months, weeks up to two years, then months", () => {
    expect(pickBucket("2026-01-01", "2026-03-04")).toBe("day");
    expect(pickBucket("2026-01-01", "2026-03-05")).toBe("week");
    expect(pickBucket("2024-01-01", "2026-01-01")).toBe("month");
  });

  it("starts weeks on Monday and months on the 1st", () => {
    expect(bucketStart("2026-11-25", "week")).toBe("2026-11-23"); // a Wednesday
    expect(bucketStart("2026-11-23", "week")).toBe("2026-11-23");
    expect(bucketStart("2026-11-29", "week")).toBe("2026-11-23"); // Sunday
    expect(bucketStart("2026-11-25", "month")).toBe("2026-11-01");
  });

  it("fills gaps and keeps every count", () => {
    const t = bucketTimeline([day("2026-01-01", 2), day("2026-06-30", 3, 1), day("2026-03-15", 1, 2)]);
    expect(t.bucket).toBe("week");
    expect(t.rows[0]!.start).toBe("2025-12-29");
    expect(t.rows.every((r, i) => i === 0 || Date.parse(r.start) - Date.parse(t.rows[i - 1]!.start) === 7 * 86_400_000)).toBe(true);
    expect(t.rows.reduce((n, r) => n + r.comments, 0)).toBe(6);
    expect(t.rows.reduce((n, r) => n + r.removed, 0)).toBe(3);
    expect(t.rows.reduce((n, r) => n + r.approved, 0)).toBe(3);
  });

  it("ignores days it cannot read and gives an empty timeline for none", () => {
    expect(bucketTimeline([])).toEqual({ bucket: "day", rows: [] });
    expect(bucketTimeline([day("garbage")])).toEqual({ bucket: "day", rows: [] });
  });
});
