import { hasAny, type CommentContext } from "../context";
import { SPAM_PACK, type CompiledList } from "../pack/spam";

/**
 * The signals a spam post is made of, found separately so that the decision (spam.ts) can ask for
 * combinations: an offer with a way to reach the seller, a private call with a contact, a coin
 * pumped. No single signal is spam: people name prices, post links and mention WhatsApp all the time.
 */
export type SignalKind = "earnings" | "pump" | "strongOffer" | "weakOffer" | "price" | "privateCall" | "commercialCall" | "channel" | "home";

export interface Signal {
  kind: SignalKind;
  start: number;
  end: number;
}

/** What was found, and whether the writer is warning about spam or mocking it rather than posting it. */
export interface SpamSignals {
  signals: Signal[];
  warning: boolean;
  sarcasm: boolean;
}

const P = SPAM_PACK;
const EARN_WORDS_LIST = ["make", "makes", "made", "making", "earn", "earns", "earned", "earning", "pull", "pulled", "pulling", "turned", "turn", "paid"];
/** Links, bare domains (new TLDs too), domains spelt out ("site dot com", "site . net"), e-mail addresses and t.me links. */
const DOMAIN = new RegExp(
  String.raw`\bhttps?:\/\/[^\s)>\]]+|\bwww\.[^\s)>\]]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:${P.tlds})\b(?:\/[^\s)>\]]*)?|\b[a-z0-9][a-z0-9-]*(?:\s*[\[(]dot[\])]\s*|\s+dot\s+|\s+\.\s+)(?:${P.tlds})\b`,
  "g",
);
/** Handles (@name, not an e-mail's @) and "link in bio". */
const HANDLE = /(?<![\w.])@[a-z0-9_][a-z0-9_.]{2,}|\blink (?:is )?in (?:my |our )?(?:bio|profile)\b|\bin (?:my|our) (?:bio|profile)\b|\b(?:bio|profile) link\b|\b(?:visit|check|see) my (?:profile|page|bio|channel)\b/g;
/** Phone numbers: nine or more digits in up to four groups, optionally international. */
const PHONE = /(?<![\d.,])(?:\+\d{1,3}[\s-]?)?\(?\d{3,5}\)?[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?(?![\d,.]\d)/g;
/** A platform named as the place to talk: "on Telegram", "my WhatsApp", "via Kik". */
const PLATFORM = new RegExp(String.raw`\b(?:on|my|via|at)\s+(?:${P.pack.platforms.join("|")})\b`, "g");
/** Money claimed as made: "I made 7k last month", "earn up to $500 daily", "turned £200 into £9,000". */
const EARNINGS = /\b(?:make|makes|made|making|earn|earns|earned|earning|pull in|pulled in|pulling in|turned|turn|get paid|getting paid|got paid)\s+(?:up to\s+|over\s+|around\s+|about\s+|an? extra\s+)?(?:[$£€]\s?\d[\d,.]*k?|\d[\d,.]*k?\s*(?:dollars|pounds|quid|usd|gbp|btc|eth)\b|\d+k\b)/g;
const CASHTAG = /(?<![\w$])\$[a-z]{2,8}\d?\b/g;
/** "100x", "50x's": the multiples coins are sold on. */
const MULTIPLE = /\b\d{2,5}x\b/g;
const QUOTES = /"[^"\n]{3,}"|“[^”\n]{3,}”|(?<![\w])'[^'\n]{3,}'(?!\w)/g;

/**
 * Every signal of the comment (those inside quotation marks are someone else's words and do not
 * count), or null when it holds nothing a flag could start from: an offer, money made, a private
 * call or a pump cue. Most comments stop there, before links and numbers are looked for.
 */
