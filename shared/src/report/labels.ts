import type { RemovalReason } from "../schemas/removal-reason";
import type { Category } from "../schemas/thread";

/** Category names as people read them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  threat: "Threat",
  slur: "Slur",
  insult: "Insult",
  profanity: "Profanity",
  spam: "Spam",
  off_topic: "Off-topic",
};

/** Removal reasons as moderators know them; the report adds two keys of its own. */
export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  offensive: "Offensive",
  abusive: "Abusive",
  spam: "Spam",
  hate_speech: "Hate speech",
  harassment: "Harassment",
  threat: "Threat",
  off_topic: "Off-topic / irrelevant",
  other: "Other",
};

const REPORT_ONLY_REASONS: Record<string, string> = {
  at_source: "Removed at the source",
  not_given: "No reason given",
};

/** A report's removal-reason key (see ReportReasonRowSchema) as a label. */
export function reportReasonLabel(key: string): string {
  return (REMOVAL_REASON_LABELS as Record<string, string>)[key] ?? REPORT_ONLY_REASONS[key] ?? key;
}

/** Minutes as a duration people read at a glance: "45 min", "3.5 h", "2.1 days". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  const days = minutes / 1440;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

/** A precision as a percentage, or a dash when nothing the rule flagged is decided yet. */
export function formatPrecision(precision: number | null): string {
  return precision === null ? "–" : `${Math.round(precision * 100)}%`;
}

/** A stored removal reason as people read it: "Hate speech", "Other: duplicate post", or older free text as it is. */
export function describeRemovalReason(reason: string | null): string {
  if (!reason) return "";
  if (reason.startsWith("other: ")) return `Other: ${reason.slice(7)}`;
  return reportReasonLabel(reason);
}

/**
 * Axis labels for a report timeline's buckets: `2026-11` per month; per day or week `11-25`, or
 * the full date when the buckets cross a year, so "06-02" never stands for two different years.
 */
export function timelineLabels(starts: readonly string[], bucket: "day" | "week" | "month"): string[] {
  if (bucket === "month") return starts.map((s) => s.slice(0, 7));
  const years = new Set(starts.map((s) => s.slice(0, 4)));
  return starts.map((s) => (years.size > 1 ? s : s.slice(5)));
}

/** A stored ISO time as a report shows it: `2026-11-25 09:30 UTC`; anything unparseable as it is. */
export function formatReportTime(iso: string | null): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
