import type { Flag } from "../../schemas/flag";
import { spanFlag, wholeFlag, type CommentContext } from "../context";

/** Commercial calls to action: the shape of spam, with or without a link. */
const CALLS_TO_ACTION: [RegExp, string][] = [
  [/\b(?:make|earn|making|earning|made)\s+(?:\$|£|€)?\s?\d[\d,.]*k?\s*(?:\$|dollars|usd|pounds)?\s*(?:a|per|every|each)\s+(?:day|week|month|hour)\b/gi, "promises easy money"],
  [/\b(?:work|working)\s+from\s+home\b[^.!?]{0,60}\b(?:\$|earn|income|job|click|visit|check|link)/gi, "work-from-home offer"],
  [/\b(?:whats\s?app|telegram|dm|message|text|contact|email|inbox)\s+me\b[^.!?]{0,40}(?:\bfor\b|\+?\d{6,}|@\w+|\bcheap\b|\bnow\b)/gi, "asks readers to contact the writer privately"],
  [/\b(?:visit|check out|click)\s+(?:my|our)\s+(?:profile|page|site|website|channel|shop|store|bio|link)\b/gi, "advertises the writer's own profile or site"],
  [/\bclick\s+(?:here|the link|this link|below)\b/gi, "click-here link"],
  [/\b(?:cheap|buy|real|instant)\s+(?:followers|likes|views|subscribers|viagra|cialis|pills|essays?)\b/gi, "sells followers, likes or pills"],
  [/\bguaranteed\s+(?:returns?|profits?|income|results|earnings)\b/gi, "promises guaranteed returns"],
  [/\bget in early\b|\bto the moon\b|\b\d+x (?:gains|returns)\b|\$[a-z]{2,6}\d?\b(?=[^.!?]{0,60}\b(?:buy|moon|moons|early|pump|gains|presale)\b)/gi, "promotes a coin or stock"],
  [/\b(?:free|win a|claim your)\s+(?:iphone|gift ?card|voucher|prize|bitcoin|crypto)\b/gi, "giveaway bait"],
  [/\b(?:promo|discount|coupon)\s+code\b|\buse (?:my )?code\b|\blimited (?:time )?offer\b|\bact now\b/gi, "promo code or limited offer"],
  [/\b(?:subscribe to|follow me on)\s+(?:my\s+)?(?:channel|youtube|instagram|tiktok|onlyfans|twitch)\b/gi, "asks for follows or subscriptions"],
];
/** All calls to action in one expression: most comments are ruled out by a single scan. */
const ANY_CALL = new RegExp(CALLS_TO_ACTION.map(([re]) => `(?:${re.source})`).join("|"), "i");
const LINK = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\b[a-z0-9-]+\.(?:com|net|org|io|biz|info|xyz|shop|store|online|site)\/[^\s]*/gi;

/** Spam: commercial calls to action, link-heavy posts. (Duplicates across authors are judged over the thread.) */
export function spamPhase(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  for (const [re, why] of ANY_CALL.test(ctx.plain) ? CALLS_TO_ACTION : []) {
    for (const m of ctx.plain.matchAll(re)) {
      const start = m.index ?? 0;
      flags.push(spanFlag(ctx, "spam", "spam.call-to-action", start, start + m[0].length, `Commercial call to action: ${why}.`, 0.8));
    }
  }
  const links = /https?:|www\.|\.[a-z]{2,6}\//i.test(ctx.body) ? [...ctx.body.matchAll(LINK)] : [];
  const words = ctx.tokens.length;
  if (links.length >= 3 && links.length * 12 >= words) {
    flags.push(wholeFlag("spam", "spam.link-heavy", `${links.length} links in ${words} words`, `Mostly links: ${links.length} links in ${words} words.`, 0.7));
  }
  return flags;
}
