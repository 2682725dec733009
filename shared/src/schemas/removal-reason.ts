import { z } from "zod";
import type { Category } from "./thread";

/**
 * Why a moderator removed a comment, in the words moderation teams use (Coral, Disqus and
 * Reddit's removal reasons all come down to these). "other" carries the moderator's own text.
 */
export const REMOVAL_REASONS = ["offensive", "abusive", "spam", "hate_speech", "harassment", "threat", "off_topic", "other"] as const;

export const RemovalReasonSchema = z.enum(REMOVAL_REASONS);
export type RemovalReason = z.infer<typeof RemovalReasonSchema>;

/** The reason a removal defaults to, from the most severe flag's category. */
export const DEFAULT_REMOVAL_REASON: Record<Category, RemovalReason> = {
  threat: "threat",
  slur: "hate_speech",
  insult: "abusive",
  profanity: "offensive",
  spam: "spam",
  off_topic: "off_topic",
};
