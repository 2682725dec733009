import { describe, expect, it } from "vitest";
import { describeRemovalReason, formatMinutes, formatPrecision, formatReportTime, reportReasonLabel, timelineLabels } from "./labels";

describe("report labels", () => {
  it.each([
    [null, "–"],
    [12.4, "12 min"],
    [89, "89 min"],
    [90, "1.5 h"],
    [47 * 60, "47.0 h"],
    [3 * 1440, "3.0 days"],
    [540 * 1440, "540 days"],
  ])("formats %s minutes as %s", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it("names reasons, including the report's own keys and free text", () => {
    expect(reportReasonLabel("hate_speech")).toBe("Hate speech");
    expect(reportReasonLabel("at_source")).toBe("Removed at the source");
    expect(reportReasonLabel("not_given")).toBe("No reason given");
    expect(describeRemovalReason("other: duplicate post")).toBe("Other: duplicate post");
    expect(describeRemovalReason("legacy words")).toBe("legacy words");
    expect(formatPrecision(null)).toBe("–");
    expect(formatPrecision(0.666)).toBe("67%");
  });

  it("shows times in UTC and leaves what it cannot read", () => {
    expect(formatReportTime("2026-11-25T10:30:00+02:00")).toBe("2026-11-25 08:30 UTC");
    expect(formatReportTime("3 hours ago")).toBe("3 hours ago");
    expect(formatReportTime(null)).toBe("");
  });

  it("labels timeline buckets with the year only when they cross one", () => {
    expect(timelineLabels(["2026-11-01", "2026-11-02"], "day")).toEqual(["11-01", "11-02"]);
    expect(timelineLabels(["2025-12-29", "2026-01-05"], "week")).toEqual(["2025-12-29", "2026-01-05"]);
    expect(timelineLabels(["2025-12-01", "2026-01-01"], "month")).toEqual(["2025-12", "2026-01"]);
  });
});
