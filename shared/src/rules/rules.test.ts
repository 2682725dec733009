import { describe, expect, it } from "vitest";
import type { Category } from "../schemas/thread";
import { evaluateComment, evaluateThread } from "./index";
import { Vocabulary } from "./relevance";

type Case = [text: string, expected: Category[] | "clean", note?: string];

const categoriesOf = (text: string) => new Set(evaluateComment({ body: text }).map((f) => f.category));

/** Labelled cases: what must be flagged, and the look-alikes that must stay clean of that category. */
const FLAGGED: Case[] = [
  ["What the fuck is this council doing?", ["profanity"]],
  ["This plan is sh1t from start to finish.", ["profanity"], "leetspeak"],
  ["s.h.i.t decision by the board", ["profanity"], "separators"],
  ["f-u-c-k this road closure", ["profanity"], "separators"],
  ["that ref is a b!tch", ["profanity"], "leetspeak with !"],
  ["fuuuuuck, missed the bus again", ["profanity"], "repeated letters"],
  ["fcuk the lot of them", ["profanity"], "deliberate misspelling"],
  ["phuck this weather", ["profanity"], "deliberate misspelling"],
  ["what a load of bullsh*t", ["profanity"], "censored"],
  ["ѕhit service as usual", ["profanity"], "Cyrillic homoglyph"],
  ["sh\u200bit happens", ["profanity"], "zero-width character"],
  ["You are an idiot and everyone knows it.", ["insult"]],
  ["what a moron", ["insult"]],
  ["you're pathetic, honestly", ["insult"]],
  ["Read the article before posting, you loser.", ["insult"]],
  ["Wake up, creature.", ["insult"], "vocative"],
  ["Nobody asked you, dimwit.", ["insult"]],
  ["Shut up you absolute prick", ["insult", "profanity"]],
  ["Someone should hang him from the nearest tree.", ["threat"]],
  ["He deserves a knife in the back.", ["threat"]],
  ["I'll cut you if I see you at the match.", ["threat"]],
  ["I hope your house burns down with you in it.", ["threat"]],
  ["We know where your kids go to school.", ["threat"]],
  ["People like her need to be put down.", ["threat"]],
  ["Drown yourself.", ["threat"]],
  ["I'm going to kill you when I find you", ["threat"]],
  ["Let's hang the traitors.", ["threat"]],
  ["The mayor should be shot for this.", ["threat"]],
  ["A preacher once said the only answer for those people is to kill them all. He was right.", ["threat"], "endorsed quote"],
  ["She had better watch herself, I know where she lives.", ["threat"], "intimidation"],
  ["Someone should put a brick through her window.", ["threat"]],
  ["Cyclists are vermin, the lot of them.", ["insult"], "unprotected group: insult, not slur"],
  ["Does anyone else find this website unusable? I try to log in and it fails.", ["off_topic"]],
  ["Get rid of the zionist filth.", ["slur"]],
  ["Muslims are vermin, all of them.", ["slur"]],
  ["typical immigrants, always whining about something", ["slur"]],
  ["why do Jews always lie?", ["slur"]],
  ["Immigrants ruin every neighbourhood they move into.", ["slur"], "attribute"],
  ["I don't hate immigrants. They ruin every town they move into.", ["slur"], "follow-up sentence refers back"],
  ["Feeling shaky Shlomo?", ["slur"], "name used as an epithet"],
  ["Those child butchers Israelis again.", ["slur"]],
  ["no place for faggots here", ["slur"]],
  ["Make $3000 a week from home, visit my profile!", ["spam"]],
  ["WhatsApp me for cheap followers +447700900123", ["spam"]],
  ["Get in early on $ZORK before it goes to the moon", ["spam"]],
  ["Guaranteed returns of 20% monthly, click here", ["spam"]],
  ["Off topic, but does anyone know when the library reopens?", ["off_topic"]],
  ["PS, why do I have to log in every single time?", ["off_topic"]],
  ["My comment was deleted again, this site is a joke", ["off_topic"]],
];

