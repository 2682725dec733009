import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { CategorySchema } from "../../schemas/thread";

/** Kinds of hard negative (or near-miss) an item stands for; issue 3 lists them. */
export const CONTRASTS = [
  "idiom",
  "scunthorpe",
  "identity",
  "counter_speech",
  "reclaimed",
  "negated",
  "quoted_violence",
  "news_violence",
  "state_policy",
  "civil_disagreement",
  "short_reply",
  "relevant_link",
  "on_topic_context",
  "profane_not_hateful",
  "insult_not_slur",
  "threat_lookalike",
  "spam_lookalike",
] as const;

/** One labelled comment of the corpus (one line of a `corpus/*.jsonl` file). */
export const CorpusItemSchema = z.object({
  /** Stable id: `<file>-<line number>`. */
  id: z.string().min(1),
  /** The comment exactly as a reader would post it (obfuscations, homoglyphs and zero-width characters included). */
  text: z.string().min(1),
  /** The categories a careful moderator gives it; empty means clean. */
  labels: z.array(CategorySchema),
  /** Where the comment sits: an article id from `articles.json`, and the comment it answers. */
  context: z.object({ article: z.string().optional(), parent: z.string().optional() }).optional(),
  /** Why the labels are what they are. */
  note: z.string().min(1),
  /** Which kind of hard negative or near-miss this item tests, if any. */
  contrast: z.enum(CONTRASTS).optional(),
  /** Sub-kind of a positive (obfuscation, threat modality, spam shape) for the size breakdown. */
  variant: z.string().optional(),
});
export type CorpusItem = z.infer<typeof CorpusItemSchema>;

/** The short articles that off-topic items are judged against, by id. */
export const ArticlesSchema = z.record(z.string(), z.object({ title: z.string().min(1), body: z.string().min(1) }));
export type Articles = z.infer<typeof ArticlesSchema>;

export interface Corpus {
  items: CorpusItem[];
  articles: Articles;
}

/** The corpus committed beside the engine. */
export const CORPUS_DIR = resolve(import.meta.dirname, "../corpus");

/**
 * Reads every `*.jsonl` file and `articles.json` in `dir`; throws naming the file and line of the
 * first bad item, an unknown article id or a repeated id, because a silently skipped item would
 * make the scores lie.
 */
export function loadCorpus(dir: string = CORPUS_DIR): Corpus {
  const articles = ArticlesSchema.parse(JSON.parse(readFileSync(join(dir, "articles.json"), "utf8")));
  const items: CorpusItem[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line.trim()) return;
        const where = `${file}:${i + 1}`;
        const parsed = CorpusItemSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
        const item = parsed.data;
        if (ids.has(item.id)) throw new Error(`${where}: id ${item.id} appears twice`);
        const article = item.context?.article;
        if (article !== undefined && !articles[article]) throw new Error(`${where}: unknown article ${article}`);
        ids.add(item.id);
        items.push(item);
      });
  }
  return { items, articles };
}
