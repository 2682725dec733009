/**
 * The small word lists the synthetic corpus is built from. Written for the benchmark: the clean
 * text is the everyday talk under local-news articles, and the abusive text is deliberately
 * mild and generic (the benchmark measures speed, not quality: the labelled corpus in
 * shared/src/rules/corpus is where quality is judged).
 */

/** An article the synthetic threads hang under, with the words its on-topic comments use. */
export interface Topic {
  title: string;
  /** Sentences the article body is assembled from. */
  article: string[];
  /** Nouns an on-topic comment talks about. */
  nouns: string[];
  /** Words used as search queries in the API benchmark. */
  place: string;
}

export const TOPICS: readonly Topic[] = [
  {
    title: "Council approves protected cycle lane on High Street",
    place: "Millbrook",
    article: [
      "The council voted on Tuesday to build a protected cycle lane along the length of High Street in Millbrook.",
      "The scheme removes forty parking spaces outside the shops and narrows the road to one lane each way.",
      "Traders say the loss of parking will cost them customers, while cycling groups say the lane is long overdue.",
      "Work is due to start in the spring and last about four months, with temporary traffic lights at the junction.",
      "A consultation last year drew more than two thousand responses, most of them in favour of safer routes for children.",
      "The council leader said the lane would connect the station, the secondary school and the new housing estate.",
    ],
    nouns: ["cycle lane", "parking", "High Street", "traffic", "shops", "council", "bikes", "junction", "consultation", "traders"],
  },
  {
    title: "Schools warn of larger classes as funding falls short",
    place: "Ashford",
    article: [
      "Head teachers across Ashford have written to parents warning that class sizes will rise next year.",
      "The county's funding formula leaves primary schools about four per cent short once pay rises are counted.",
      "Several schools plan to cut teaching assistants and after-school clubs to balance their budgets.",
      "The education committee said it had lobbied for more money but could not promise any change before September.",
      "Parents at one school have started a petition asking the county to protect support for pupils with special needs.",
      "Governors will set their budgets in May, after the final figures are published.",
    ],
    nouns: ["schools", "teachers", "budget", "pupils", "class sizes", "funding", "governors", "petition", "teaching assistants", "parents"],
  },
  {
    title: "Rovers relegated after final-day defeat",
    place: "Rovers",
    article: [
      "Rovers were relegated on Saturday after a two-one defeat at home on the last day of the season.",
      "The manager said the squad had not been good enough over forty-six games and apologised to the supporters.",
      "An early goal gave the home side hope, but two goals after the break sealed their fate.",
      "The club's owners have promised to keep the manager and to invest in the academy over the summer.",
      "Season ticket prices for next year will be frozen, the club confirmed in a statement.",
      "Several senior players are out of contract and are expected to leave.",
    ],
    nouns: ["manager", "squad", "season", "defence", "owners", "academy", "midfield", "goals", "supporters", "season tickets"],
  },
  {
    title: "Plans for 600 homes on green belt land go to appeal",
    place: "Hollins",
    article: [
      "A developer has appealed against the refusal of plans to build six hundred homes on farmland north of Hollins.",
      "The council refused the scheme in January, citing the loss of green belt and pressure on roads and the surgery.",
      "The developer says a third of the homes would be affordable and that the town needs them.",
      "Residents' groups have raised money to hire a planning barrister for the inquiry, which opens in June.",
      "The government inspector will decide after hearing from both sides and from local people.",
      "House prices in the area have risen faster than wages for a decade.",
    ],
    nouns: ["homes", "developer", "green belt", "planning", "affordable housing", "inquiry", "roads", "surgery", "rents", "farmland"],
  },
  {
    title: "Bus fares to rise by 12 per cent as routes are cut",
    place: "Eastfield",
    article: [
      "Bus fares in Eastfield will rise by twelve per cent from next month, the operator announced.",
      "Three evening routes will be withdrawn and the Sunday timetable reduced to one bus an hour.",
      "The operator blamed rising fuel and wage costs and falling passenger numbers since the pandemic.",
      "Commuters and pensioners' groups said the cuts would leave people without a way to get to work or hospital.",
      "The county council said it would look at subsidising the most used evening service.",
      "A public meeting is planned at the town hall next Thursday.",
    ],
    nouns: ["fares", "buses", "routes", "timetable", "operator", "commuters", "drivers", "evening service", "pensioners", "subsidy"],
  },
];

