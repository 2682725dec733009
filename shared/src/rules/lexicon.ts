/**
 * The built-in word lists, as data. Each entry is a base form; `forms` adds
 * inflections. Matching is on whole normalised tokens (see text.ts), so a
 * word here never matches inside another word: "Scunthorpe", "cockpit",
 * "analyst", "shiitake", "grape", "assorted" and "cumin" stay clean.
 */

export interface LexiconEntry {
  /** The word as a moderator would read it in an explanation. */
  base: string;
  /** Extra spellings and inflections that mean the same. */
  forms?: string[];
  /** Also a common name or ordinary word when capitalised next to another name ("Dick Cheney"). */
  alsoName?: boolean;
  /** 0..1 how offensive; feeds the flag's confidence. */
  weight?: number;
}

/** Common profanity (category `profanity`). */
export const PROFANITY: LexiconEntry[] = [
  { base: "fuck", forms: ["fucks", "fucked", "fucking", "fuckin", "fucker", "fuckers", "fuckery", "fuckwit", "fuckface", "fuckhead", "motherfucker", "motherfuckers", "motherfucking", "clusterfuck", "fck", "fcuk", "fcuks", "fcuking", "fcked", "fuk", "fuks", "fukin", "fuking", "phuck", "phuk", "phucking", "fuq", "fuqin", "fvck", "fvcking", "fvk", "feck", "effing", "fooking", "fucken"], weight: 0.9 },
  { base: "shit", forms: ["shits", "shitty", "shitting", "shitted", "shite", "shithead", "shitheads", "shithole", "shitholes", "shitstorm", "shitshow", "bullshit", "horseshit", "dipshit", "apeshit", "batshit", "chickenshit", "sheeit", "sht"], weight: 0.8 },
  { base: "bitch", forms: ["bitches", "bitchy", "bitching", "bitched", "biatch", "biotch", "beotch", "bish", "sonofabitch"], weight: 0.85 },
  { base: "bastard", forms: ["bastards"], weight: 0.7 },
  { base: "asshole", forms: ["assholes", "arsehole", "arseholes", "ahole", "a-hole"], weight: 0.85 },
  { base: "ass", forms: ["arse", "asses", "azz", "asshat", "assclown", "jackass", "jackasses", "dumbass", "dumbasses", "smartass", "badass", "kiss-ass"], weight: 0.5 },
  { base: "dick", forms: ["dicks", "dickhead", "dickheads", "dik", "dickwad"], alsoName: true, weight: 0.7 },
  { base: "cock", forms: ["cocksucker", "cocksuckers"], alsoName: true, weight: 0.7 },
  { base: "cunt", forms: ["cunts", "kunt", "cvnt"], weight: 1 },
  { base: "piss", forms: ["pissed", "pissing", "pisses", "pisser"], weight: 0.5 },
  { base: "twat", forms: ["twats"], weight: 0.85 },
  { base: "wanker", forms: ["wankers", "wank", "wanking", "tosser", "tossers"], weight: 0.8 },
  { base: "bollocks", forms: ["bollock"], weight: 0.5 },
  { base: "prick", forms: ["pricks"], weight: 0.6 },
  { base: "douche", forms: ["douchebag", "douchebags", "douches"], weight: 0.6 },
  { base: "goddamn", forms: ["goddamned", "goddam"], weight: 0.4 },
  { base: "damn", forms: ["dammit", "damnit", "damned"], weight: 0.3 },
  { base: "wtf", forms: ["stfu", "gtfo", "fml", "mofo"], weight: 0.5 },
  { base: "slut", forms: ["sluts", "slutty", "whore", "whores"], weight: 0.8 },
];

/** Name-calling that is an insult wherever it is aimed (category `insult`). */
export const STRONG_INSULTS: LexiconEntry[] = [
  { base: "idiot", forms: ["idiots", "idiotic", "eejit"] },
  { base: "moron", forms: ["morons", "moronic"] },
  { base: "imbecile", forms: ["imbeciles"] },
  { base: "dimwit", forms: ["dimwits", "dimwitted", "halfwit", "halfwits", "nitwit", "nitwits", "dumbo", "numbskull", "numpty"] },
  { base: "cretin", forms: ["cretins"] },
  { base: "scumbag", forms: ["scumbags"] },
  { base: "dumbass", forms: ["dumbasses", "jackass", "jackasses", "asshat", "dickhead", "shithead", "twat", "wanker", "douchebag", "tosser", "dipshit", "fuckwit"] },
];

/** Words that insult only when aimed at someone ("you loser", "Wake up, creature."). Singular forms only: plurals aimed at states and teams are not personal insults. */
export const TARGETED_INSULTS: string[] = [
  "loser", "clown", "fool", "troll", "creature", "worm", "pig", "rat", "snake", "coward", "liar", "hypocrite",
  "stupid", "dumb", "pathetic", "ignorant", "clueless", "brainless", "worthless", "useless", "disgusting", "lowlife",
  "degenerate", "parasite", "muppet", "buffoon", "dunce", "donkey", "sheep", "shill", "bot", "simpleton", "psycho", "weirdo",
  "tool", "bore", "snowflake", "weasel", "fraud", "hack", "thick", "spineless", "gutless", "braindead", "waste", "pillock",
  "plonker", "prat", "git", "incompetent", "embarrassment",
];

