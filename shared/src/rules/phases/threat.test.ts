import { describe, expect, it } from "vitest";
import { buildCommentContext } from "../context";
import { compileThreatPack, inflect, THREAT_PACK } from "../pack/threat";
import raw from "../pack/threat.json";
import { threatPhase } from "./threat";

const flagsOf = (text: string) => threatPhase(buildCommentContext(text, "reader", null));

/** Threats, with the rule each must get: harm + human target + the writer's modality, in wording the tuned corpus does not use. */
const THREATS: [text: string, rule: string][] = [
  ["I will end you if you ever come near my sister.", "threat.intent"],
  ["Gonna find that cyclist and smash his teeth in", "threat.intent"],
  ["Next time I see the steward I'm going to deck him.", "threat.intent"],
  ["we're going to burn your shop to the ground", "threat.intent"],
  ["I'll put my fist through your face.", "threat.intent"],
  ["Keep it up and I will bottle you outside.", "threat.intent"],
  ["I'll be waiting at the gate with a machete.", "threat.intent"],
  ["Someone needs to stab that grass.", "threat.call"],
  ["Line the traitors up and shoot them.", "threat.call"],
  ["Lynch the lot of them, then burn the bodies.", "threat.call"],
  ["They should all be hanged from the pier.", "threat.call"],
  ["Can somebody run the organiser over please", "threat.call"],
  ["let's string him up", "threat.call"],
  ["Why doesn't someone just shoot him", "threat.call"],
  ["I hope someone kneecaps him.", "threat.wish"],
  ["Hope his whole family drowns.", "threat.wish"],
  ["May the planners choke on their own lies and die.", "threat.wish"],
  ["I want every one of them dead.", "threat.wish"],
  ["That landlord deserves to be beaten senseless.", "threat.wish"],
  ["She needs a bullet, honestly.", "threat.wish"],
  ["Would love to see the chairman hanged.", "threat.wish"],
  ["Whoever stabbed the paedo deserves a medal.", "threat.endorsement"],
  ['My uncle says "shoot them all on sight" and he is right.', "threat.endorsement"],
  ["Drink bleach.", "threat.self_harm"],
  ["go neck yourself", "threat.self_harm"],
  ["Nobody would miss you if you jumped off a bridge.", "threat.self_harm"],
  ["We know where you live.", "threat.intimidation"],
  ["Your days are numbered, mate.", "threat.intimidation"],
  ["Keep talking and you'll get hurt.", "threat.intimidation"],
  ["I'll k1ll you", "threat.intent"],
  ["someone should s.t.a.b him", "threat.call"],
  ["I'm gonna muuurder you", "threat.intent"],
  ["He should hang for what he did", "threat.call"],
  ["I swear I'll stab the next one who says that", "threat.intent"],
  ["Hope your kids get run over", "threat.wish"],
  ["Burn their houses down", "threat.call"],
  ["Time someone put that ref in hospital", "threat.call"],
  ["I'm going to shoot up the school", "threat.intent"],
  ["Someone needs to teach her a lesson with a baseball bat", "threat.call"],
  ["I'd love to get that councillor alone in a room for five minutes with a hammer", "threat.wish"],
  ["Someone ought to torch his restaurant while he's in it", "threat.call"],
  ["All these cyclists need running over", "threat.call"],
  ["She wants shooting", "threat.wish"],
  ["If the ref gives that penalty again I'll knock him out", "threat.intent"],
  ["You better hope I never find out where you live", "threat.intimidation"],
  ["The only good landlord is a dead landlord", "threat.intimidation"],
  ["Time to start hanging traitors", "threat.call"],
  ["Do us all a favour and top yourself", "threat.self_harm"],
  ["Go play in traffic", "threat.self_harm"],
  ["One of these nights you won't make it home", "threat.intimidation"],
  ["I'm outside your house right now", "threat.intimidation"],
  ["Whoever threw that brick should have aimed for his head.", "threat.endorsement"],
  // Harm beyond the pack's harm verbs: injury wished, arson with people inside, vehicles, poison, dogs, euphemisms, menace.
  ["I hope the keeper's cruciate goes again before the final.", "threat.wish"],
  ["Hoping your heart packs in on the way home.", "threat.wish"],
  ["Hope you end up in a wheelchair, you deserve it.", "threat.wish"],
  ["Burn the place down with the manager still inside.", "threat.intimidation"],
  ["Put a match to his van while he's asleep in it.", "threat.call"],
  ["Somebody should chuck petrol over his car.", "threat.call"],
  ["Plough straight through the lot of them.", "threat.call"],
  ["Somebody drive a van into that rally.", "threat.call"],
  ["Set the dogs on them if they come back.", "threat.call"],
  ["Feed that grass to the pigs.", "threat.call"],
  ["Someone lace his drink with something strong and be done.", "threat.call"],
  ["That councillor needs to be disappeared.", "threat.intimidation"],
  ["Disappear him and nobody will ask.", "threat.intimidation"],
  ["Pray you never run into me outside the ground.", "threat.intimidation"],
  ["Keep talking and find out what happens.", "threat.intimidation"],
  ["Say that to my face, big man.", "threat.intimidation"],
  ["Let's see how brave you are with a brick through your window.", "threat.call"],
  ["Someone's getting their fingers broken over this.", "threat.intimidation"],
  ["I'll rip his head off if he says that again.", "threat.intent"],
  ["Would love to watch someone slap him.", "threat.wish"],
  ["I hope his brakes fail on the motorway.", "threat.wish"],
  ["Tar and feather the lot of them.", "threat.call"],
  ["Someone should push him down the stairs.", "threat.call"],
  ["I'd put that ref through a wall.", "threat.intent"],
  ["The old general once wrote that the only cure for strikers is to shoot them. I admire the general.", "threat.endorsement"],
  ["My grandad always said the best answer to poachers was to hang them from the nearest tree. He had the right idea.", "threat.endorsement"],
  // Intimidation by knowing a person's car, address or children.
  ["Lovely motor, councillor. I know where he parks it too.", "threat.intimidation"],
  ["Funny, I know your number plate now. Drive safe.", "threat.intimidation"],
  ["Found your address on the electoral roll, see you soon.", "threat.intimidation"],
  ["We've seen your kids at the swings, Mr Hale.", "threat.intimidation"],
  ["You had better check under your car before the vote.", "threat.intimidation"],
  // A disaster wished on a place with people in it.
  ["Hope the town hall burns down with every councillor inside.", "threat.wish"],
  ["Fingers crossed the team coach crashes with the players on board.", "threat.wish"],
  // Past violence endorsed; a role noun that starts with a body-part word.
  ["Whoever stabbed that steward did the world a favour.", "threat.endorsement"],
  ["Someone should put a bullet in the head coach.", "threat.call"],
  // The writer's harm in the present progressive; self-harm urged through "if I were you" and the motorway.
  ["Say that again and I'm smashing your teeth in.", "threat.intent"],
  ["I am breaking his legs when I see him.", "threat.intent"],
  ["If I were you I'd honestly just top myself.", "threat.self_harm"],
  ["Go and play on the motorway, nobody will miss you.", "threat.self_harm"],
  ["Here's hoping the mayor wraps his car round a lamp post.", "threat.wish"],
  ["I hope that cyclist comes off his bike under a bus.", "threat.wish"],
];