const CLEAN: Case[] = [
  ["I grew up near Penistone and Scunthorpe.", "clean", "place names"],
  ["The cockpit of the new plane is beautiful.", "clean"],
  ["Our analyst says the assorted figures add up.", "clean"],
  ["Shiitake mushrooms with cumin are great.", "clean"],
  ["The grape harvest was poor this year.", "clean"],
  ["She teaches a bass guitar class in Sussex.", "clean"],
  ["I'm reading Emily Dickinson tonight.", "clean"],
  ["Dick Cheney was vice president.", "clean", "name, not profanity"],
  ["Cocktail hour at the Cockburn Arms.", "clean"],
  ["I'd kill for a coffee right now.", "clean", "idiom"],
  ["The commute is murder this week.", "clean", "idiom"],
  ["Shoot me an email when you're free.", "clean", "idiom"],
  ["This deadline is killing me.", "clean", "idiom"],
  ["Break a leg tonight!", "clean", "idiom"],
  ["That band slays every single time.", "clean", "idiom"],
  ["We killed it at the quiz last night.", "clean", "idiom"],
  ["Israel's continued massacres of unarmed kids disgust the world.", "clean", "criticising violence"],
  ["The army will attack the town at dawn, the report says.", "clean", "reporting"],
  ["The government's policy is to destroy the rebel strongholds.", "clean", "describing policy"],
  ["I would never hurt anyone.", "clean", "negated"],
  ["I'm a proud gay man.", "clean", "identity, positive"],
  ["Muslims in my town run the food bank.", "clean", "identity, neutral"],
  ["Muslims are my neighbours and friends.", "clean", "identity, positive"],
  ["Immigrants built this town. They run half the shops on the high street.", "clean", "follow-up, positive"],
  ["No woman deserves that.", "clean", "negated"],
  ["Calling immigrants \"vermin\" is vile.", "clean", "counter-speech"],
  ["The Jewish community centre opens on Sunday.", "clean"],
  ["This will mark them all as losers, major losers.", "clean", "plural, not aimed at a person"],
  ["I disagree strongly with your reading of the budget.", "clean", "heated but civil"],
  ["Source: https://example.org/report.pdf", "clean", "one link"],
  ["LOL", "clean"],
  ["Hahahaha, great answer!", "clean"],
  ["In the U.S.A. the rules differ.", "clean", "acronym with dots"],
];

describe("rules: labelled cases that must be flagged", () => {
  it.each(FLAGGED)("%s → %j", (text, expected) => {
    const got = categoriesOf(text);
    for (const c of expected as Category[]) expect([...got], `${text}`).toContain(c);
  });
});

describe("rules: look-alikes that must stay clean", () => {
  it.each(CLEAN)("%s stays clean", (text) => {
    expect([...categoriesOf(text)]).toEqual([]);
  });
});

describe("rules: category boundaries", () => {
  it("calls abuse of an unprotected group an insult, never a slur", () => {
    const got = categoriesOf("Cyclists are vermin.");
    expect(got.has("slur")).toBe(false);
  });
  it("calls dehumanising a protected group a slur, not just an insult", () => {
    const got = categoriesOf("Muslims are vermin.");
    expect(got.has("slur")).toBe(true);
    expect(got.has("insult")).toBe(false);
  });
});

describe("rules: other languages", () => {
  it("says so in the flag when the comment is not English", () => {
    const flags = evaluateComment({ body: "Quel idiot, vraiment, je ne comprends pas pourquoi il a dit ça hier soir." });
    expect(flags.map((f) => f.category)).toContain("insult");
    expect(flags[0]!.explanation).toMatch(/does not look like English/);
  });
  it("does not judge relevance of a comment in another language", () => {
    const flags = evaluateThread({
      article: { title: "Harbour Road cycle lane", body: "The council voted to build a protected cycle lane along Harbour Road, removing forty parking spaces, and shop owners worry about deliveries and customers who drive to the shops." },
      comments: [{ external_id: "1", parent_external_id: null, author: "a", body: "Die Stadt sollte lieber die Straßenbahn ausbauen und die Parkplätze am Hafen für die Geschäfte erhalten, das wäre vernünftiger." }],
    });
    expect(flags[0]!.map((f) => f.category)).not.toContain("off_topic");
  });
  it("keeps English with a lookalike letter English", () => {
    const flags = evaluateComment({ body: "ѕhit service as usual from the council again today" });
    expect(flags[0]!.explanation).not.toMatch(/English/);
  });
});

