import type { Flag } from "../schemas/flag";
import { CATEGORIES } from "../schemas/thread";
import { buildCommentContext, wholeFlag, type CommentContext } from "./context";
import { insultPhase } from "./phases/insult";
import { offTopicPhase } from "./phases/off-topic";
import { profanityPhase } from "./phases/profanity";
import { slurPhase } from "./phases/slur";
import { spamPhase } from "./phases/spam";
import { threatPhase } from "./phases/threat";
import { Vocabulary } from "./relevance";
import { applyExceptions, siteRulesPhase, type SiteRuleSet } from "./site-rules";

export { compileSiteRules, regexProblem, siteRuleFlagId, siteRuleFlagsForText, type SiteRuleSet, type SiteRuleProblem } from "./site-rules";
export { applyExceptions } from "./site-rules";
export { normalizeWord } from "./text";
export { BUILTIN_RULES, type BuiltinRule } from "./catalogue";

/** Version of the built-in rule pack (the `version` of every file in pack/, checked by pack-version.test.ts); recorded with every flag so exports say which rules were in force. */
export const RULE_PACK_VERSION = "2.1.0";

/** What a rule may know about the thread a comment sits in. Pure data, no database. */
export interface ThreadInput {
  article: { title: string; body: string };
  comments: { external_id: string; parent_external_id: string | null; author: string; body: string }[];
}

/**
 * The phases, in order. Each is a pure function of one comment's context and
 * returns its flags; flags from all phases are kept (a comment can be both
 * profane and a threat). Order only decides the order of flags in the output:
 * most severe first, so a moderator reads the worst reason first.
 */
const PHASES: ((ctx: CommentContext, vocabularies: Vocabulary[]) => Flag[])[] = [
  threatPhase,
  slurPhase,
  insultPhase,
  profanityPhase,
  spamPhase,
  offTopicPhase,
];

/** Too little article text to judge relevance against (a CSV export has none). */
const MIN_ARTICLE_WORDS = 25;

/** Starts of short replies that answer the comment just above them on a flat page. */
const FOLLOW_UP = /^\s*(?:me too|same here|same|\+1|agreed|i agree|exactly|yes|yeah|yep|true|this|ditto|likewise|no[,.!]|nope|lol|haha)\b/i;

/** Flags for one comment, given the thread vocabulary and the comment it answers. */
export function evaluateComment(
  comment: { body: string; author?: string },
  options: { vocabularies?: Vocabulary[]; replyTo?: CommentContext["replyTo"]; knownNames?: ReadonlySet<string>; siteRules?: SiteRuleSet } = {},
): Flag[] {
  const ctx = buildCommentContext(comment.body, comment.author ?? "", options.replyTo ?? null, options.knownNames);
  // Relevance to an English article means nothing for a comment in another language.
  const vocabularies = ctx.language === "other" ? [] : (options.vocabularies ?? []);
  const all: Flag[] = [];
  for (const phase of PHASES) for (const flag of phase(ctx, vocabularies)) all.push(flag);
  let flags = preferSlurOverInsult(all);
  if (options.siteRules) flags = applyExceptions([...flags, ...siteRulesPhase(ctx, options.siteRules)], options.siteRules);
  return ctx.language === "other" ? flags.map((f) => ({ ...f, explanation: `${f.explanation} ${NOT_ENGLISH}`, confidence: Math.round(f.confidence * 70) / 100 })) : flags;
}

const NOT_ENGLISH = "(The comment does not look like English; these rules only know English, so check it yourself.)";

