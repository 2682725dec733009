import { describe, expect, it } from "vitest";
import { buildCommentContext } from "../context";
import { insultPhase } from "./insult";

const insults = (text: string) => insultPhase(buildCommentContext(text, "writer", null));

// Cases written for these tests, apart from the corpus: an insulting word counts when it is aimed at someone.
const FLAGGED: [string, string][] = [
  ["You're a right pillock.", "the reader"],
  ["Oi, numpty, read the article.", "addressed"],
  ["Shut up, you absolute melt.", "British slang, addressed"],
  ["The chairman is a total joke.", "someone described"],
  ["She's a gormless cow.", "a third person"],
  ["You pathetic little worm.", "the reader"],
  ["What a tosser.", "exclamation"],
  ["Are you really that dense?", "insulting question"],
  ["Only an idiot would believe that.", "name-calling"],
  ["Our striker is a useless lump.", "a player"],
  ["Politicians are spineless cowards.", "a group that is not protected"],
  ["I think you're an idiot.", "the reader, with a hedge"],
  ["I think that idiot should resign.", "a third person, with a hedge"],
  ["Move, slowcoach!", "addressed"],
  ["You absolute weapon, what were you thinking?", "British slang"],
  ["You're a disgrace to the profession.", "the reader"],
  ["He's a total schmuck.", "American insult"],
  ["Shut your mouth, you fat slob.", "the reader"],
  ["Honestly the guy is a complete dipstick.", "a third person"],
  ["Keep crying, libtard.", "addressed"],
  ["Nobody likes you, you sad little man.", "the reader"],
  ["The mayor's a liar and a coward.", "someone described"],
  ["Anyone who parks like that is a selfish idiot.", "whoever is meant"],
  ["The ref was a complete joke tonight.", "a referee"],
  ["You're a sad case, honestly.", "the reader"],
  ["Your husband has the social skills of a traffic cone.", "figurative: a quality likened to a thing"],
  ["The gaffer has the tactical nous of a tea towel.", "figurative, a person noun"],
  ["You've got all the personality of a beige carpet.", "figurative, the reader"],
  ["What a damp squib of a chairman.", "what a <noun> of a <person>"],
  ["He's a wet blanket of a leader.", "a <noun> of a <person> after a link"],
  ["Honestly Smith is about as sharp as a marble.", "an ironic simile"],
  ["You are about as useful as a glass hammer.", "an ironic simile, the reader"],
  ["She couldn't organise a meat raffle.", "failing at the simplest thing"],
  ["The minister couldn't tell the truth to save his life.", "a hopeless failure"],
  ["Kane has the turning circle of a cruise ship.", "a named player"],
];

const CLEAN: [string, string][] = [
  ["You're not an idiot, you just made a mistake.", "negated"],
  ["I'm a complete muppet with technology.", "self-deprecation"],
  ["My sister called me a clown for wearing that hat.", "reported"],
  ["The clowns at the circus were fantastic.", "literal"],
  ["This phone is useless and slow.", "a thing"],
  ["You like this useless app?", "the adjective is about the app"],
  ["I don't think you're stupid at all.", "negated"],
  ["The snake at the zoo was massive.", "literal"],
  ["That was a moronic decision by the board.", "a decision"],
  ["You're a genius, thanks for the fix.", "praise"],
  ["We were such fools to believe the timetable.", "self-deprecation"],
  ["You're right, that was stupid of me.", "self-deprecation after a clause"],
  ["The board is useless and the decision is a joke.", "the joke is the decision"],
  ["What a joke this timetable is.", "a thing"],
  ["Frankly the referee's decision was a disgrace.", "a decision, not a person"],
  ["You're a beast on the wing, mate.", "praise"],
  ["It's a dumb idea to open the depot at 5am.", "an idea"],
  ["Don't worry, you're no dummy.", "negated"],
  ["I'm a proper snowflake about horror films.", "self-deprecation"],
  ["The snowflakes are falling heavily outside.", "literal"],
  ["He's been a tool maker at the factory since 1990.", "a compound noun"],
  ["She's a creature of habit, same coffee every day.", "an idiom"],
  ["You're bitter because you lost the vote? Fair enough, so am I.", "a feeling, not an insult"],
  ["Sorry, I was being a muppet and posted in the wrong thread.", "self-deprecation"],
  ["You are a saint for doing the school run for everyone.", "praise"],
  ["He has the heart of a lion and the pace of a greyhound.", "a flattering comparison"],
  ["I have the memory of a goldfish these days.", "said of the writer"],
  ["What a cracker of a player he signed.", "praise noun"],
  ["This phone has the battery life of a mayfly.", "said of a thing"],
  ["He couldn't make the meeting, he had a doctor's appointment.", "an ordinary failure"],
  ["He has the voice of a choirboy, lovely.", "praise in the same sentence"],
  ["The old mill has the charm of a fairytale castle.", "a thing"],
];

describe("insult phase", () => {
  it.each(FLAGGED)("flags %j (%s)", (text) => {
    expect(insults(text).map((f) => f.category)).toContain("insult");
  });
  it.each(CLEAN)("leaves %j clean (%s)", (text) => {
    expect(insults(text)).toEqual([]);
  });
  it("names who the insult is aimed at", () => {
    const [flag] = insults("The mayor is a total bozo.");
    expect(flag).toMatchObject({ category: "insult", evidence: "bozo" });
    expect(flag!.explanation).toMatch(/name-calling/);
  });
});