/** Opinion sentences for on-topic comments; {n} and {m} are the topic's nouns. */
export const ON_TOPIC_SENTENCES: readonly string[] = [
  "I think the {n} is a good idea, but the {m} needs more thought.",
  "Has anyone actually looked at the figures for the {n}?",
  "Nobody asked the people who live here what they wanted from the {n}.",
  "The {n} has been a problem for years and this at least tries to fix it.",
  "My neighbour has been going on about the {n} since last summer.",
  "I don't see how the {m} will cope with this.",
  "We were promised the {n} would be sorted before the election.",
  "Honestly the {m} is the bigger issue here, not the {n}.",
  "Fair play to whoever finally made a decision on the {n}.",
  "This will hit the {m} hardest and they had no say in it.",
  "It's the same story every time: the {n} gets talked about and nothing changes.",
  "If you look at other towns, the {n} worked well once people got used to it.",
  "The article skips over what happens to the {m} in the meantime.",
  "I'd like to know who is paying for the {n}.",
  "Read the report before commenting, the {n} is explained on page four.",
  "Grew up round here and the {m} was never this bad.",
  "The {n} is fine in principle, the problem is how it's been handled.",
  "Another consultation on the {n}? We had one last year.",
  "I support the {n}, but the timing is awful.",
  "You can't blame the {m} for being upset about this.",
  "I've lived here {y} years and the {n} has never been worse.",
  "It took {y} weeks to get an answer from anyone about the {n}.",
  "My {y} year old asked me about the {n} and I couldn't explain it.",
  "We wrote to our councillor {y} times about the {m} and heard nothing.",
];

/** Openings and endings that people add to a sentence, so no two comments read quite alike. */
export const OPENERS = ["Honestly, ", "To be fair, ", "As someone who lives near {place}, ", "Look, ", "With respect, ", "Frankly, ", "For what it's worth, ", "Let's be honest, ", "In my experience, ", "Sorry, but ", "Well, ", "Not being funny, but "];
export const CLOSERS = [" Just my two pence.", " We'll see.", " Rant over.", " Watch this space.", " Typical.", " Shame really.", " Not holding my breath.", " Anyway.", " Makes you wonder.", " Says it all."];

/** One-line reactions, mostly replies. */
export const SHORT_REPLIES: readonly string[] = [
  "Agreed.", "Well said.", "Exactly this.", "Not convinced.", "Source?", "Same here.", "This.", "Spot on.",
  "Couldn't agree more.", "Nonsense, but fair enough.", "Good point.", "Yes!", "Thanks for explaining.",
  "I doubt it.", "Says who?", "Ha, true.", "Totally.", "Have you read the article?",
];

export const AUTHOR_FIRST = ["Mary", "Dave", "Priya", "Tom", "Aisha", "Gareth", "Sian", "Kwame", "Linda", "Pete", "Chen", "Rosa", "Bill", "Fatima", "Owen", "Nina", "Raj", "Jo", "Hugh", "Beth"];
export const AUTHOR_LAST = ["K", "Jones", "Patel", "_1974", "Smith", "88", "W", "Okafor", "Brown", "Taylor", "Li", "Evans", "", "Khan", "M"];

/** Profanity; `disguise` in corpus.ts spells it in the ways people dodge filters. */
export const PROFANITY = ["shit", "fuck", "bollocks", "crap", "bastard", "bitch", "arse", "piss"];
export const PROFANE_SENTENCES = [
  "What a load of {p}.",
  "This {p} council never listens to anyone.",
  "Absolute {p} from start to finish.",
  "Who comes up with this {p}?",
  "Oh for {p} sake, not again.",
];

export const INSULTS = ["idiot", "moron", "clown", "imbecile", "halfwit", "muppet", "loser", "dimwit"];
export const INSULT_SENTENCES = [
  "You absolute {i}.",
  "Only an {i} would think that.",
  "Are you really this much of an {i}?",
  "Stop posting, you {i}.",
  "You're pathetic, honestly.",
];

export const THREAT_SENTENCES = [
  "Someone should hang the lot of them.",
  "I hope the councillor who voted for this gets run over.",
  "I know where you live and I'll make you pay for this.",
  "People like her need to be put down.",
  "Say that to my face and I'll smash your teeth in.",
  "He deserves a knife in the back for this.",
];

export const GROUPS = ["immigrants", "foreigners", "Muslims", "gay people", "travellers"];
export const SLUR_SENTENCES = [
  "Typical {g}, always whining about something.",
  "{G} ruin every neighbourhood they move into.",
  "Why do {g} always lie?",
  "The {g} filth are the real problem round here.",
];

export const SPAM_SENTENCES = [
  "Make $3000 a week from home! Visit {url} to find out how.",
  "WhatsApp me on +44 7700 900{d} for cheap followers and likes.",
  "Get in early on $ZORK, guaranteed returns, details at {url}",
  "Hot singles in your area, visit my profile!!! {url}",
  "Earn money online with no experience, click {url} now.",
];
export const SPAM_DOMAINS = ["quick-cash-now.biz", "bestdeals4u.top", "zork-coin.io", "follow-boost.xyz"];

export const OFF_TOPIC_SENTENCES = [
  "OT: does anyone know a good plumber in {place}?",
  "Off topic, but the login on this site keeps signing me out.",
  "Anyone watching the baking final tonight?",
  "My sourdough starter finally worked, rye flour and a warm cupboard did it.",
  "Off topic but has anyone else's comments been disappearing on this website?",
  "Lost cat near the park, grey with a white chest, answers to Biscuit.",
  "Does anyone remember the name of that chip shop that closed in the nineties?",
];
