import { IDENTITY_SLURS, PROFANITY, STRONG_INSULTS, TARGETED_INSULTS } from "./lexicon";
import type { Token } from "./text";

/**
 * Words the phrase patterns look for, so that a stretched or censored spelling
 * ("kiiiill", "k*ll", "st00pid") can be read as the word before the patterns
 * run. Keyed by the word with every run of letters squeezed to one.
 */
const PATTERN_WORDS = [
  "kill", "murder", "shoot", "stab", "hang", "burn", "drown", "die", "dies", "beat", "punch", "hurt", "cut", "rape", "bomb",
  "slit", "choke", "strangle", "yourself", "urself", "stupid", "stoopid", "dead", "fire", "make", "money", "free", "cash",
];

const squeeze = (w: string) => w.replace(/(.)\1+/g, "$1");

const CANON = new Map<string, string>();
for (const entry of [...PROFANITY, ...IDENTITY_SLURS, ...STRONG_INSULTS]) {
  for (const form of [entry.base, ...(entry.forms ?? [])]) if (!form.includes(" ")) CANON.set(squeeze(form), form);
}
for (const w of [...TARGETED_INSULTS, ...PATTERN_WORDS]) CANON.set(squeeze(w), w);

/** Deliberate spellings the patterns should read as the word (same length or shorter, so offsets hold). */
const ALIASES = new Map<string, string>([["stoopid", "stupid"], ["fvck", "fuck"], ["fvcking", "fucking"]]);

/** The word a disguised token stands for, or null when it is not disguised or not known. */
export function canonicalWord(t: Token): string | null {
  // Most words: written plainly, nothing repeated three times.
  if (t.ascii && !t.squeezed) return ALIASES.get(t.norm) ?? null;
  if (t.norm.includes("*")) {
    const pattern = new RegExp(`^${t.norm.replace(/[^\p{L}*]/gu, "").replace(/\*/g, "\\p{L}")}$`, "u");
    for (const word of CANON.values()) if (pattern.test(word)) return word;
    return null;
  }
  // A letter three times implies `squeezed` (it is null only when nothing repeats).
  if (t.squeezed && /(.)\1\1/.test(t.norm)) return CANON.get(squeeze(t.norm)) ?? null;
  const alias = ALIASES.get(t.norm);
  if (alias) return alias;
  return t.disguise ? t.norm : null;
}

/**
 * The body lowercased with each disguised word written as the word it stands
 * for, padded with spaces so that every offset still points into the body.
 */
export function plainText(body: string, tokens: Token[], canonical: (string | null)[] = tokens.map(canonicalWord), lowered = body.toLowerCase()): string {
  let lower = lowered;
  if (lower.length !== body.length) lower = Array.from(body, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join("");
  lower = lower.replace(/[’‘]/g, "'");
  let out = "";
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = canonical[i];
    if (!word) continue;
    const t = tokens[i]!;
    if (word.length > t.end - t.start || t.start < at) continue;
    out += lower.slice(at, t.start) + word + " ".repeat(t.end - t.start - word.length);
    at = t.end;
  }
  return at === 0 ? lower : out + lower.slice(at);
}
