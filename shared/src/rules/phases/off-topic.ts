import type { Flag } from "../../schemas/flag";
import { hasAny, spanFlag, wholeFlag, type CommentContext } from "../context";
import { relevance, topicWord, type Relevance, type Vocabulary } from "../relevance";

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
/** Below this share of related words a long comment is about something else. */
const MAX_RELEVANCE = 0.12;
/** With words of another subject ("plumber", "mortgage") a long comment may relate a little more and still be elsewhere. */
const MAX_RELEVANCE_WITH_FOREIGN = 0.2;
const MIN_FOREIGN_WORDS = 2;
/** A short top-level comment relating to nothing in the article is about something else ("Can't believe what happened on Strictly"): with this many words… */
const MIN_TOPIC_WORDS_NO_OVERLAP = 6;
/** …or fewer, when one of them is a word of another subject ("Anyone got a spare ticket for Coldplay?"). */
const MIN_TOPIC_WORDS_FOREIGN = 3;
/** A question to the other readers ("does anyone know…", "has anyone tried…") that hardly relates to the article asks about something else. */
const QUESTION_TO_READERS = /(?:^|[.!?]\s+)(?:(?:does|do|has|have|can|could|did|is|will|would) )?any(?:one|body)(?:'s)? (?:\w+ )?(?:know|knows|got|tried|recommend|seen|watching|going|selling|else|had|have|fancy|want)\b|(?:^|[.!?]\s+)who(?:'s| is| else is) (?:watching|going)\b/;
const READER_WORDS = new Set(["anyone", "anybody", "who's", "who"]);
const MAX_RELEVANCE_OF_QUESTION = 0.15;

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
  if (!vocabularies.length || !mayBeJudged(ctx, count)) return followsOffTopic(ctx, count);
  const r = relevance(topicWords, vocabularies);
  const verdict = judge(ctx, r);
  if (verdict && !judgedElsewhere(ctx)) return [verdict];
  return followsOffTopic(ctx, count);
}

/** A sales pitch: links, handles, cashtags, messaging apps. */
const SELLING = /https?:|www\.|\b[a-z0-9-]+\.(?:com|net|org|io|biz|info|xyz|shop|store|online|site|example|ly|me|tv|live|uk)\b|(?:^|\s)[@$][a-z]|\b(?:whatsapp|telegram|dm me|inbox me|message me|my bio|my profile|promo code|discount code|\d+% off)\b/i;

/**
 * Comments whose low relevance is another rule's business or no sign of a change of subject:
 * one about the article itself ("this article ignores…") and a sales pitch (spam's judgement: a
 * moderator calls an advert spam, not a digression).
 */
function judgedElsewhere(ctx: CommentContext): boolean {
  return ABOUT_THE_ARTICLE.test(ctx.body) || SELLING.test(ctx.lower);
}

/**
 * True when one of the relevance rules of `judge` could fire on this many words: the score is
 * looked up only then (most replies are short, and their parent's vocabulary is never read).
 */
function mayBeJudged(ctx: CommentContext, count: number): boolean {
  const minimum = ctx.replyTo && !ctx.replyTo.offTopic ? MIN_TOPIC_WORDS_IN_REPLY : MIN_TOPIC_WORDS;
  if (count >= minimum || (!ctx.replyTo && count >= MIN_TOPIC_WORDS_FOREIGN)) return true;
  return count >= 2 && isQuestionToReaders(ctx);
}

function isQuestionToReaders(ctx: CommentContext): boolean {
  return hasAny(ctx, READER_WORDS) && QUESTION_TO_READERS.test(ctx.lower);
}

/** The relevance verdict, or null when the comment is on topic or too short to judge. */
function judge(ctx: CommentContext, r: Relevance): Flag | null {
  const count = r.topicWordCount;
  const minimum = ctx.replyTo && !ctx.replyTo.offTopic ? MIN_TOPIC_WORDS_IN_REPLY : MIN_TOPIC_WORDS;
  if (count >= minimum) {
    const limit = r.foreign.length >= MIN_FOREIGN_WORDS ? MAX_RELEVANCE_WITH_FOREIGN : MAX_RELEVANCE;
    if (r.score < limit) {
      return wholeFlag(
        "off_topic",
        "off_topic.low-relevance",
        `relevance ${r.score.toFixed(2)} (${sampleOf(r)})`,
        `Relates to almost nothing in the article or the comment it answers (relevance ${r.score.toFixed(2)}; unrelated: ${sampleOf(r)}${elsewhereOf(r)}).`,
        // The clearer the margin, the surer; near the line it is a moderator's call.
        0.5 + (limit - r.score) * 2 + Math.min(0.15, r.foreign.length * 0.05),
      );
    }
  }
  if (r.score < MAX_RELEVANCE_OF_QUESTION && count >= 2 && isQuestionToReaders(ctx)) {
    return wholeFlag("off_topic", "off_topic.low-relevance", `question to readers (${sampleOf(r)})`, `Asks the other readers about something the article is not about (unrelated: ${sampleOf(r)}${elsewhereOf(r)}).`, 0.55 + (r.score === 0 ? 0.1 : 0));
  }
  if (!ctx.replyTo && r.score === 0 && (count >= MIN_TOPIC_WORDS_NO_OVERLAP || (count >= MIN_TOPIC_WORDS_FOREIGN && r.foreign.length > 0))) {
    return wholeFlag("off_topic", "off_topic.no-shared-words", sampleOf(r), `Relates to nothing in the article (unrelated: ${sampleOf(r)}${elsewhereOf(r)}).`, 0.45 + Math.min(0.2, r.foreign.length * 0.07));
  }
  return null;
}

/** The unrelated words shown in a flag (built only for a flag). */
function sampleOf(r: Relevance): string {
  return [...new Set(r.unrelated)].slice(0, 6).join(", ");
}

function elsewhereOf(r: Relevance): string {
  return r.foreign.length ? `; about: ${[...new Set(r.foreign)].slice(0, 4).join(", ")}` : "";
}

/** A short reply continuing an off-topic exchange is off-topic too. */
function followsOffTopic(ctx: CommentContext, count: number): Flag[] {
  if (ctx.replyTo?.offTopic && count < MIN_TOPIC_WORDS) {
    return [wholeFlag("off_topic", "off_topic.follows-off-topic", "reply to an off-topic comment", "A short reply continuing an off-topic exchange.", 0.55)];
  }
  return [];
}
