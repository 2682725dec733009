import { describe, expect, it } from "vitest";
import { normalizeWord, sentences, squeezedForms, tokenize } from "./text";

/** The definition the hand-written scanner must agree with: a word is this pattern, less a trailing ! or apostrophe. */
const WORD = /[\p{L}\p{N}@$|€][\p{L}\p{N}\p{M}@$!|€*'’\u200b-\u200d\u2060\u00ad]*/gu;
const PLAIN = /^[A-Za-z]+(?:['’][A-Za-z]+)?$/;

/** Tokens by the regular expression, for texts without letter-by-letter spellings. */
function tokensByPattern(text: string) {
  const out = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/[!'’]+$/u, "");
    if (!raw) continue;
    const { norm, disguise } = normalizeWord(raw);
    out.push({ text: raw, start: m.index, end: m.index + raw.length, norm, disguise, squeezed: squeezedForms(norm), ascii: PLAIN.test(raw) });
  }
  return out;
}

/** The sentence pattern the hand-written splitter must agree with. */
function sentencesByPattern(text: string) {
  return [...text.matchAll(/[^.!?\n]+(?:[.!?]+["”’)]*|\n|$)/g)].filter((m) => m[0].trim()).map((m) => ({ text: m[0], start: m.index }));
}

const PIECES = [
  "the", "Council", "it's", "it’s", "don't!", "rock'n'roll", "a''b", "sh1t", "@ss", "b!tch", "$ZORK", "$100", "2026", "5k", "10th", "k*ll", "f*ck",
  "sh**", "Ѕhіt", "fu\u200bck", "ｆｕｃｋ", "naïve", "café", "İstanbul", "ß", "ΣΑΣ", "ǅ", "ﬁne", "😀", "𝐟𝐮𝐜𝐤", "\ud800", "fuuuuck", "all", "Tennessee",
  "€uro", "|ol|", "e.g.", "U.S.A.", "x-y", "’", "“quote”", "(see)", "?!", "...", "\n", "  ", ",", "-", "—", "\u00ad", "\ufeff", "ok\u0301",
];

function randomTexts(count: number): string[] {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 12) }, () => PIECES[Math.floor(rand() * PIECES.length)]).join(rand() < 0.7 ? " " : ""),
  );
}

describe("tokenize", () => {
  it("finds the words the WORD pattern finds, with the same normal forms", () => {
    let compared = 0;
    for (const text of randomTexts(3000)) {
      if (/(?:^|[^A-Za-z0-9])[^\s][.\-_ *·\s][^\s][.\-_ *·\s][^\s](?:[^A-Za-z0-9]|$)/.test(text)) continue; // letter-by-letter spellings join tokens
      expect(tokenize(text), text).toEqual(tokensByPattern(text));
      compared++;
    }
    expect(compared).toBeGreaterThan(1500);
  });

  it("reads plain words fast and still sees through disguises", () => {
    const [plain, curly, leet, stretched] = tokenize("Hello it’s sh1t fuuuck");
    expect(plain).toMatchObject({ norm: "hello", ascii: true, disguise: null, squeezed: ["helo"] });
    expect(curly).toMatchObject({ text: "it’s", norm: "it's", ascii: true });
    expect(leet).toMatchObject({ norm: "shit", ascii: false, disguise: "leetspeak" });
    expect(stretched).toMatchObject({ norm: "fuuuck", squeezed: ["fuuck", "fuck"] });
  });

  it("keeps offsets into the original text around letters outside the Basic Multilingual Plane", () => {
    const text = "😀 the 𝐟𝐮𝐜𝐤 end";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.norm)).toEqual(["the", "fuck", "end"]);
  });

  it("joins letter-by-letter spellings into one token", () => {
    expect(tokenize("what s.h.i.t is this").map((t) => t.norm)).toEqual(["what", "shit", "is", "this"]);
  });
});

describe("sentences", () => {
  it("splits as the sentence pattern does", () => {
    for (const text of [...randomTexts(2000), "One. Two! Three?\nFour", "He said \"go.\" Then left)", "...", "\n\n", "a.b", "Why?!” she asked."]) {
      expect(sentences(text), text).toEqual(sentencesByPattern(text));
    }
  });
});
