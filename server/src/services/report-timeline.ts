import type { ReportSummary, ReportTimelineRow } from "@sift/shared";
import type { TimelineDayRow } from "../db/report-repo";

type Bucket = ReportSummary["timeline"]["bucket"];

const DAY_MS = 86_400_000;
/** Longest span still drawn per day / per week; beyond it a chart would have hundreds of bars. */
const MAX_DAYS = 62;
const MAX_WEEKS_SPAN_DAYS = 7 * 104;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day of the bucket holding `day`: itself, its ISO week's Monday, or the 1st of its month. */
export function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === "day") return day;
  if (bucket === "month") return `${day.slice(0, 7)}-01`;
  const ms = dayMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return toDay(ms - weekday * DAY_MS);
}

function nextStart(start: string, bucket: Bucket): string {
  if (bucket === "day") return toDay(dayMs(start) + DAY_MS);
  if (bucket === "week") return toDay(dayMs(start) + 7 * DAY_MS);
  const d = new Date(dayMs(start));
  return toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Picks the bucket width from the span between the first and the last day. */
export function pickBucket(first: string, last: string): Bucket {
  const span = (dayMs(last) - dayMs(first)) / DAY_MS;
  if (span <= MAX_DAYS) return "day";
  return span <= MAX_WEEKS_SPAN_DAYS ? "week" : "month";
}

/**
 * Per-day counts gathered into days, weeks or months, with empty buckets filled in so a chart's
 * x axis is even. Sums are kept: every comment and removal lands in exactly one bucket.
 */
export function bucketTimeline(days: readonly TimelineDayRow[]): ReportSummary["timeline"] {
  const valid = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day) && !Number.isNaN(dayMs(d.day)));
  if (valid.length === 0) return { bucket: "day", rows: [] };
  const sorted = [...valid].sort((a, b) => a.day.localeCompare(b.day));
  const bucket = pickBucket(sorted[0]!.day, sorted[sorted.length - 1]!.day);
  const rows = new Map<string, ReportTimelineRow>();
  const last = bucketStart(sorted[sorted.length - 1]!.day, bucket);
  for (let start = bucketStart(sorted[0]!.day, bucket); start <= last; start = nextStart(start, bucket)) {
    rows.set(start, { start, comments: 0, flagged: 0, approved: 0, removed: 0 });
  }
  for (const d of sorted) {
    const row = rows.get(bucketStart(d.day, bucket))!;
    row.comments += d.comments;
    row.flagged += d.flagged;
    row.approved += d.approved;
    row.removed += d.removed;
  }
  return { bucket, rows: [...rows.values()] };
}
