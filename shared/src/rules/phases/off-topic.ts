import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, wholeFlag, type CommentContext } from "../context";
import { relevance, topicWord, type Vocabulary } from "../relevance";

/** Comments about the site itself rather than the article: logins, the comment system, ads, moderation. */
const SITE_META =
  /\b(?:why (?:do|does|can't|cant|can i not) (?:i|we|you) (?:have to |need to )?(?:log ?in|sign ?in|login|register)|(?:log ?in|login|sign ?in)(?: page| button| system)? (?:is |keeps? )?(?:broken|not working|doesn'?t work|problems?|issues?)|(?:my|our) comments? (?:was |were |got |keeps? getting |keep getting )?(?:deleted|removed|censored|disappeared|vanished|not showing)|comment (?:system|section|box) (?:is |keeps )?(?:broken|buggy|slow|terrible|not working)|(?:this|the) (?:site|website|page) (?:is |keeps )?(?:so )?(?:slow|broken|crashing|buggy|not loading)|(?:find|found|finding) (?:this|the) (?:site|website|page|app) (?:\w+ )?(?:unusable|impossible|broken|useless)|(?:try|trying|tried|attempt\w*) to (?:log|sign) ?in\b|(?:sort|fix) (?:your|the) (?:login|log-in|site|website|comments?(?: section| system)?) out|(?:sort|fix) out (?:your|the) (?:login|site|website|comments?)|too many ads|(?:captcha|disqus|paywall) (?:is|keeps|won'?t)|can'?t (?:log|sign) ?in\b|comment(?:s)? section (?:keeps|is|won'?t)|(?:your|this|the) (?:site|website|app) has (?:so many|too many|loads of) (?:pop-?up )?ads|pop-?up ads|paywall again|(?:the|this|your) app (?:crashes|keeps crashing|is broken|won'?t load))\b/gi;
/** The writer says so: "Off topic, but…", "OT:". */
const MARKER = /(?:^|[\n.!?]\s*)((?:slightly |somewhat |a bit |totally |completely |bit )?(?:off[- ]?topic|unrelated)\b[^.!?\n]{0,20}|ot:)/gi;

/** Minimum distinctive words before relevance is judged: short reactions are never off-topic by relevance. */
const MIN_TOPIC_WORDS = 10;
/** A reply to an on-topic comment is part of the conversation: only a long digression is judged off-topic. */
const MIN_TOPIC_WORDS_IN_REPLY = 20;
/** A comment about the article itself (its bias, its sources, its author) is on topic whatever its words. */
const ABOUT_THE_ARTICLE = /\b(?:this|the|another|that)\s+(?:\w+\s+){0,2}(?:article|piece|report|story|post|headline|author|writer|journalist|op-?ed|editorial)\b/i;
const MAX_RELEVANCE = 0.12;
/** A short top-level comment sharing no subject word at all with the article is about something else ("Anyone know a good plumber?"). */
const MIN_TOPIC_WORDS_NO_OVERLAP = 4;

const META_WORDS = new Set(["log", "login", "logged", "sign", "signin", "comment", "comments", "site", "website", "page", "app", "captcha", "disqus", "paywall", "ads"]);
const MARKER_WORDS = new Set(["off", "ot", "offtopic", "unrelated"]);

/** Off-topic: against the article and the conversation, not keywords. */
export function offTopicPhase(ctx: CommentContext, vocabularies: Vocabulary[]): Flag[] {
  const flags: Flag[] = [];
  for (const m of hasAny(ctx, META_WORDS) ? ctx.plain.matchAll(SITE_META) : []) {
    const start = m.index ?? 0;
    flags.push(spanFlag(ctx, "off_topic", "off_topic.site-meta", start, start + m[0].length, "About the site or the comment system, not the article.", 0.8));
  }
  for (const m of hasAny(ctx, MARKER_WORDS) ? ctx.body.matchAll(MARKER) : []) {
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    flags.push(spanFlag(ctx, "off_topic", "off_topic.marker", start, start + (m[1] ?? "").length, "The writer marks the comment as off-topic.", 0.9));
  }
  if (flags.length) return flags;
  const topicWords: string[] = [];
  if (vocabularies.length) {
    for (const t of ctx.tokens) {
      const w = topicWord(t.norm);
      if (w !== null) topicWords.push(w);
    }
  }
  const count = topicWords.length;
  const minimum = ctx.replyTo && !ctx.replyTo.offTopic ? MIN_TOPIC_WORDS_IN_REPLY : MIN_TOPIC_WORDS;
  // The score is looked up only when one of the two relevance rules could fire on this many words.
  const scored = vocabularies.length > 0 && (count >= minimum || (!ctx.replyTo && count >= MIN_TOPIC_WORDS_NO_OVERLAP));
  const r = scored ? relevance(topicWords, vocabularies) : null;
  if (r && r.topicWordCount >= minimum && r.score < MAX_RELEVANCE && !ABOUT_THE_ARTICLE.test(ctx.body)) {
    const sample = [...new Set(r.unrelated)].slice(0, 6).join(", ");
    return [
      wholeFlag(
        "off_topic",
        "off_topic.low-relevance",
        `relevance ${r.score.toFixed(2)} (${sample})`,
        `Shares almost none of its subject words with the article or the comment it answers (relevance ${r.score.toFixed(2)}; about: ${sample}).`,
        0.55 + (MAX_RELEVANCE - r.score) * 2,
      ),
    ];
  }
  if (r && !ctx.replyTo && r.score === 0 && r.topicWordCount >= MIN_TOPIC_WORDS_NO_OVERLAP && !ABOUT_THE_ARTICLE.test(ctx.body)) {
    const sample = [...new Set(r.unrelated)].slice(0, 6).join(", ");
    return [wholeFlag("off_topic", "off_topic.no-shared-words", sample, `Shares no subject word with the article (about: ${sample}).`, 0.5)];
  }
  if (ctx.replyTo?.offTopic && count < MIN_TOPIC_WORDS) {
    return [wholeFlag("off_topic", "off_topic.follows-off-topic", "reply to an off-topic comment", "A short reply continuing an off-topic exchange.", 0.55)];
  }
  return flags;
}
