import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as W from "./corpus-words";

/** What kind of comment the generator meant to write (the benchmark's own label, not a rule verdict). */
export type CommentKind = "clean" | "profanity" | "insult" | "threat" | "slur" | "spam" | "off_topic";

/** Share of each kind. Toxic (profanity + insult + threat + slur) is 5%, as issue 8 asks. */
export const KIND_MIX: Readonly<Record<CommentKind, number>> = {
  clean: 0.91,
  profanity: 0.02,
  insult: 0.015,
  threat: 0.007,
  slur: 0.008,
  spam: 0.015,
  off_topic: 0.025,
};

export interface SyntheticComment {
  id: string;
  parentId: string | null;
  author: string;
  postedAt: string;
  body: string;
  kind: CommentKind;
}

export interface SyntheticThread {
  id: string;
  title: string;
  url: string;
  articleBody: string;
  comments: SyntheticComment[];
}

export interface Corpus {
  seed: number;
  threads: SyntheticThread[];
}

/** mulberry32: small, fast and good enough to make the same corpus from the same seed everywhere. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/**
 * One thread per 2,500 comments (at most 100), like the busiest articles of a site; the few
 * article texts repeat as "update N" stories, so threads stay a realistic size at any scale.
 */
export function threadCountFor(comments: number): number {
  return Math.max(1, Math.min(100, Math.ceil(comments / 2500)));
}

/**
 * Generates `comments` comments over a few threads: lengths mixed (a third one-liners, most a
 * few sentences, some several paragraphs; about 200 characters on average), about a third
 * replies, and the KIND_MIX of toxic, spam and off-topic comments. Deterministic for a seed.
 */
export function generateCorpus(options: { comments: number; seed: number }): Corpus {
  const rand = createRandom(options.seed);
  const threadCount = threadCountFor(options.comments);
  const start = Date.UTC(2026, 0, 5, 7, 0, 0);
  const threads: SyntheticThread[] = [];
  for (let t = 0; t < threadCount; t++) {
    const topic = W.TOPICS[t % W.TOPICS.length]!;
    const edition = Math.floor(t / W.TOPICS.length);
    const size = Math.floor(options.comments / threadCount) + (t < options.comments % threadCount ? 1 : 0);
    const id = `t${t + 1}`;
    const comments: SyntheticComment[] = [];
    for (let i = 0; i < size; i++) {
      const kind = pickKind(rand);
      const parent = comments.length > 0 && rand() < 0.35 ? comments[comments.length - 1 - Math.floor(rand() ** 2 * Math.min(comments.length, 200))]! : null;
      comments.push({
        id: `${id}-c${i + 1}`,
        parentId: parent?.id ?? null,
        author: `${pick(rand, W.AUTHOR_FIRST)}${pick(rand, W.AUTHOR_LAST)}`,
        postedAt: new Date(start + t * 86_400_000 + i * 7_000 + Math.floor(rand() * 5_000)).toISOString().replace(/\.\d{3}Z$/, "Z"),
        body: writeBody(rand, kind, topic, parent),
        kind,
      });
    }
    threads.push({
      id,
      title: edition === 0 ? topic.title : `${topic.title} (update ${edition})`,
      url: `https://news.example.org/${id}`,
      articleBody: topic.article.join("\n\n"),
      comments,
    });
  }
  return { seed: options.seed, threads };
}

function pickKind(rand: Random): CommentKind {
  let r = rand();
  for (const [kind, share] of Object.entries(KIND_MIX) as [CommentKind, number][]) {
    if (r < share) return kind;
    r -= share;
  }
  return "clean";
}

/** Target length: a third short (25-70 chars), half medium (110-260), the rest long (320-650). */
function targetLength(rand: Random): number {
  const r = rand();
  if (r < 0.33) return 25 + Math.floor(rand() * 45);
  if (r < 0.83) return 110 + Math.floor(rand() * 150);
  return 320 + Math.floor(rand() * 330);
}

function writeBody(rand: Random, kind: CommentKind, topic: W.Topic, parent: SyntheticComment | null): string {
  const target = targetLength(rand);
  const special = specialSentence(rand, kind, topic);
  const sentences: string[] = [];
  if (parent && rand() < 0.3) sentences.push(`@${parent.author} ${pick(rand, W.SHORT_REPLIES)}`);
  else if (target < 50 && !special) sentences.push(pick(rand, W.SHORT_REPLIES));
  // Spam and off-topic posts are mostly just that; abuse usually comes wrapped in an opinion.
  const padded = kind === "clean" || ((kind === "profanity" || kind === "insult") && rand() < 0.6);
  let length = sentences.join(" ").length + (special?.length ?? 0);
  while (length < target && (padded || sentences.length === 0) && (kind === "clean" || sentences.length < 3)) {
    const s = fill(rand, pick(rand, W.ON_TOPIC_SENTENCES), topic);
    sentences.push(s);
    length += s.length + 1;
  }
  if (special) sentences.splice(Math.floor(rand() * (sentences.length + 1)), 0, special);
  // Long comments come in paragraphs, so CSV cells and JSON strings carry newlines.
  return sentences.map((s, i) => (i > 0 && length > 300 && rand() < 0.25 ? `\n\n${s}` : i > 0 ? ` ${s}` : s)).join("");
}

