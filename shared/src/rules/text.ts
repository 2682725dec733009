/**
 * Tokens with offsets into the original text, and the normalisations that see
 * through obfuscation (leetspeak, separators, repeated letters, homoglyphs,
 * zero-width characters, NFKC forms). Rules match whole normalised tokens,
 * never raw substrings, which is what keeps "Scunthorpe" and "cockpit" clean.
 */

/** A word of the original text: `text` is exactly body.slice(start, end). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lowercased, homoglyphs and leetspeak mapped, zero-width and diacritics removed. */
  norm: string;
  /** How the token was disguised, for the explanation ("leetspeak", "separators removed", …), or null. */
  disguise: string | null;
  /** Spellings with repeated letters squeezed (fuuuck → fuuck, fuck), only when the norm has repeats. */
  squeezed: string[] | null;
  /** Plain ASCII letters as written: nothing was disguised and the script is Latin. */
  ascii: boolean;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Cyrillic and Greek letters that look like Latin ones. */
const HOMOGLYPHS: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x",
  і: "i", ї: "i", ј: "j", ѕ: "s", ԁ: "d", ɡ: "g", ո: "n", ս: "u",
  α: "a", β: "b", ε: "e", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ς: "s",
};

const PLAIN = /^[A-Za-z]+(?:['’][A-Za-z]+)?$/;
const CASHTAG = /^\$[A-Z]{2,8}\d?$/;

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i", "|": "i", "€": "e" };

/** Lowercases and maps lookalike characters; reports what it had to undo. */
export function normalizeWord(raw: string): { norm: string; disguise: string | null } {
  // Most words are plain ASCII letters: nothing to undo.
  if (CASHTAG.test(raw)) return { norm: raw.toLowerCase(), disguise: null }; // $ZORK is a ticker, not leetspeak
  if (PLAIN.test(raw)) return { norm: raw.includes("’") ? raw.toLowerCase().replace(/’/g, "'") : raw.toLowerCase(), disguise: null };
  let disguise: string | null = null;
  let s = raw.normalize("NFKC");
  if (s !== raw) disguise = "compatibility characters";
  const noZw = s.replace(ZERO_WIDTH, "");
  if (noZw !== s) disguise = "zero-width characters removed";
  s = noZw.toLowerCase();
  let out = "";
  for (const ch of s) {
    const h = HOMOGLYPHS[ch];
    if (h) {
      out += h;
      disguise = "lookalike letters from another script";
    } else out += ch;
  }
  out = out.normalize("NFD").replace(/\p{M}/gu, "");
  if (/\p{L}/u.test(out) && /[0-9@$!|€]/.test(out) && !/^\d+(?:st|nd|rd|th|s|k|m|am|pm)?$/.test(out)) {
    const mapped = out.replace(/[0-9@$!|€]/g, (c) => LEET[c] ?? c);
    if (mapped !== out) {
      out = mapped;
      disguise = "leetspeak";
    }
  }
  out = out.replace(/[’'`]/g, "'");
  return { norm: out, disguise };
}

// A word: letters, digits and the symbols leetspeak puts inside words; apostrophes inside words.
const WORD = /[\p{L}\p{N}@$|€][\p{L}\p{N}\p{M}@$!|€*'’\u200b-\u200d\u2060\u00ad]*/gu;
// Single characters joined by one repeated separator: s.h.i.t, f-u-c-k, s h i t, b_i_t_c_h.
const SPACED = /(?<![\p{L}\p{N}])[\p{L}\p{N}@$!*]([.\-_*·]|\s)(?:[\p{L}\p{N}@$!*]\1)+[\p{L}\p{N}@$!*](?![\p{L}\p{N}])/gu;

/** A cheap first look for letter-by-letter spellings before the full pattern runs. */
const MAYBE_SPACED = /(?:^|[^A-Za-z0-9])[^\s][.\-_ *·\s][^\s][.\-_ *·\s][^\s](?:[^A-Za-z0-9]|$)/;

/** Splits text into word tokens with offsets; joins letter-by-letter spellings into one token. */
export function tokenize(text: string): Token[] {
  const spaced: Token[] = [];
  const covered: [number, number][] = [];
  for (const m of MAYBE_SPACED.test(text) ? text.matchAll(SPACED) : []) {
    const raw = m[0];
    const letters = raw.replace(/[.\-_ *·\s]/g, "");
    if (letters.length < 3 || !/\p{L}/u.test(letters) || /^\p{Lu}+$/u.test(letters) && /\./.test(raw)) continue; // U.S.A. stays an acronym
    const { norm } = normalizeWord(letters);
    const start = m.index ?? 0;
    spaced.push({ text: raw, start, end: start + raw.length, norm, disguise: "separators removed", squeezed: squeezedForms(norm), ascii: false });
    covered.push([start, start + raw.length]);
  }
  const tokens = spaced;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    let raw = m[0];
    // A trailing ! or apostrophe is punctuation; inside a word it is disguise (b!tch). Stars stay: sh** is censored.
    raw = raw.replace(/[!'’]+$/u, "");
    if (!raw) continue;
    const end = start + raw.length;
    if (covered.length && covered.some(([s, e]) => start >= s && end <= e)) continue;
    const { norm, disguise } = normalizeWord(raw);
    tokens.push({ text: raw, start, end, norm, disguise, squeezed: squeezedForms(norm), ascii: PLAIN.test(raw) });
  }
  return covered.length ? tokens.sort((a, b) => a.start - b.start) : tokens;
}

const REPEAT = /(.)\1/;

/** The other spellings to look a token up under: repeated letters squeezed to two, then to one (fuuuuck → fuuck, fuck); null when nothing repeats. */
export function squeezedForms(norm: string): string[] | null {
  if (!REPEAT.test(norm)) return null;
  const cached = SQUEEZED.get(norm);
  if (cached !== undefined) return cached;
  if (SQUEEZED.size > 50_000) SQUEEZED.clear();
  const forms = computeSqueezed(norm);
  SQUEEZED.set(norm, forms);
  return forms;
}

/** Everyday words repeat across comments ("all", "will", "good"): squeeze each spelling once. */
const SQUEEZED = new Map<string, string[] | null>();

function computeSqueezed(norm: string): string[] | null {
  const out: string[] = [];
  const two = norm.replace(/(.)\1{2,}/g, "$1$1");
  if (two !== norm) out.push(two);
  const one = norm.replace(/(.)\1+/g, "$1");
  if (one !== norm && one !== two) out.push(one);
  return out.length ? out : null;
}

/** A sentence of the text with its offset. */
export interface Sentence {
  text: string;
  start: number;
}

/** Splits text into sentences at . ! ? and line breaks (good enough for clause-level rules). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["”’)]*|\n|$)/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) out.push({ text: m[0], start: m.index ?? 0 });
  }
  return out;
}
