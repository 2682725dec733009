import { z } from "zod";
import { loadPack, LowerCaseWords, PackVersionSchema } from "./load";
import raw from "./spam.json";

/**
 * The spam rule pack: the signals that, combined, make a post spam (see README.md beside this file),
 * validated here so a typo in the data fails at start-up instead of silently weakening a rule.
 */
const phrases = LowerCaseWords.min(1);

/** The shape of `spam.json`; each list is explained in `pack/README.md`. */
export const SpamPackSchema = z.object({
  version: PackVersionSchema,
  about: z.string().min(1),
  strongOffers: phrases,
  weakOffers: phrases,
  privateCalls: phrases,
  commercialCalls: phrases,
  platforms: phrases,
  tlds: z.array(z.string().regex(/^[a-z]{2,10}$/, "a top-level domain in lower case, no dot")).min(1),
  pumpCues: phrases,
  warningCues: phrases,
  sarcasmCues: phrases,
  homeCues: phrases,
});
export type SpamPack = z.infer<typeof SpamPackSchema>;

/** One list as a gate (the words a comment must hold for the list to be looked for) and an expression. */
export interface CompiledList {
  /** One word of every phrase (its least common): a comment with none of them skips the expression. */
  gate: Set<string>;
  /** Any phrase of the list as whole words, global, on the lowercased text. */
  re: RegExp;
}

/** The pack as gates and expressions, built once. */
export interface CompiledSpamPack {
  pack: SpamPack;
  strongOffers: CompiledList;
  weakOffers: CompiledList;
  privateCalls: CompiledList;
  commercialCalls: CompiledList;
  pumpCues: CompiledList;
  warningCues: CompiledList;
  sarcasmCues: CompiledList;
  homeCues: CompiledList;
  platforms: Set<string>;
  tlds: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Words too common to gate a phrase on. */
const EVERYDAY = new Set(
  "a an the this that for no not to on in of at by up it is be me my our your here get one per same low win real hot love run out before while best only and with ask how from all here every don't do just it's".split(" "),
);

/** Whole-word phrases: a word character at either end of a phrase must not run on into the next word. */
export function compileList(list: readonly string[]): CompiledList {
  const gate = new Set<string>();
  for (const p of list) {
    // Each phrase is gated on its least common word ("no credit check" on "credit", "% off" on
    // "off"): a gate of everyday words would send nearly every comment to the expression.
    const words = p.match(/[a-z][a-z']*/g) ?? [];
    const rare = words.filter((w) => !EVERYDAY.has(w));
    const pool = rare.length ? rare : words;
    const word = pool.reduce<string | undefined>((best, w) => (!best || w.length > best.length ? w : best), undefined);
    if (word) gate.add(word);
  }
  const alternatives = [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => `${/^\w/.test(p) ? "\\b" : ""}${escape(p).replace(/ /g, "\\s+")}${/\w$/.test(p) ? "\\b" : ""}`);
  return { gate, re: new RegExp(alternatives.join("|"), "g") };
}

export function compileSpamPack(pack: SpamPack): CompiledSpamPack {
  return {
    pack,
    strongOffers: compileList(pack.strongOffers),
    weakOffers: compileList(pack.weakOffers),
    privateCalls: compileList(pack.privateCalls),
    commercialCalls: compileList(pack.commercialCalls),
    pumpCues: compileList(pack.pumpCues),
    warningCues: compileList(pack.warningCues),
    sarcasmCues: compileList(pack.sarcasmCues),
    homeCues: compileList(pack.homeCues),
    platforms: new Set(pack.platforms),
    tlds: [...pack.tlds].sort((a, b) => b.length - a.length).join("|"),
  };
}

/** The built-in spam pack, checked at load. */
export const SPAM_PACK: CompiledSpamPack = compileSpamPack(loadPack("spam.json", SpamPackSchema, raw));
