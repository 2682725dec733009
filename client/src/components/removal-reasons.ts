import type { ApiFlag, Category } from "../api";
import type { RemovalReason } from "@sift/shared";
import { REMOVAL_REASON_LABELS } from "@sift/shared/report";

/**
 * The removal reasons moderators pick from, in the order they are offered. Mirrors
 * REMOVAL_REASONS in shared/src/schemas/removal-reason.ts (kept here so the bundle does not pull
 * in zod); `satisfies` fails to compile if the two lists drift.
 */
export const REMOVAL_REASON_OPTIONS = [
  { value: "offensive", label: REMOVAL_REASON_LABELS.offensive },
  { value: "abusive", label: REMOVAL_REASON_LABELS.abusive },
  { value: "spam", label: REMOVAL_REASON_LABELS.spam },
  { value: "hate_speech", label: REMOVAL_REASON_LABELS.hate_speech },
  { value: "harassment", label: REMOVAL_REASON_LABELS.harassment },
  { value: "threat", label: REMOVAL_REASON_LABELS.threat },
  { value: "off_topic", label: REMOVAL_REASON_LABELS.off_topic },
  // The picker's "Other…" opens a text field.
  { value: "other", label: `${REMOVAL_REASON_LABELS.other}…` },
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
export { describeRemovalReason as describeReason } from "@sift/shared/report";
