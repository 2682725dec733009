import { describe, expect, it } from "vitest";
import { buildCommentContext, hasAny } from "./context";
import { PROFANITY } from "./lexicon";
import { findWords, indexLexicon } from "./lexicon-match";
import { gateHit, gateNumber, intersects } from "./prefilter";

/** A gate question as the context asks it: from the marks once the gate is numbered. */
function sharesWord(words: ReadonlySet<string>, gate: ReadonlySet<string>): boolean {
  const id = gateNumber(gate);
  return id < 0 ? intersects(words, gate) : gateHit(words, [...words], id);
}
import { tokenize } from "./text";

describe("gate numbers and marks", () => {
  const GATE_A = new Set(["kill", "shoot"]);
  const GATE_B = new Set(["free", "cash"]);

  it("answers like a plain intersection, asked once or many times, for one comment or several", () => {
    const comments = [new Set(["i", "will", "kill", "time"]), new Set(["free", "cash", "now"]), new Set(["nothing", "here"])];
    for (let round = 0; round < 3; round++) {
      for (const words of comments) {
        expect(sharesWord(words, GATE_A)).toBe([...words].some((w) => GATE_A.has(w)));
        expect(sharesWord(words, GATE_B)).toBe([...words].some((w) => GATE_B.has(w)));
      }
    }
  });

  it("numbers a gate the second time it is asked about, and notices one that changed size", () => {
    const gate = new Set(["alpha"]);
    const words = new Set(["beta"]);
    expect(gateNumber(gate)).toBe(-1);
    expect(gateNumber(gate)).toBeGreaterThanOrEqual(0);
    expect(sharesWord(words, gate)).toBe(false);
    gate.add("beta");
    expect(gateNumber(gate)).toBe(-1);
    expect(sharesWord(words, gate)).toBe(true);
  });

  it("works for word sets made afresh on every call", () => {
    const words = new Set(["x", "y"]);
    for (let i = 0; i < 5; i++) expect(sharesWord(words, new Set(["y"]))).toBe(true);
  });
});

describe("hasAny and findWords on a comment context", () => {
  const INDEX = indexLexicon(PROFANITY);

  it.each([
    "What the fuck is this council doing?",
    "all well and good, see you tomorrow",
    "fuuuuuck, missed the bus again",
    "what a load of bullsh*t",
    "bullshiiiit all of it",
    "shitt happens",
    "a perfectly clean comment about the roads",
  ])("finds the same words with and without the skip: %s", (text) => {
    const ctx = buildCommentContext(text, "a", null);
    // A copy of the token list has no summary, so it is looked up token by token.
    expect(findWords(ctx.tokens, INDEX)).toEqual(findWords([...ctx.tokens], INDEX));
    expect(findWords(tokenize(text), INDEX)).toEqual(findWords(ctx.tokens, INDEX));
  });

  it("gates on the comment's words and canonical words, asked in any order", () => {
    const gate = new Set(["council"]);
    const other = new Set(["kill"]);
    const a = buildCommentContext("The council met.", "a", null);
    const b = buildCommentContext("Nothing to see, k1ll.", "b", null);
    for (let i = 0; i < 3; i++) {
      expect(hasAny(a, gate)).toBe(true);
      expect(hasAny(b, gate)).toBe(false);
      expect(hasAny(a, other)).toBe(false);
      expect(hasAny(b, other)).toBe(true);
    }
    expect([...b.words]).toEqual(["nothing", "to", "see", "kill"]);
  });
});