describe("rules: names", () => {
  it("never reads the name of someone in the conversation as an epithet", () => {
    const flags = evaluateThread({
      article: { title: "Chess club results", body: "" },
      comments: [
        { external_id: "1", parent_external_id: null, author: "Shlomo Katz", body: "Great tournament." },
        { external_id: "2", parent_external_id: "1", author: "Ann", body: "Well played Shlomo!" },
      ],
    });
    expect(flags[1]!.map((f) => f.category)).not.toContain("slur");
  });
});

describe("rules: explanations and offsets", () => {
  it("points the evidence at the original, disguised text", () => {
    const body = "Honestly, f.u.c.k this plan.";
    const [flag] = evaluateComment({ body }).filter((f) => f.category === "profanity");
    expect(flag?.evidence).toBe("f.u.c.k");
    expect(body.slice(flag!.start!, flag!.end!)).toBe("f.u.c.k");
    expect(flag?.explanation).toMatch(/separators/);
  });

  it("names the rule and gives a confidence", () => {
    const [flag] = evaluateComment({ body: "Someone should hang him." });
    expect(flag?.rule).toMatch(/^threat\./);
    expect(flag?.confidence).toBeGreaterThan(0);
  });
});

describe("rules: off-topic against the article and thread", () => {
  const article = {
    title: "City council approves new cycle lane on Harbour Road",
    body: "The city council voted on Tuesday to build a protected cycle lane along Harbour Road, removing forty parking spaces. Shop owners on the road worry about deliveries and customers who drive, while cycling groups say the lane will make the commute safer for children riding to school. Construction starts in March and the council expects the lane to open before the summer, with a review of traffic and parking after six months.",
  };
  const comment = (external_id: string, body: string, parent: string | null = null) => ({ external_id, parent_external_id: parent, author: external_id, body });

  it("flags a long comment unrelated to the article, and short follow-ups inherit their context", () => {
    const flags = evaluateThread({
      article,
      comments: [
        comment("a", "Parking on Harbour Road is already hard for shop owners, and removing forty spaces will hurt deliveries. The council should review the lane quickly."),
        comment("b", "Agreed."),
        comment("c", "My favourite recipe for banana bread uses brown sugar, walnuts and cinnamon, baked slowly in a ceramic dish for an hour until golden and fragrant."),
        comment("d", "Same here, I bake it every Sunday."),
      ],
    });
    const cats = flags.map((f) => f.map((x) => x.category));
    expect(cats[0]).not.toContain("off_topic");
    expect(cats[1]).not.toContain("off_topic");
    expect(cats[2]).toContain("off_topic");
    expect(cats[3]).toContain("off_topic");
  });

  it("lets a reply inherit the words of the comment it answers", () => {
    const flags = evaluateThread({
      article,
      comments: [
        comment("a", "The lane should continue past the marina so families reach the beach safely on bikes."),
        comment("b", "Families at the marina already complain about beach access, bikes would help them reach the beach safely and the marina shops.", "a"),
      ],
    });
    expect(flags[1]!.map((f) => f.category)).not.toContain("off_topic");
  });

  it("flags the same text posted by different authors as spam", () => {
    const text = "Visit the best casino bonuses online today and win big with free spins";
    const flags = evaluateThread({ article, comments: [comment("a", text), comment("b", text)] });
    expect(flags[0]!.map((f) => f.rule)).toContain("spam.duplicate");
  });

  it("does not call a short reply in an on-topic conversation off-topic", () => {
    const flags = evaluateThread({
      article,
      comments: [
        comment("a", "Forty parking spaces is a lot for the shops on Harbour Road to lose."),
        comment("b", "@a you clearly have never ridden a bike in your life, go back under your rock and let the grown-ups talk for once.", "a"),
      ],
    });
    expect(flags[1]!.map((f) => f.category)).not.toContain("off_topic");
  });

  it("judges relevance by shared word stems", () => {
    const v = new Vocabulary().add("Syria and Iran held talks");
    expect(v.has("syrian")).toBe(true);
    expect(v.has("iranian")).toBe(true);
    expect(v.has("banana")).toBe(false);
  });
});
