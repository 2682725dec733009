import { describe, expect, it } from "vitest";
import { buildCommentContext } from "../context";
import { slurPhase } from "./slur";

const slurs = (text: string) => slurPhase(buildCommentContext(text, "writer", null));

// Cases written for these tests, apart from the corpus: the roles (group + frame + negative predicate) must carry over to new wording.
const FLAGGED: [string, string][] = [
  ["Romanians are all beggars and thieves.", "crime nouns said of a nationality"],
  ["Muslims are a cancer on Europe.", "disease metaphor"],
  ["Typical Jews, greedy as ever.", "typical X + attribute"],
  ["Foreigners just come here to sponge off the NHS.", "verb pinned on a group"],
  ["The Irish are drunks, every last one.", "collective adjective + crime noun"],
  ["I can't stand Polish people, they're so rude and dirty.", "hostility as emotion"],
  ["Women are too stupid to vote.", "misogynist attribute"],
  ["Gay people are disgusting.", "homophobic attribute"],
  ["Immigrants are rapists and criminals.", "crime nouns"],
  ["These Pakistanis are vermin.", "dehumanising noun"],
  ["We should deport every Muslim.", "hostile intent at a whole group"],
  ["Blacks ruin every area they live in.", "ruin pinned on a group"],
  ["My neighbours are Nigerian. They scam everyone they meet.", "follow-up sentence referring back"],
  ["Filthy Arabs everywhere on the high street.", "attribute before the group"],
  ["Catholics can't be trusted.", "can't be trusted"],
  ["Disabled people are a burden on the rest of us.", "ableist burden"],
  ["Why are Albanians such liars?", "derogatory question"],
  ["Never trust a Gypsy.", "never trust a X"],
  ["The council keeps housing refugees even though they trash every flat.", "subordinate clause"],
  ["Bloody muzzies everywhere.", "identity slur"],
  ["Iran scum, all of them.", "country + dehumanising noun"],
  ["Women are all gold diggers.", "misogynist generalisation"],
  ["Send the migrants back.", "expulsion of a group"],
  ["Women belong at home, not in parliament.", "misogynist exclusion"],
  ["Why do Black people always commit crimes?", "derogatory question"],
  ["The Jews are behind this, as usual.", "antisemitic conspiracy"],
  ["Muslims are not human.", "dehumanising denial"],
  ["Gypsies, thieving scum the lot of them.", "dehumanising, generalised"],
  ["It's obvious that Jews run Hollywood.", "'that' before a plural is a conjunction"],
  ["These so-called refugees are economic migrants and liars.", "'so-called' sneers, it does not report"],
  ["Immigrants out!", "exclusion slogan"],
  ["The Chinese are eating dogs again, savages.", "appositive label"],
  ["I don't mind them living here as long as the Pakistanis stop grooming our girls.", "subordinate clause"],
  ["I heard you called him a 'wog'? Good, that's exactly what he is.", "a mention the writer endorses"],
  ["Go home, you chink.", "a slur aimed at the reader"],
  ["I'd call every one of them a raghead to their face.", "the writer says it: use, not report"],
  ["Cheating is in their blood, Turks, the lot of them.", "a vice made a people's nature"],
  ["Ghanaians are so violent. It's in their culture.", "essence frame in the following sentence"],
  ["You can never trust a Kurd.", "can never trust a X"],
  ["Those Eritreans should go back to the trees.", "ape imagery with no slur word"],
  ["the new signing is a n***r, obviously", "censored, stars not counted exactly"],
  ["another tr*nny on the panel", "censored, one star"],
  ["(((they))) own the lot", "triple-parenthesis echo"],
  ["The Jews control the banks, wake up.", "antisemitic control myth"],
  ["Albanians and Kosovans, every one of them a crook.", "a whole-group phrase standing for 'they are'"],
  ["Romanians moved in next door. Thieves, the lot of them.", "a verdict sentence about the group just named"],
];