/** Look-alikes that must stay clean: idioms, sport and games, objects, negation, questions, news, fiction, quotes condemned. */
const CLEAN: [text: string, why: string][] = [
  ["Anyone who assaults a bus driver should lose their licence for life.", "relative clause: what offenders do, and a sanction"],
  ["Teachers who hit pupils used to keep their jobs, which is shocking.", "relative clause about a past practice"],
  ["I'd kill for a coffee.", "idiom: kill for"],
  ["Shoot me an email with the figures.", "idiom: ditransitive shoot"],
  ["This deadline is killing me.", "the writer as target"],
  ["Break a leg tonight!", "idiom: no owner of the leg"],
  ["In the film the villain says he will shoot them all. I love that film.", "fiction: liking the film endorses no harm"],
  ["The mayor said we should cut the queue at the tip. I like that idea.", "endorsing a harmless quote"],
  ["That band slays.", "idiom"],
  ["The commute is murder.", "no modality"],
  ["I'll cut you a piece of cake.", "ditransitive cut"],
  ["I'll beat you to the car park.", "race"],
  ["I'm going to kill it at the interview.", "kill it"],
  ["We'll murder them on Saturday, 3-0.", "sport"],
  ["Beat Rovers and we go top.", "sport with a team name"],
  ["I'm going to kill the boss on the last level.", "video game"],
  ["Kill the lights when you leave.", "object"],
  ["I'm going to burn the old fence.", "object"],
  ["Someone should smash that ugly fountain.", "object"],
  ["I would never hurt him.", "negated intent"],
  ["Nobody should be attacked for their job.", "negated call"],
  ["I don't want anyone dead over a car park.", "negated wish"],
  ["Should we shoot the video at the park?", "question, object"],
  ["What would you do if someone punched your kid?", "hypothetical question"],
  ["If someone hit him he'd go to the police.", "hypothetical"],
  ["Three men were stabbed on the high street last night, police said.", "news"],
  ["In the film the hero shoots the villain.", "fiction"],
  ['He wrote "hang them all" and was rightly banned.', "quoted and condemned"],
  ['Telling people to "kill yourself" is vile.', "quoted self-harm urging condemned"],
  ["The army shells the villages every night, the UN said.", "reported state violence"],
  ["I could kick myself for missing it.", "self-deprecation"],
  ["My phone is dead again.", "dead: not a person"],
  ["He is dead tired after the shift.", "dead as an intensifier"],
  ["Murder on the dancefloor was on at the party.", "song"],
  ["Take a stab at the quiz.", "idiom"],
  ["Hang in there, it gets better.", "hang in there"],
  ["Die Hard is the best Christmas film.", "title"],
  ["I'll hit you up later.", "idiom: hit up"],
  ["He hit the ball over the stand.", "object, no modality"],
  ["Honestly I could murder a pint", "idiom"],
  ["I'd shoot myself if I had to sit through that again", "the writer as target"],
  ["They shot the film in Leeds", "filming"],
  ["The striker was hung out to dry by the defence", "idiom"],
  ["He got stabbed in the back by his own party", "political metaphor, no modality"],
  ["I'll kill two birds with one stone and shop on the way", "idiom"],
  ["This heat will kill off the slugs", "pests"],
  ["I'm dead, this is hilarious", "laughing"],
  ["Don't shoot the messenger", "idiom"],
  ["I'd die for a holiday", "idiom"],
  ["Hang on, I thought the meeting was Tuesday", "hang on"],
  ["I'd cheerfully strangle whoever designed this form", "hyperbole about a form's designer"],
  ["My grandad was shot down over France in 1943", "history"],
  ["The new manager will shoot the club up the table", "sport"],
  ["We were attacked by wasps at the picnic", "animals"],
  ["He bombed on stage last night", "idiom"],
  ["Our cat murdered three mice this week", "animals"],
  ["Can you cut the grass on Saturday?", "object"],
  ["They're going to hammer us on Saturday at home", "sport"],
  ["That dress is to die for", "idiom"],
  ["Kill your darlings, as editors say", "idiom"],
  ["The batteries died halfway through", "devices"],
  ["I hope the council dies a slow political death", "an institution's political end"],
  ["I hope the plan dies in committee", "a plan"],
  ["I wish the traffic would die down", "traffic"],
  ["If you end up in the river by the weir, swim diagonally", "safety advice"],
  ["Keep going, you'll see what happens when the lights change", "directions"],
  ["Watch out for ice on the bridge tonight", "warning"],
  ["This will hit the drivers hardest. Fair play to the council for asking though.", "a cut that will hit people is no harm done, and praise nearby does not make it one"],
  ["Take her out for dinner, she's earned it.", "take out: a meal"],
  ["Put them in the ground floor rooms, they can't do stairs.", "the ground floor"],
  ["I hope my back holds out till the weekend.", "the writer's own body"],
  ["Hope his knee heals before the final.", "a kind wish about an injury"],
  ["I hope his heart goes out to the families.", "idiom: heart goes out"],
  ["Plough through the paperwork and we'll be done by five.", "plough through a thing"],
  ["Drive into town and park by the station.", "drive into a place"],
  ["Pour the petrol into the mower, not the strimmer.", "petrol into a machine"],
  ["Earn passive income while you sleep.", "while you sleep: no harm"],
  ["Take out the sniper first, then push the objective.", "video game"],
  ["I pray you never have to go through that.", "a kind wish built on never"],
  ["Someone's going to get their fingers burnt on this.", "idiom: lose money"],
  ["My comments keep disappearing from this site.", "disappear: no one harmed"],
  ["Put the shelf through the wall with a drill.", "a thing through a wall"],
  ["We'll knock them into next week on Saturday, 4-0.", "sport"],
  ["Somebody is going to get hurt at this junction if the council doesn't act.", "a warning about a road"],
  ["RIP his poor mum.", "rip: rest in peace"],
  ["I tore my hamstring last week.", "the writer's own injury"],
  ["The ref was punched by a fan last season. Anyway, the new stand looks great and the pies are better than ever. Fair play to the club for the refit.", "praise far from the reported harm"],
  ["Cut the consultants, not the teaching assistants.", "a budget cut, not a wound"],
  ["They should cut all the middle managers first.", "a budget cut, not a wound"],
  ["The apple pie came out with the apples still inside, perfect.", "baking, not people"],
  ["I hope the bus arrives on time with everyone on board.", "no disaster wished"],
  ["I hope the barn burns down with nobody inside, it's an eyesore.", "nobody in it"],
  ["I hope the house never floods with the kids inside again.", "negated: a fear, not a wish"],
  ["I always check under my car for the cat in winter.", "the writer's own car"],
  ["I don't know where he parks, ask the office.", "negated"],
  ["I'm cutting you off, you've had enough pints.", "cut off: stopping someone"],
  ["I'm beating you at darts next week, mark my words.", "a game"],
  ["I'm killing it in the new job.", "idiom object"],
  ["If I were you I'd kill myself laughing at that headline.", "kill myself laughing"],
  ["The kids used to play on the motorway bridge before it opened.", "literal play"],
  ["I hope nobody crashes their car on the ice tonight.", "a wish that no one is hurt"],
  ["Hope he doesn't fall off his bike again, he was in plaster for weeks.", "a negated wish"],
  ["I hope my brother fixes his car before the MOT.", "no accident"],
];

