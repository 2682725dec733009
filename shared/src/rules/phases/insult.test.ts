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
  // Scorn without "what a": "<insult noun> of a <person>", "a poor excuse for a <person>".
  ["Total muppet of a manager, sack him.", "insult noun of a person"],
  ["That donkey of a striker missed again.", "insult noun of a person, mid-sentence"],
  ["Sorry excuse for a human being.", "a poor excuse for a person"],
  ["The club hired a pathetic excuse for a coach.", "a poor excuse for a person, described"],
  // Mockery of the reader without an insult noun.
  ["Imagine being this clueless about buses.", "imagine being this …"],
  ["imagine being such a muppet in public lol", "imagine being such a …"],
  ["You argue like a toddler who lost his dummy.", "likened to a small child"],
  ["Your posts read like a five year old wrote them.", "the reader's writing likened to a child's"],
  ["Did a chimp write this?", "mocks the writer"],
  ["Do the gene pool a favour and log off.", "the gene pool"],
  ["Straight from the shallow end of the gene pool, this one.", "the gene pool"],
  ["Cry harder, nobody is closing your precious library.", "a stock taunt"],
  ["ok boomer, the nineties called", "a stock taunt"],
  // Superlatives said to the reader; linking verbs of likeness; a name opening the sentence.
  ["You're easily the dumbest poster in this thread.", "a superlative said to the reader"],
  ["Councillor Reeve sounds like a pompous old bag.", "sounds like, a named person"],
  ["Hughes's a clown, always has been.", "a name with 's opening the sentence"],
  ["look at this clown trying to defend the fare rise", "someone pointed out, a participle after the noun"],
  ["Your reporter has the reading comprehension of a brick.", "a quality likened to a thing"],
  ["That chairman couldn't organise a shopping list.", "failing at the simplest thing"],
  ["Sh1tbag landlord kept the deposit again.", "name-calling, leet"],
  ["You lot are easily the most ignorant bunch on this forum.", "a superlative of character said of people"],
  ["Our left back is the laziest player I've ever watched.", "a superlative of character, a player"],
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
  // Near misses of the new frames: things, praise, the writer, negation, quotation, literal children.
  ["The bypass is a poor excuse for a transport policy.", "a poor excuse for a thing"],
  ["What a gem of a manager, ten years and never a complaint.", "praise noun of a person"],
  ["I'm a clown of a cook, burnt the toast again.", "said of the writer"],
  ["Imagine being this lucky with the weather on a bank holiday.", "imagine being, no insult"],
  ["Imagine being a bus driver on that route every night.", "imagine being, empathy"],
  ["My son reads like a much older child, he loves the library.", "a literal child, praise"],
  ["You don't sound like a child at all, fair point.", "negated"],
  ["Calling people 'cry harder' in every thread is tiresome.", "quoted"],
  ["The gene pool of the cattle herd is narrowing, the vet says.", "the gene pool, literally"],
  ["The storm made the kids cry harder than the fireworks did.", "cry harder, literally"],
  ["The boomer generation owns most of the houses round here.", "boomer as a generation"],
  ["Total dick move by the council to close it over Christmas.", "an act, not a person"],
  ["Anyone else's bins not collected this week? Absolute joke.", "a verdict on the situation"],
  ["Dreadful weather today. Total disgrace, the gritters never came.", "a verdict on the situation"],
  ["Here's a tool for checking your council tax band.", "a thing, sentence opening 's"],
  ["The engine sounds like a tractor when it is cold.", "a thing likened to a thing"],
  ["You're easily the kindest poster in this thread.", "praise superlative"],
  ["I couldn't make a cup of tea this morning, the power was off.", "said of the writer"],
  ["This is the most annoying update they've shipped.", "a superlative said of a thing"],
  ["She is the most generous person I know.", "praise superlative"],
  ["You're not the most ignorant person here, far from it.", "negated"],
  ["The Welsh are the most entitled people, apparently.", "a protected group: for the slur phase"],
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
