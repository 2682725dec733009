import type { ApiFlag, Category } from "../api";
import type { RemovalReason } from "@sift/shared";

/**
 * The removal reasons moderators pick from, in the order they are offered. Mirrors
 * REMOVAL_REASONS in shared/src/schemas/removal-reason.ts (kept here so the bundle does not pull
 * in zod); `satisfies` fails to compile if the two lists drift.
 */
export const REMOVAL_REASON_OPTIONS = [
  { value: "offensive", label: "Offensive" },
  { value: "abusive", label: "Abusive" },
  { value: "spam", label: "Spam" },
  { value: "hate_speech", label: "Hate speech" },
  { value: "harassment", label: "Harassment" },
  { value: "threat", label: "Threat" },
  { value: "off_topic", label: "Off-topic / irrelevant" },
  { value: "other", label: "Other…" },
] as const satisfies readonly { value: RemovalReason; label: string }[];
type MissingReason = Exclude<RemovalReason, (typeof REMOVAL_REASON_OPTIONS)[number]["value"]>;
const everyReasonListed: MissingReason extends never ? true : false = true;
void everyReasonListed;

const FROM_CATEGORY: Record<Category, RemovalReason> = {
  threat: "threat",
  slur: "hate_speech",
  insult: "abusive",
  profanity: "offensive",
  spam: "spam",
  off_topic: "off_topic",
};

const SEVERITY: readonly Category[] = ["threat", "slur", "insult", "profanity", "spam", "off_topic"];

/** The reason a removal starts with: from the most severe flag, else "offensive". */
export function defaultRemovalReason(flags: readonly Pick<ApiFlag, "category">[]): RemovalReason {
  const top = [...flags].sort((a, b) => SEVERITY.indexOf(a.category) - SEVERITY.indexOf(b.category))[0];
  return top ? FROM_CATEGORY[top.category] : "offensive";
}

/** What the decision log stores: the reason's code, or "other: <text>". */
export function encodeRemovalReason(reason: RemovalReason, otherText: string): string {
  return reason === "other" ? `other: ${otherText.trim()}` : reason;
}

/** A stored reason as people read it: "Hate speech", "Other: duplicate post", or the raw text of older entries. */
export function describeReason(reason: string | null): string {
  if (!reason) return "";
  if (reason.startsWith("other: ")) return `Other: ${reason.slice(7)}`;
  return REMOVAL_REASON_OPTIONS.find((o) => o.value === reason)?.label ?? reason;
}
