import type { Flag } from "../../schemas/flag";
import { spanFlag, type CommentContext } from "../context";
import { PROFANITY } from "../lexicon";
import { findWords, indexLexicon } from "../lexicon-match";

const INDEX = indexLexicon(PROFANITY);

/** Profanity, plain or disguised (fcuk, sh1t, s.h.i.t, fuuuck, f*ck). */
export function profanityPhase(ctx: CommentContext): Flag[] {
  return findWords(ctx.tokens, INDEX).map((hit) => {
    const seen = ctx.body.slice(hit.start, hit.end);
    const how = hit.disguise ? ` (${hit.disguise})` : "";
    return spanFlag(
      ctx,
      "profanity",
      "profanity.lexicon",
      hit.start,
      hit.end,
      `"${seen}" reads as the profanity "${hit.entry.base}"${how}.`,
      (hit.entry.weight ?? 0.7) * (hit.disguise ? 0.95 : 1),
    );
  });
}