function specialSentence(rand: Random, kind: CommentKind, topic: W.Topic): string | null {
  switch (kind) {
    case "clean":
      return null;
    case "profanity":
      return pick(rand, W.PROFANE_SENTENCES).replace("{p}", disguise(rand, pick(rand, W.PROFANITY)));
    case "insult":
      return pick(rand, W.INSULT_SENTENCES).replace("{i}", pick(rand, W.INSULTS));
    case "threat":
      return pick(rand, W.THREAT_SENTENCES);
    case "slur": {
      const group = pick(rand, W.GROUPS);
      return pick(rand, W.SLUR_SENTENCES).replace("{g}", group).replace("{G}", group[0]!.toUpperCase() + group.slice(1));
    }
    case "spam":
      return pick(rand, W.SPAM_SENTENCES)
        .replace("{url}", `https://${pick(rand, W.SPAM_DOMAINS)}/?ref=${Math.floor(rand() * 9000 + 1000)}`)
        .replace("{d}", String(Math.floor(rand() * 900 + 100)));
    case "off_topic":
      return vary(rand, pick(rand, W.OFF_TOPIC_SENTENCES).replace("{place}", topic.place), topic);
  }
}

const LEET: Record<string, string> = { i: "1", s: "$", a: "@", o: "0", e: "3" };

/** Spells a word as people do to get past filters: as is, leetspeak, dotted, stretched or starred. */
export function disguise(rand: Random, word: string): string {
  const r = rand();
  if (r < 0.4) return word;
  if (r < 0.55) return word.replace(/[isaoe]/, (c) => LEET[c] ?? c);
  if (r < 0.7) return word.split("").join(".");
  if (r < 0.85) return word.replace(/[aeiou]/, (v) => v.repeat(3 + Math.floor(rand() * 3)));
  return `${word[0]}${"*".repeat(word.length - 1)}`;
}

/** An opinion sentence about the topic, often with an opening or ending of its own. */
function fill(rand: Random, template: string, topic: W.Topic): string {
  const s = template
    .replace("{n}", pick(rand, topic.nouns))
    .replace("{m}", pick(rand, topic.nouns))
    .replace("{y}", String(2 + Math.floor(rand() * 38)));
  return vary(rand, s, topic);
}

function vary(rand: Random, sentence: string, topic: W.Topic): string {
  let s = sentence;
  if (rand() < 0.45) s = pick(rand, W.OPENERS).replace("{place}", topic.place) + (/^(?:I\b|OT)/.test(s) ? s : s[0]!.toLowerCase() + s.slice(1));
  if (rand() < 0.35) s += pick(rand, W.CLOSERS);
  return s;
}

/** One JSONL record per comment; the article body rides on each thread's first record only. */
export function toJsonl(corpus: Corpus): string {
  const lines: string[] = [];
  for (const t of corpus.threads) {
    t.comments.forEach((c, i) => {
      lines.push(JSON.stringify({
        id: c.id, parent_id: c.parentId, author: c.author, created_at: c.postedAt, body: c.body,
        thread_id: t.id, thread_title: t.title, url: t.url, ...(i === 0 ? { article_body: t.articleBody } : {}),
      }));
    });
  }
  return `${lines.join("\n")}\n`;
}

const CSV_COLUMNS = ["id", "parent_id", "author", "created_at", "body", "thread_id", "thread_title", "url", "article_body"];

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The same records as CSV (RFC 4180: quoted cells, doubled quotes, multi-line bodies). */
export function toCsv(corpus: Corpus): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const t of corpus.threads) {
    t.comments.forEach((c, i) => {
      const cells = [c.id, c.parentId ?? "", c.author, c.postedAt, c.body, t.id, t.title, t.url, i === 0 ? t.articleBody : ""];
      lines.push(cells.map(csvCell).join(","));
    });
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Writes comments.jsonl and comments.csv into `dir`; returns their paths. */
export function writeCorpusFiles(corpus: Corpus, dir: string): { jsonl: string; csv: string } {
  mkdirSync(dir, { recursive: true });
  const jsonl = join(dir, "comments.jsonl");
  const csv = join(dir, "comments.csv");
  writeFileSync(jsonl, toJsonl(corpus));
  writeFileSync(csv, toCsv(corpus));
  return { jsonl, csv };
}
