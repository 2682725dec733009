import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, wholeFlag, type CommentContext } from "../context";
import { findSpamSignals, type Signal, type SignalKind, type SpamSignals } from "./spam-signals";

/** Commercial calls to action: the shape of spam, with or without a link. */
const CALLS_TO_ACTION: [RegExp, string][] = [
  [/\b(?:make|makes|earn|earns|making|earning)\s+(?:\$|£|€)?\s?\d[\d,.]*k?\s*(?:\$|dollars|usd|pounds)?\s*(?:a|an|per|every|each|this|last)\s+(?:day|week|month|hour)\b/gi, "promises easy money"],
  [/\b(?:passive income|earn (?:fast|money fast|from home|while you sleep)|wanna earn|join my team|need money fast|money fast|same-day loans?|loans? up to|no credit checks?|approved in minutes|text \w+ to \d{4,}|bitcoin doubler|crypto doubler|send \d+(?:\.\d+)? (?:btc|eth|bitcoin)|love spells?|spell caster)\b/gi, "money, loan or miracle offer"],
  [/\blink in (?:my )?bio\b|\bcheck it out at\b|\bhere'?s how:/gi, "points readers to a link for the offer"],
  [/\b(?:h\s?m\s?u|hit me up|add me|message|dm|contact \w+(?: \w+)?) on (?:insta(?:gram)?|ig|snap(?:chat)?|telegram|whats\s?app|discord|kik|wechat|tiktok)\b|\b(?:telegram|whats\s?app|snap(?:chat)?|insta(?:gram)?|discord|kik)\s*:?\s*@[\w.]{3,}|\bmessage @[\w.]{3,}|\bfollow @[\w.]{3,} for\b/gi, "sends readers to a private handle"],
  [/\bfree (?:match )?streams?\b|\bwatch (?:the match|it|live|games?) (?:free|live|in hd)\b|\bfree (?:v-?bucks|robux|skins|coins|gems|followers)\b|\bno survey\b|\b(?:cheap|cheapest)\s+(?:rank ?boosts?|boosting|on the market)\b|\brank boost(?:s|ing)?\b|\bseo services\b|\bbacklinks\b|(?:\bcheap\s+){3}/gi, "sells streams, game currency, boosts or SEO"],
  [/\$[a-z]{2,8}\d?\b[^.!?]{0,40}\b(?:\d+x|presale|load up|buy now|next big thing|before listing|to the moon|moons?)\b|\bpresale is live\b|\blast chance\b[^.!?]{0,20}don'?t miss out/gi, "promotes a coin or token"],
  [/\b(?:work|working)\s+from\s+home\b[^.!?]{0,60}\b(?:\$|earn|income|job|click|visit|check|link)/gi, "work-from-home offer"],
  [/\b(?:whats\s?app|telegram|dm|message|text|contact|email|inbox)\s+me\b[^.!?]{0,40}(?:\+?\d{6,}|@\w+|\bcheap\b)/gi, "asks readers to contact the writer privately"],
  [/\b(?:visit|check out|click)\s+(?:my|our)\s+(?:profile|page|site|website|channel|shop|store|bio|link)\b/gi, "advertises the writer's own profile or site"],
  [/\bclick\s+(?:here|the link|this link|below)\b/gi, "click-here link"],
  [/\b(?:cheap|buy|real|instant)\s+(?:followers|likes|views|subscribers|viagra|cialis|pills|essays?)\b/gi, "sells followers, likes or pills"],
  [/\bguaranteed\s+(?:returns?|profits?|income|results|earnings)\b/gi, "promises guaranteed returns"],
  [/\bget in early\b|\bto the moon\b|\b\d+x (?:gains|returns)\b|\$[a-z]{2,6}\d?\b(?=[^.!?]{0,60}\b(?:buy|moon|moons|early|pump|gains|presale)\b)/gi, "promotes a coin or stock"],
  [/\b(?:free|win a|claim your)\s+(?:iphone|gift ?card|voucher|prize|bitcoin|crypto)\b/gi, "giveaway bait"],
  [/\b(?:promo|discount|coupon)\s+code\b|\buse (?:my )?code\b|\blimited (?:time )?offer\b|\bact now\b/gi, "promo code or limited offer"],
  [/\b(?:subscribe to|follow me on)\s+(?:my\s+)?(?:channel|youtube|instagram|tiktok|onlyfans|twitch)\b/gi, "asks for follows or subscriptions"],
];
/** Words at least one call to action needs; a comment with none of them (and no $ or @) skips the scan. */
const SPAM_WORDS = new Set(
  "make makes earn earns making earning made earned work working whatsapp telegram dm message text contact email inbox visit check click cheap cheapest buy real instant guaranteed get moon free win claim promo discount coupon use limited act subscribe follow passive wanna join need money same loan loans no approved bitcoin crypto send love spell link here hmu hit add insta instagram ig snap snapchat discord kik wechat tiktok stream streams watch rank seo backlinks presale last".split(" "),
);

/** All calls to action in one expression: most comments are ruled out by a single scan. */
const ANY_CALL = new RegExp(CALLS_TO_ACTION.map(([re]) => `(?:${re.source})`).join("|"), "i");
const LINK = /\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\b[a-z0-9-]+\.(?:com|net|org|io|biz|info|xyz|shop|store|online|site|example|ly|co|me|tv|live)\b(?:\/[^\s]*)?/gi;

/** Spam: commercial calls to action (known shapes, then signals combined), link-heavy posts. (Duplicates across authors are judged over the thread.) */
export function spamPhase(ctx: CommentContext): Flag[] {
  const flags: Flag[] = [];
  const { signals, warning, sarcasm } = findSpamSignals(ctx) ?? NO_SIGNALS;
  const channel = signals.some((s) => s.kind === "channel");
  // Warning others about a scam, or mocking a coin with no link to it, is not posting spam.
  const guarded = warning || (sarcasm && !channel);
  // Signals combined explain themselves best (evidence on the strongest signal); the known shapes
  // below catch what no combination does (a giveaway with no link, a loan by text code).
  const combined = guarded ? null : judgeSignals(signals);
  if (combined) flags.push(spanFlag(ctx, "spam", "spam.call-to-action", combined.at.start, combined.at.end, combined.why, combined.confidence));
  const candidate = !guarded && (hasAny(ctx, SPAM_WORDS) || /[$@£€]/.test(ctx.body));
  for (const [re, why] of !combined && candidate && ANY_CALL.test(ctx.plain) ? CALLS_TO_ACTION : []) {
    for (const m of ctx.plain.matchAll(re)) {
      const start = m.index ?? 0;
      flags.push(spanFlag(ctx, "spam", "spam.call-to-action", start, start + m[0].length, `Commercial call to action: ${why}.`, 0.8));
    }
  }
  const links = /https?:|www\.|\.[a-z]{2,7}\b/i.test(ctx.body) ? [...ctx.body.matchAll(LINK)] : [];
  if (links.length < 2) return flags;
  const words = ctx.tokens.filter((t) => !links.some((l) => t.start >= (l.index ?? 0) && t.end <= (l.index ?? 0) + l[0].length)).length;
  // Mostly links: a relevant source or two inside real sentences is not spam.
  if (links.length * 5 >= words) {
    flags.push(wholeFlag("spam", "spam.link-heavy", `${links.length} links, ${words} other words`, `Mostly links: ${links.length} links and ${words} other words.`, 0.7));
  }
  return flags;
}

const NO_SIGNALS: SpamSignals = { signals: [], warning: false, sarcasm: false };

/** What each signal is called in an explanation. */
const SIGNAL_NAMES: Record<SignalKind, string> = {
  earnings: "money claimed as made",
  pump: "a coin pumped",
  strongOffer: "a sales offer",
  weakOffer: "something for sale",
  price: "a price",
  privateCall: "a request to message privately",
  commercialCall: "a call to buy, click or sign up",
  channel: "a link, handle or number to reach the seller",
  home: "easy money from home",
};

/**
 * Spam is signals combined, never one alone: an offer (or money claimed as made) with a call to act
 * or a way to reach the seller, a private call with a contact, or a coin pumped twice over. The
 * evidence is the strongest signal (the order of the list below).
 */
function judgeSignals(signals: Signal[]): { at: Signal; why: string; confidence: number } | null {
  const first = (kind: SignalKind) => signals.find((s) => s.kind === kind);
  const count = (kind: SignalKind) => signals.filter((s) => s.kind === kind).length;
  const channel = first("channel");
  const call = first("privateCall") ?? first("commercialCall");
  const reach = channel ?? call;
  const pumps = new Set(signals.filter((s) => s.kind === "pump").map((s) => `${s.start}`)).size;
  // A price alone is a fact; with a sales word and a way to buy it is an offer.
  const earnings = first("earnings");
  const price = signals.find((s) => s.kind === "price" && !(earnings && s.start >= earnings.start && s.end <= earnings.end));
  const forSale = first("weakOffer") ?? price;
  const sales = count("weakOffer") + (price ? 1 : 0);
  let at: Signal | undefined;
  let others: (Signal | undefined)[] = [];
  if (pumps >= 2) [at, others] = [first("pump"), [channel, call]];
  // Money made is a pitch when it comes as easy money ("a week", "from home"), not as news ("we made £600 at the cake sale").
  else if (first("earnings") && first("home") && (reach || count("home") >= 2)) [at, others] = [first("earnings"), [first("home"), reach]];
  else if (first("strongOffer") && reach) [at, others] = [first("strongOffer"), [channel, call]];
  else if (first("privateCall") && channel) [at, others] = [first("privateCall"), [channel]];
  else if (forSale && ((channel && (call || sales >= 2)) || (first("privateCall") && sales >= 2))) [at, others] = [forSale, [channel, call]];
  if (!at) return null;
  const parts = [at, ...others.filter((s): s is Signal => s !== undefined)].map((s) => SIGNAL_NAMES[s.kind]);
  return { at, why: `Commercial call to action: ${parts.join(", with ")}.`, confidence: 0.6 + 0.1 * Math.min(parts.length, 3) };
}