/** Flags for every comment of a thread, in the same order as `thread.comments`. Pure and deterministic. */
export function evaluateThread(thread: ThreadInput, options: { siteRules?: SiteRuleSet } = {}): Flag[][] {
  const article = new Vocabulary().add(`${thread.article.title}\n${thread.article.body}`);
  const hasArticle = article.size >= MIN_ARTICLE_WORDS;
  const flat = thread.comments.every((c) => c.parent_external_id === null);
  const byId = new Map<string, { body: string; offTopic: boolean }>();
  const vocabularyCache = new Map<string, Vocabulary>();
  const vocabularyOf = (id: string, body: string) => {
    let v = vocabularyCache.get(id);
    if (!v) vocabularyCache.set(id, (v = new Vocabulary().add(body)));
    return v;
  };
  const duplicates = findCrossAuthorDuplicates(thread.comments);
  const knownNames = namesIn(thread);
  const results: Flag[][] = [];
  // One list for every comment judged against the article alone (phases only read it).
  const articleOnly = hasArticle ? [article] : [];
  thread.comments.forEach((c, i) => {
    const previous = i > 0 ? thread.comments[i - 1] : undefined;
    const parentId = c.parent_external_id ?? (flat && previous && FOLLOW_UP.test(c.body) ? previous.external_id : null);
    const parent = parentId ? byId.get(parentId) : undefined;
    const vocabularies = hasArticle && parent && parentId && !parent.offTopic ? [article, vocabularyOf(parentId, parent.body)] : articleOnly;
    // `parent` is { body, offTopic }, never changed after it is stored: it is the replyTo itself.
    const flags = evaluateComment(c, { vocabularies, knownNames, siteRules: options.siteRules, replyTo: parent ?? null });
    if (duplicates.has(i)) {
      flags.push(wholeFlag("spam", "spam.duplicate", "same text posted by several authors", "The same text was posted by several different authors (a spam wave or brigade).", 0.75));
    }
    const offTopic = flags.some((f) => f.category === "off_topic");
    byId.set(c.external_id, { body: c.body, offTopic });
    results.push(sortBySeverity(flags));
  });
  return results;
}

/** Where the same words are both a slur and an insult, the slur (hate for who people are) is the judgement to show. */
function preferSlurOverInsult(flags: Flag[]): Flag[] {
  const slurs = flags.filter((f) => f.category === "slur" && f.start !== null);
  if (!slurs.length) return flags;
  return flags.filter((f) => f.category !== "insult" || f.start === null || !slurs.some((s) => f.start! < s.end! && s.start! < f.end!));
}

/** Words of the authors' names and of capitalised words in the article: people really in the conversation. */
function namesIn(thread: ThreadInput): Set<string> {
  const names = new Set<string>();
  for (const c of thread.comments) for (const w of c.author.toLowerCase().split(/[^\p{L}]+/u)) if (w) names.add(w);
  for (const m of `${thread.article.title} ${thread.article.body}`.matchAll(/\b\p{Lu}\p{Ll}+/gu)) names.add(m[0].toLowerCase());
  return names;
}

/** Indexes of comments whose (substantial) text also appears under another author's name. */
function findCrossAuthorDuplicates(comments: ThreadInput["comments"]): Set<number> {
  // Comments are first grouped by a cheap fingerprint that equal texts share; only groups with
  // several authors have their texts compared in full (most comments of a thread are unique).
  const first = new Map<number, number>();
  const groups = new Map<number, number[]>();
  for (let i = 0; i < comments.length; i++) {
    const body = comments[i]!.body;
    if (body.length < 30) continue;
    const f = fingerprint(body);
    const seen = first.get(f);
    if (seen === undefined) first.set(f, i);
    else {
      const group = groups.get(f);
      if (group) group.push(i);
      else groups.set(f, [seen, i]);
    }
  }
  const duplicates = new Set<number>();
  for (const group of groups.values()) {
    if (group.every((i) => comments[i]!.author === comments[group[0]!]!.author)) continue;
    const authors = new Map<string, Set<string>>();
    const keys = group.map((i) => duplicateKey(comments[i]!.body));
    keys.forEach((k, j) => {
      if (k.length < 30) return;
      const set = authors.get(k) ?? new Set<string>();
      set.add(comments[group[j]!]!.author);
      authors.set(k, set);
    });
    keys.forEach((k, j) => {
      if ((authors.get(k)?.size ?? 0) > 1) duplicates.add(group[j]!);
    });
  }
  return duplicates;
}

/** The text two comments must share to be the same post: lowercased, punctuation and spacing ignored. */
function duplicateKey(body: string): string {
  return body.toLowerCase().replace(/[\s.,!?;:'"“”‘’()*-]+/g, " ").trim();
}

/**
 * A hash of the ASCII letters and digits of the lowercased text, in order: equal duplicate keys have
 * equal fingerprints (the key drops only punctuation and spacing). Plain ASCII text is hashed as it
 * is read; other text is lowercased first, since a few letters lowercase to ASCII ones ("K" → "k").
 */
function fingerprint(body: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) {
    let c = body.charCodeAt(i);
    if (c >= 0x80) return fingerprintLowered(body.toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

function fingerprintLowered(lower: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

function sortBySeverity(flags: Flag[]): Flag[] {
  if (flags.length < 2) return flags;
  return [...flags].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}