const CLEAN: [string, string][] = [
  ["Romanians in my street organised a party for the whole road.", "positive"],
  ["The Irish team played brilliantly tonight.", "sport"],
  ["Not all Muslims are terrorists, obviously.", "negated"],
  ["It's racist to say Nigerians scam people.", "counter-speech"],
  ["The claim that immigrants are criminals is nonsense.", "counter-speech"],
  ["Women are underpaid compared to men in this company.", "neutral"],
  ["Gay people are welcome at our church.", "positive"],
  ["Why do Jewish people celebrate Passover?", "curious question"],
  ["I'm gay and proud of it.", "self-identification"],
  ["The Chinese government is a threat to Taiwan.", "a state, not a people"],
  ["The Israeli government's policies are cruel.", "a state's policy"],
  ["Muslims were targeted by thugs last night.", "victims, not perpetrators"],
  ["Refugees are not criminals.", "negated"],
  ["Calling Jews rats is antisemitic.", "counter-speech"],
  ["No immigrant should be treated like dirt.", "negated"],
  ["We're here, we're queer, get used to it.", "reclaimed"],
  ["The Catholic Church has a lot to answer for.", "an institution"],
  ["Fucking great result for the Welsh lads today.", "profane, not hateful"],
  ["My grandad called Poles thieves and he was wrong.", "reported and rejected"],
  ["Women are sick of being ignored by the council.", "'sick of' is not an attribute"],
  ["Immigrants are a threat to nobody, read the figures.", "predicate denied right after"],
  ["Women are a waste of talent if they're never promoted, the report says.", "not 'a waste of space'"],
  ["Black people are more likely to be stopped by police, the report says.", "reporting a statistic"],
  ["Muslims are worried about the rise in attacks.", "neutral predicate"],
  ["The Jewish community centre was vandalised; the culprits are scum.", "the scum are the vandals"],
  ["Poles come over here and work harder than anyone.", "positive"],
  ["Refugees bring skills and energy wherever they go.", "positive"],
  ["Women can't do maths? My wife is a professor of mathematics.", "a claim echoed as a question to mock it"],
  ["Immigrants out of work get no help from the council.", "'out of work'"],
  ["It's a myth that immigrants are destroying Britain.", "counter-speech"],
  ["Most Muslims I know are doctors or teachers.", "positive"],
  ["Jewish families have lived here for centuries and faced filth thrown at their windows.", "the group is the one harmed"],
  ["Gay couples were subjected to vile abuse outside the pub, and the police did nothing.", "the group is the one harmed"],
  ["Muslim shopkeepers cleaned up the filth left by the fans after the match.", "the filth is litter"],
  ["Trans kids are being bullied, and the bullies are thugs who should be expelled.", "the thugs are the bullies"],
  ["Polish workers on the site said the scaffolding was dangerous.", "a new subject after 'said'"],
  ["Disabled people are waiting months because the council is lazy.", "a new subject after 'because'"],
  ["At school I was called a 'wog' most days and the teachers laughed along.", "a slur reported in quotes"],
  ["Some drunk kept yelling raghead at the bus driver until the police came.", "a slur reported after a verb of shouting"],
  ["Using spaz as a joke word is not okay.", "named as a word"],
  ["Spaz is a slur, whatever your mates say.", "judged as a word"],
  ["My cousin got called a tranny by a bouncer and nobody stepped in.", "passive report"],
  ["Music is in their blood, every Welsh family I know sings.", "an essence frame with praise"],
  ["The squirrels went back to the trees when the dog came out.", "animal imagery said of animals"],
  ["I can't trust a single forecast this spring.", "'can't trust a' of a thing"],
  ["f*** this, the bus is late again", "censored swear word, not a slur"],
  ["Somebody sprayed 'send them back' on the mosque wall and it should be scrubbed off.", "quoted to condemn"],
  ["The Jewish community runs the food bank at the hall on Fridays.", "a plain statement about a community"],
  ["Loved the film (((spoilers))) no, not telling", "ordinary parentheses of one word"],
  ["Polish builders did our extension. Hard workers, every last one.", "praise sentence about the group"],
  ["Refugees lost everything in the flood. Victims, every one of them.", "the group as victims"],
  ["Muslim volunteers fed half the town, every one of them a hero.", "whole-group praise"],
  ["Somebody called Somalis thieves, the lot of them, and got banned for it.", "reported and condemned"],
];

describe("slur phase", () => {
  it.each(FLAGGED)("flags %j (%s)", (text) => {
    expect(slurs(text).map((f) => f.category)).toContain("slur");
  });
  it.each(CLEAN)("leaves %j clean (%s)", (text) => {
    expect(slurs(text)).toEqual([]);
  });
  it("points its evidence at the words it judged", () => {
    const text = "Honestly, Somalis are vermin.";
    for (const f of slurs(text)) expect(text.slice(f.start!, f.end!)).toBe(f.evidence);
    expect(slurs(text)[0]).toMatchObject({ rule: "slur.dehumanising", evidence: "Somalis are vermin" });
  });
});