describe("threat phase", () => {
  it.each(THREATS)("flags %j as %s", (text, rule) => {
    const flags = flagsOf(text);
    expect(flags.map((f) => f.rule)).toContain(rule);
    for (const f of flags) {
      expect(f.category).toBe("threat");
      // Evidence points into the original text.
      expect(text.slice(f.start!, f.end!)).toBe(f.evidence);
      expect(f.explanation).toMatch(/\.$/);
    }
  });

  it.each(CLEAN)("leaves %j clean (%s)", (text) => {
    expect(flagsOf(text)).toEqual([]);
  });

  it("names the modality and the target in the explanation", () => {
    const [flag] = flagsOf("I'll stab that ref.");
    expect(flag?.explanation).toContain("intent");
    expect(flag?.explanation).toContain("that ref");
  });

  it("points the evidence at the disguised words as written", () => {
    const text = "ok so I will kіll you";
    const [flag] = flagsOf(text);
    expect(flag?.evidence).toBe("I will kіll you");
  });
});

describe("threat pack", () => {
  it("is valid data", () => {
    expect(() => compileThreatPack(raw)).not.toThrow();
  });

  it("refuses a list entry in capitals", () => {
    expect(() => compileThreatPack({ ...raw, weapons: ["Knife"] })).toThrow();
  });

  it("inflects harm verbs for the first pass", () => {
    expect(inflect("stab")).toEqual(expect.arrayContaining(["stabs", "stabbed", "stabbing"]));
    expect(inflect("die")).toEqual(expect.arrayContaining(["dies", "died", "dying"]));
    expect(THREAT_PACK.triggerForms.get("shot")).toBe("shoot");
  });
});