/** Insult nouns said of someone ("the ref is a useless clown", "the devs are incompetent hacks"): singular and plural. */
export const INSULT_NOUNS = [
  "loser", "clown", "fool", "troll", "worm", "weasel", "snake", "coward", "liar", "hypocrite", "fraud", "hack", "tool", "bore",
  "donkey", "muppet", "buffoon", "dunce", "parasite", "idiot", "moron", "lowlife", "degenerate", "imbecile", "halfwit", "pillock",
  "plonker", "prat", "numpty", "clot", "sheep", "campers", "snowflake", "cunt", "prick", "twat", "wanker", "bastard", "dickhead",
];

/** Identity slurs (category `slur`): hate aimed at people for who they are. Written out here because a moderator must be able to read and edit the list. */
export const IDENTITY_SLURS: LexiconEntry[] = [
  { base: "nigger", forms: ["niggers", "nigga", "niggas", "nigguh", "negroid"] },
  { base: "kike", forms: ["kikes", "yid", "yids", "heeb", "heebs", "hymie"] },
  { base: "spic", forms: ["spics", "wetback", "wetbacks", "beaner", "beaners"] },
  { base: "chink", forms: ["chinks", "gook", "gooks", "zipperhead"] },
  { base: "raghead", forms: ["ragheads", "towelhead", "towelheads", "sandnigger", "camel jockey", "muzzie", "muzzies", "mozzie"] },
  { base: "paki", forms: ["pakis"] },
  { base: "wog", forms: ["wogs", "golliwog"] },
  { base: "coon", forms: ["coons", "jigaboo", "sambo", "porch monkey"] },
  { base: "faggot", forms: ["faggots", "fag", "fags", "faggy", "poofter", "poof", "batty boy"] },
  { base: "dyke", forms: ["dykes"], alsoName: true },
  { base: "tranny", forms: ["trannies", "trannys", "trany", "tranys", "shemale", "shemales"] },
  { base: "retard", forms: ["retards", "retarded", "tard", "tards", "spastic", "spaz", "mong"] },
  { base: "pikey", forms: ["pikeys", "gyppo", "gyppos"] },
];

/** Nouns that deny people their humanity when aimed at a group: "the X filth", "X scum", "X are vermin". */
export const DEHUMANISING = [
  "filth", "scum", "vermin", "cockroach", "cockroaches", "rats", "parasites", "parasite", "animals", "savages", "subhumans",
  "subhuman", "untermenschen", "maggots", "swine", "plague", "disease", "cancer", "infestation", "apes", "monkeys", "pigs",
  "dogs", "mongrels", "trash", "garbage", "lice", "leeches", "locusts", "hordes", "horde", "invaders", "degenerates",
];

/** Labels that brand a whole people as murderers: "child butchers", "baby killers". */
export const GROUP_SMEARS = ["child butchers", "child killers", "baby killers", "baby butchers", "child murderers", "baby murderers", "christ killers", "god killers"];

/**
 * Words for peoples and protected groups (religion, ethnicity, nationality,
 * sexuality, gender identity, disability, sex). A mention is not toxic by
 * itself; rules look at what is said about the group.
 */
export const GROUP_TERMS = [
  "jew", "jews", "jewish", "jewry", "zionist", "zionists", "muslim", "muslims", "moslem", "moslems", "islamic", "islamist",
  "islamists", "christian", "christians", "catholic", "catholics", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists",
  "atheist", "atheists", "mormon", "mormons", "arab", "arabs", "african", "africans", "black", "blacks", "white", "whites",
  "asian", "asians", "latino", "latinos", "hispanic", "hispanics", "mexican", "mexicans", "chinese", "indian", "indians",
  "pakistani", "pakistanis", "immigrant", "immigrants", "migrant", "migrants", "refugee", "refugees", "foreigner", "foreigners",
  "gay", "gays", "lesbian", "lesbians", "queer", "queers", "trans", "transgender", "bisexual", "homosexual", "homosexuals",
  "woman", "women", "girls", "feminist", "feminists", "disabled", "roma", "gypsy", "gypsies", "traveller", "travellers",
  "israeli", "israelis", "iranian", "iranians", "palestinian", "palestinians", "syrian", "syrians", "russian", "russians",
  "american", "americans", "english", "englishman", "englishmen", "british", "brits", "irish", "scots", "welsh", "french",
  "german", "germans", "polish", "poles", "ukrainian", "ukrainians", "turk", "turks", "kurd", "kurds", "somali", "somalis",
  "nigerian", "nigerians", "afghan", "afghans", "iraqi", "iraqis", "lebanese", "saudi", "saudis", "shia", "shias", "sunni",
  "sunnis", "wahhabi", "wahhabis", "persian", "persians", "european", "europeans", "westerner", "westerners",
  "romanian", "romanians", "bulgarian", "bulgarians", "albanian", "albanians", "jamaican", "jamaicans", "gypsy", "travellers",
];

/** Country names: "X scum" about a country's people is an attack on them. */
export const COUNTRY_NAMES = [
  "israel", "iran", "palestine", "syria", "russia", "america", "usa", "england", "britain", "ireland", "france", "germany",
  "poland", "ukraine", "turkey", "china", "india", "pakistan", "mexico", "nigeria", "somalia", "afghanistan", "iraq",
  "lebanon", "saudi", "africa", "europe",
];
