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
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const CASHTAG = /^\$[A-Z]{2,8}\d?$/;

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i", "|": "i", "€": "e" };

/** Lowercases and maps lookalike characters; reports what it had to undo. */
export function normalizeWord(raw: string): { norm: string; disguise: string | null } {
  // Most words are plain ASCII letters: nothing to undo.
  if (CASHTAG.test(raw)) return { norm: raw.toLowerCase(), disguise: null }; // $ZORK is a ticker, not leetspeak
  if (PLAIN.test(raw)) return { norm: raw.includes("’") ? raw.toLowerCase().replace(/’/g, "'") : raw.toLowerCase(), disguise: null };
  let disguise: string | null = null;
  let out: string;
  // Printable ASCII (numbers, "sh1t", "@ss") has no compatibility forms, zero-width characters, lookalikes or accents.
  if (PRINTABLE_ASCII.test(raw)) out = raw.toLowerCase();
  else {
    let s = raw.normalize("NFKC");
    if (s !== raw) disguise = "compatibility characters";
    const noZw = s.replace(ZERO_WIDTH, "");
    if (noZw !== s) disguise = "zero-width characters removed";
    s = noZw.toLowerCase();
    out = "";
    for (const ch of s) {
      const h = HOMOGLYPHS[ch];
      if (h) {
        out += h;
        disguise = "lookalike letters from another script";
      } else out += ch;
    }
    out = out.normalize("NFD").replace(/\p{M}/gu, "");
  }
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

// Single characters joined by one repeated separator: s.h.i.t, f-u-c-k, s h i t, b_i_t_c_h.
const SPACED = /(?<![\p{L}\p{N}])[\p{L}\p{N}@$!*]([.\-_*·]|\s)(?:[\p{L}\p{N}@$!*]\1)+[\p{L}\p{N}@$!*](?![\p{L}\p{N}])/gu;

/** A cheap first look for letter-by-letter spellings before the full pattern runs. */
const MAYBE_SPACED = /(?:^|[^A-Za-z0-9])[^\s][.\-_ *·\s][^\s][.\-_ *·\s][^\s](?:[^A-Za-z0-9]|$)/;

/** Splits text into word tokens with offsets; joins letter-by-letter spellings into one token. */
export function tokenize(text: string): Token[] {
  return tokenizeLowered(text, text.toLowerCase());
}

/**
 * `tokenize`, given the text already lowercased (the context needs both). One pass over the
 * characters instead of a Unicode regular expression, and plain ASCII words (most of them) are
 * lowercased by slicing `lower` instead of going through `normalizeWord`. A word is
 * `/[\p{L}\p{N}@$|€][\p{L}\p{N}\p{M}@$!|€*'’\u200b-\u200d\u2060\u00ad]*\/u` (see `START_CHAR` and `CONTINUE_CHAR`).
 */
export function tokenizeLowered(text: string, lower: string): Token[] {
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
  // Lowercasing can change the length ("İ" → "i̇"); then words are lowercased one by one.
  const aligned = lower.length === text.length;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const first = c < 128 ? ASCII_CLASS[c]! : c < 0xd800 || c > 0xdfff ? charClass(c) : charClass(text.codePointAt(i)!);
    if ((first & START) === 0) {
      i += first & ASTRAL ? 2 : 1;
      continue;
    }
    const start = i;
    i += first & ASTRAL ? 2 : 1;
    while (i < n) {
      const d = text.charCodeAt(i);
      const cls = d < 128 ? ASCII_CLASS[d]! : d < 0xd800 || d > 0xdfff ? charClass(d) : charClass(text.codePointAt(i)!);
      if ((cls & CONTINUE) === 0) break;
      i += cls & ASTRAL ? 2 : 1;
    }
    // A trailing ! or apostrophe is punctuation; inside a word it is disguise (b!tch). Stars stay: sh** is censored.
    let end = i;
    for (let d = text.charCodeAt(end - 1); end > start && (d === 33 || d === 39 || d === 0x2019); d = text.charCodeAt(end - 1)) end--;
    if (end === start) continue;
    if (covered.length && covered.some(([s, e]) => start >= s && end <= e)) continue;
    tokens.push(makeToken(text, lower, aligned, start, end));
  }
  return covered.length ? tokens.sort((a, b) => a.start - b.start) : tokens;
}

/** One word token; the fast path is a word of ASCII letters with at most one apostrophe inside (`PLAIN`). */
function makeToken(text: string, lower: string, aligned: boolean, start: number, end: number): Token {
  let apostrophe = -1;
  let repeat = false;
  let upper = false;
  let prev = -1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const l = c | 32;
    if (l >= 97 && l <= 122) {
      if (l === prev) repeat = true;
      if (c !== l) upper = true;
      prev = l;
    } else if ((c === 39 || c === 0x2019) && apostrophe < 0 && k > start) {
      apostrophe = k;
      prev = 39;
    } else {
      const raw = text.slice(start, end);
      const { norm, disguise } = normalizeWord(raw);
      return { text: raw, start, end, norm, disguise, squeezed: squeezedForms(norm), ascii: false };
    }
  }
  const raw = text.slice(start, end);
  let norm = !upper ? raw : aligned ? lower.slice(start, end) : raw.toLowerCase();
  if (apostrophe >= 0 && text.charCodeAt(apostrophe) === 0x2019) norm = norm.replace("’", "'");
  return { text: raw, start, end, norm, disguise: null, squeezed: repeat ? squeezedForms(norm) : null, ascii: true };
}

/** Bits of `charClass`: can start a word, can continue one, is outside the Basic Multilingual Plane (two code units). */
const START = 1;
const CONTINUE = 2;
const ASTRAL = 4;
/** A word: letters, digits and the symbols leetspeak puts inside words; apostrophes inside words. First and later characters. */
const START_CHAR = /^[\p{L}\p{N}@$|€]$/u;
const CONTINUE_CHAR = /^[\p{L}\p{N}\p{M}@$!|€*'’\u200b-\u200d\u2060\u00ad]$/u;
/** Classes of the BMP code points seen so far (0: not yet classified); astral ones in a map. */
const BMP_CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();

/** The classes of ASCII characters, looked up without a call: most text is ASCII. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classify(c));

function charClass(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP_CLASS[cp]!;
    if (known !== 0) return known & 7;
    const cls = classify(cp);
    BMP_CLASS[cp] = cls | 8;
    return cls;
  }
  let cls = ASTRAL_CLASS.get(cp);
  if (cls === undefined) ASTRAL_CLASS.set(cp, (cls = classify(cp) | ASTRAL));
  return cls;
}

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (START_CHAR.test(ch) ? START : 0) | (CONTINUE_CHAR.test(ch) ? CONTINUE : 0);
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
  // The pattern /[^.!?\n]+(?:[.!?]+["”’)]*|\n|$)/g, scanned by hand: it runs on every comment.
  const out: Sentence[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isStop(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && !isStop(text.charCodeAt(i))) i++;
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === 10) i++;
    else if (c !== -1) {
      while (i < n && isEnd(text.charCodeAt(i))) i++;
      while (i < n && isCloser(text.charCodeAt(i))) i++;
    }
    const sentence = text.slice(start, i);
    if (sentence.trim()) out.push({ text: sentence, start });
  }
  return out;
}

/** . ! ? or a line break. */
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 10;
const isEnd = (c: number) => c === 46 || c === 33 || c === 63;
/** Closing quotes and brackets that stay with the sentence they end: " ” ’ ) */
const isCloser = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 41;