export function findSpamSignals(ctx: CommentContext): SpamSignals | null {
  const found: Signal[] = [];
  const body = ctx.body;
  const lower = ctx.lower;
  const add = (kind: SignalKind, re: RegExp, text: string) => {
    for (const m of text.matchAll(re)) found.push({ kind, start: m.index, end: m.index + m[0].length });
  };
  const addList = (kind: SignalKind, list: CompiledList) => {
    if (hasAny(ctx, list.gate)) add(kind, list.re, ctx.plain);
  };
  // One question for most comments: no anchor word and no $, £, €, = or "100x" means no signal to start from.
  if (!ANCHOR_CHARS.test(body) && !hasAny(ctx, ANCHOR_WORDS)) return null;
  if (body.includes("$")) add("pump", CASHTAG, lower);
  if (/\dx/i.test(body)) add("pump", MULTIPLE, lower);
  addList("pump", P.pumpCues);
  if (/\d/.test(body) && hasAny(ctx, EARN_WORDS)) add("earnings", EARNINGS, lower);
  addList("strongOffer", P.strongOffers);
  if (body.includes("=")) add("strongOffer", REFERRAL, lower);
  addList("weakOffer", P.weakOffers);
  if (/[$£€]\s?\d/.test(body)) add("price", PRICE, lower);
  addList("privateCall", P.privateCalls);
  if (found.length === 0) return null;
  if (/\w\.\w|https?:|\bdot\b|\s\.\s/.test(lower)) add("channel", DOMAIN, lower);
  if (body.includes("@") || hasAny(ctx, LINK_WORDS)) add("channel", HANDLE, lower);
  if (/\d{3}/.test(body)) add("channel", PHONE, lower);
  if (hasAny(ctx, P.platforms)) add("channel", PLATFORM, lower);
  addList("commercialCall", P.commercialCalls);
  addList("home", P.homeCues);
  const quoted = /["“']/.test(body) ? [...body.matchAll(QUOTES)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  const kept = quoted.length ? found.filter((s) => !quoted.some(([a, b]) => s.start >= a && s.end <= b)) : found;
  const signals = kept.filter((s) => s.kind !== "strongOffer" || !JUDGED.test(lower.slice(Math.max(0, s.start - 12), s.start)));
  const warning = hasAny(ctx, P.warningCues.gate) && warns(ctx.plain);
  const sarcasm = hasAny(ctx, P.sarcasmCues.gate) && resetAndTest(P.sarcasmCues.re, ctx.plain);
  return { signals, warning, sarcasm };
}

const ANCHOR_CHARS = /[$£€=]|\dx/i;
const ANCHOR_WORDS = new Set([...P.pumpCues.gate, ...P.strongOffers.gate, ...P.weakOffers.gate, ...P.privateCalls.gate, ...EARN_WORDS_LIST]);
const LINK_WORDS = new Set(["link", "bio", "profile", "visit", "check", "see"]);
const EARN_WORDS = new Set(EARN_WORDS_LIST);
/** An offer word said of something as a judgement ("they're all cheap rubbish", "looks cheap") is no offer. */
const JUDGED = /\b(?:is|are|was|were|look|looks|looked|feel|feels|felt|so|too|all|very|really|bit|pretty|just)\s+$/;
/** A referral or affiliate link ("?ref=8919"): someone is paid for the click. */
const REFERRAL = /[?&](?:ref|aff|affiliate|referral|promo|coupon)=[\w-]+/g;
/** A price: something for sale, weakly ("only £9.99"). */
const PRICE = /[$£€]\s?\d[\d,]*(?:\.\d\d)?\b/g;

/** A warning cue that is not denied: "100% legit, not a scam" is the spammer's own reassurance. */
function warns(plain: string): boolean {
  for (const m of plain.matchAll(P.warningCues.re)) if (!DENIED.test(plain.slice(Math.max(0, m.index - 12), m.index))) return true;
  return false;
}
const DENIED = /\b(?:not|no|never|isn't|ain't|zero)\s+(?:an?\s+)?$/;

function resetAndTest(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}
