import { z } from "zod";

/** Moderation status of a stored comment. */
export const CommentStatusSchema = z.enum(["pending", "approved", "removed"]);
export type CommentStatus = z.infer<typeof CommentStatusSchema>;

/** The six flag categories of CONTRACT.md, in severity order (most severe first). */
export const CATEGORIES = ["threat", "slur", "insult", "profanity", "spam", "off_topic"] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** One comment as a parser yields it, before it is stored. */
export const CommentImportSchema = z.object({
  /** The source's own id when it has one (Reddit `t1_…`, a CSV `id` column); else one the parser derives from content, stable across re-imports of the same page. */
  external_id: z.string().min(1),
  /** external_id of the comment this one replies to, or null for a top-level comment. */
  parent_external_id: z.string().min(1).nullable(),
  author: z.string(),
  /** ISO 8601 when the source gives an absolute time; null otherwise (e.g. "3 hours ago"). */
  posted_at: z.string().nullable(),
  /** Plain text; paragraphs joined by "\n\n". */
  body: z.string(),
  /** Status the source itself records (e.g. a deleted or spam post); pending when unknown. */
  initial_status: z.enum(["pending", "approved", "removed"]).default("pending"),
});
export type CommentImport = z.infer<typeof CommentImportSchema>;

export const ArticleSchema = z.object({
  title: z.string(),
  /** Paragraphs joined by "\n\n". */
  body: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** One thread as a parser yields it: the article and its comments in page order (depth-first). */
export const ThreadImportSchema = z.object({
  /** The source's id for the thread (Reddit post id, a CSV `thread_id`), or null: then the thread is keyed by url or title. */
  external_id: z.string().nullable(),
  /** The parser that produced it, e.g. `text-page`, `reddit-json`, `csv`. */
  format: z.string().min(1),
  title: z.string(),
  url: z.string().nullable(),
  source_note: z.string().nullable(),
  article: ArticleSchema,
  /** The count the page itself declares ("26 Comments"), or null. */
  declared_comment_count: z.number().int().nonnegative().nullable(),
  comments: z.array(CommentImportSchema),
  /** Things the parser skipped and the user may want to know about (e.g. Reddit "more" stubs). */
  notes: z.array(z.string()).default([]),
});
export type ThreadImport = z.infer<typeof ThreadImportSchema>;

/** A problem that made a file unreadable, with where it was found when known. */
export interface ParseIssue {
  line?: number;
  message: string;
}

/** What every parser returns: problems come back as values, never throws. */
export type ParseResult =
  | { ok: true; threads: ThreadImport[] }
  | { ok: false; issues: ParseIssue[] };
