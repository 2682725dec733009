import { describe, expect, it } from "vitest";
import { evaluateThread } from "../index";

// Cases written for these tests, apart from the corpus: relevance to an article, with related words and the thread.
const ARTICLE = {
  title: "Heavy rain floods homes as the River Wend bursts its banks in Stowford",
  body: "Firefighters helped residents leave forty homes in Stowford on Monday after the River Wend burst its banks following two days of heavy rain. Sandbags were handed out at the leisure centre and the bridge into the town centre was closed. The Environment Agency said river levels would stay high until Thursday. Residents asked why the flood barrier promised after the last floods has still not been built.",
};

const offTopic = (text: string, parent?: string) => {
  const comments = [
    ...(parent ? [{ external_id: "p", parent_external_id: null, author: "p", body: parent }] : []),
    { external_id: "c", parent_external_id: parent ? "p" : null, author: "c", body: text },
  ];
  return (evaluateThread({ article: ARTICLE, comments }).at(-1) ?? []).filter((f) => f.category === "off_topic");
};

const OFF_TOPIC: [string, string][] = [
  ["Does anyone know a good dentist who takes new patients?", "a question to readers about something else"],
  ["Anyone else's broadband been dropping out every evening this week?", "a question to readers, another subject"],
  ["Our cat keeps bringing mice in through the flap, how do I stop her?", "pets"],
  ["Just booked flights to Spain for the summer, can't wait for the sunshine and a proper break from work.", "holiday news"],
  ["My mortgage deal ends in March and every lender is quoting twice what I pay now, so the whole family is cutting back on holidays and takeaways.", "money, long"],
  ["Off topic, but has the library reopened yet?", "marker"],
  ["OT: lost keys near the Co-op, blue fob.", "OT: marker"],
  ["Why do I have to log in every single time I want to comment?", "the site itself"],
];

const ON_TOPIC: [string, string][] = [
  ["Stay safe everyone.", "one-line reaction"],
  ["Absolutely gutted for the people on the riverside.", "short reaction"],
  ["Our cellar has a foot of water in it again.", "paraphrase: flooding without the article's words"],
  ["The drains on our road gave up within the hour, the gutters were overflowing by lunch.", "related words of the same subject"],
  ["Insurance premiums round here are going to be eye-watering after this.", "related words of the same subject"],
  ["Promised years ago and still nothing, typical.", "evaluation of the article's subject"],
  ["Thank you to the crews who were out all night.", "thanks, short"],
  ["Stowford always gets it worst.", "the article's place"],
  ["This article forgets that the council sold the flood meadows for housing in 2012.", "about the article"],
  ["Same, ours too.", "short reply inheriting its parent"],
];

describe("off-topic phase", () => {
  it.each(OFF_TOPIC)("flags %j (%s)", (text) => {
    expect(offTopic(text).length).toBeGreaterThan(0);
  });

  it.each(ON_TOPIC)("leaves %j clean (%s)", (text) => {
    expect(offTopic(text, text.startsWith("Same") ? "Water came up through the floorboards overnight." : undefined)).toEqual([]);
  });

  it("explains a relevance flag with the unrelated words and lowers confidence near the line", () => {
    const [flag] = offTopic("Does anyone know a good dentist who takes new patients?");
    expect(flag!.explanation).toMatch(/dentist/);
    expect(flag!.confidence).toBeLessThan(0.8);
  });
});
