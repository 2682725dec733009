import { describe, expect, it } from "vitest";
import { buildCommentContext } from "../context";
import { compileList, SpamPackSchema } from "../pack/spam";
import raw from "../pack/spam.json";
import { spamPhase } from "./spam";

const flagsOf = (text: string) => spamPhase(buildCommentContext(text, "reader", null));

/** Spam in wording the tuned corpus does not use: an offer, money or a pump, with a way to act on it. */
const SPAM: [text: string, evidence: string][] = [
  ["Earning $250 a day from my sofa, no boss, no commute. Ask me how!", "Earning $250"],
  ["We pay cash for junk cars, any state, ring 0161 496 0777", "we pay cash"],
  ["Designer handbags 60% off, genuine, free UK delivery — luxebags.shop", "% off"],
  ["Cheap holiday flats in Spain, message me for dates and prices", "Cheap"],
  ["pm me for cheap football tickets, any match", "cheap"],
  ["$NOVA just launched, 200x incoming, get in before the CEX listing", "$nova"],
  ["Airdrop for early holders, claim yours at nova-airdrop.top before it closes", "Airdrop"],
  ["Guaranteed profit every single week with my forex signals, join my Telegram", "Guaranteed profit"],
  ["Make £1,000 a week stuffing envelopes from home. Email me at jobs at mailbox dot com", "Make £1,000"],
  ["Free iPhone 16 giveaway for the first 100 people, click the link in my bio", "giveaway"],
  ["Buy real TikTok followers, instant delivery, www.boostify.example", "instant delivery"],
  ["Best loan rates in town, no credit check, call 0800 555 0199 now", "no credit check"],
  ["Discount code SAVE30 gets you 30% off at gadgetzone.co.uk this week only", "Discount code"],
  ["Lose 10kg in two weeks with this one trick, see slimfast-miracle.example", "one trick"],
  ["Hit me up on Insta @cheapkicks_uk for trainers half price", "half price"],
  ["Get paid $40/hr testing apps from your phone, apply at apptesterjobs.net", "Get paid $40"],
  ["DM me for the full course, only £9.99 today", "course"],
  ["Looking for brand ambassadors! Free products + commission. Apply via our bio link", "brand ambassadors"],
  ["$SHIB army we're going parabolic, don't miss the next leg up", "$SHIB"],
  ["Visit luxwatches dot net for AAA replica watches", "replica"],
  ["I was skeptical but Mrs Lisa's trading platform changed my life, she's on Instagram @lisatrades", "trading platform"],
  ["🔥 Sale 🔥 Nexa 9 screen protectors 2 for £5, order via whatsapp 07700900123", "Sale"],
  ["Earn $$$ from home!! Ask me how 👉 link in bio", "Ask me how"],
  ["Who wants to join my crypto group? 10% daily profits guaranteed. t.me/cryptokings", "profits"],
  ["Stream every Premier League match free tonight: footy-hd.live", "free tonight"],
  ["Essay writing service, 100% original, deadline guaranteed — writeright.online", "writing service"],
  ["This is legit, not a scam: 40% off all trainers, DM @solekings_uk", "% off"],
  ["Earn money online with no experience, click https://deals.example/?ref=8919 now.", "Earn money"],
];

/** Look-alikes that must stay clean: prices in the topic, relevant links, community groups, sarcasm, warnings. */
const CLEAN: string[] = [
  "Petrol is £1.55 a litre here now, no wonder nobody drives into town.",
  "The club's statement is on their site: unitedfc.example/news/statement",
  "There's a WhatsApp group for the allotment holders, ask Jean at the gate if you want adding.",
  "Yeah right, $ZORK to the moon, just like every other coin my cousin bought.",
  "Scam alert: people are getting texts saying 'claim your free parcel, call 0800 000 0000'. Don't.",
  "If anyone promises you guaranteed returns, it's a scam. My dad lost thousands.",
  "Half price at the bakery's closing sale and the queue went round the block.",
  "I earned £9 an hour as a TA, which is exactly why nobody wants the job.",
  "Text me when you get home safe, the roads are flooded near the bridge.",
  "Message me if you want to join the litter pick on Sunday, we meet at 10.",
  "Tickets are £35 for adults, free for kids, details on the club website.",
  "The ranked rewards are cheap cosmetics nobody asked for.",
  "My phone number changed, the old one was 07700 900 001 if anyone still has it saved. Sorry for the ramble.",
  "Sign up for the council's flood alerts at gov.example/flood-alerts, it texted me at 3am.",
  "Bitcoin at 100k and still no one can tell me what it is for.",
  "Follow @HarwickBuses for the updated timetable, they post diversions there.",
  "The free trial ended and they charged me £12.99, read the small print.",
  "Council tax bills: see harwick.gov.example/counciltax, the 5% rise starts in April",
  "Free parking at the retail park was the only reason people went, check parking.example if you don't believe me",
  "Anyone else get the 'your parcel is held, pay £1.99 at royalmail-redelivery.info' text? Obviously fake",
  "Tickets were £35 and I got mine from the club shop, not some tout on Twitter @ticketking",
  "I paid £40 for a taxi because the 42 didn't turn up. Thanks, council.",
  "The TAs get paid £11 an hour and they're the first to go?",
  "Message me if you have a spare £5 for the food bank tin, I'll collect it Saturday",
  "We made £600 at the cake sale for the TAs! Thank you all. Photos on the PTA page: pta.example",
  "Where can I buy a Nexa 9 case? The ones on amazon.example are all cheap rubbish.",
  "The replacement buses look cheap and nasty, photos here: harwickbus.example/photos",
  "Our WhatsApp group for Aske Lane residents has been brilliant, message me your number if you live on the lane",
  "Honestly the new skins are just cheap cash grabs, see the reddit thread r/patch",
];

describe("spamPhase", () => {
  it.each(SPAM)("flags %j as spam on the strongest signal", (text, evidence) => {
    const flags = flagsOf(text);
    expect(flags.map((f) => f.category)).toContain("spam");
    expect(flags.map((f) => f.evidence.toLowerCase())).toContain(evidence.toLowerCase());
  });

  it.each(CLEAN)("leaves %j clean", (text) => {
    expect(flagsOf(text)).toEqual([]);
  });

  it("gives a flag an explanation that names the signals combined", () => {
    const [flag] = flagsOf("Designer handbags 60% off, genuine, free UK delivery — luxebags.shop");
    expect(flag?.explanation).toMatch(/sales offer.*link, handle or number/);
  });
});

describe("spam pack", () => {
  it("is valid", () => {
    expect(SpamPackSchema.safeParse(raw).success).toBe(true);
  });

  it("rejects an uppercase phrase, naming the list", () => {
    const result = SpamPackSchema.safeParse({ ...raw, strongOffers: ["Cheap"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe("strongOffers");
  });

  it("gates a phrase on its least common word and matches whole words only", () => {
    const list = compileList(["no credit check", "% off"]);
    expect([...list.gate].sort()).toEqual(["credit", "off"]);
    expect("a cheap no credit check loan".match(list.re)).toEqual(["no credit check"]);
    expect("the offer".match(list.re)).toBeNull();
  });
});
