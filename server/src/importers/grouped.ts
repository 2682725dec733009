import type { ParseIssue, ParseResult, ThreadImport } from "@sift/shared";

/**
 * Formats whose file can be read in one pass of chunks, without the whole file in memory: the
 * reader hands each comment to a sink under its thread's key as soon as it is read, and each
 * thread is built from its comments at the end. The sink is memory for `parse` (a string), or a
 * spool on disk for a file of any size (services/import-spool.ts); both group and build the
 * same way (groupThreads below), so the two give the same threads.
 *
 * Items and metas must survive JSON (a spool stores them as JSON text).
 */
export interface GroupSink {
  /** What the file says about a thread (its title, link, article); the first description of a key wins. */
  describe(key: string, meta: unknown): void;
  /** One comment (as the format's item) of the thread under `key`, in file order. */
  add(key: string, item: unknown): void;
}

/** Problems, or the notes about the whole file (shown on the first thread) and what `build` needs to know. */
export type GroupedEnd = { ok: true; notes: string[]; context: unknown } | { ok: false; issues: ParseIssue[] };

/** A reader over chunks of text, writing into a sink. */
export interface GroupedReader {
  write(chunk: string): void;
  end(): GroupedEnd;
}

/** A format readable in groups: how to read it, and how its groups become threads. */
export interface GroupedFormat {
  open(sink: GroupSink, options: { fileName?: string }): GroupedReader;
  /**
   * The thread a group belongs to once the whole file is known (records only learn their column
   * map at the end, so they group finely while reading and merge here). Defaults to the group's key.
   */
  threadKeyOf?(key: string, meta: unknown, context: unknown): string;
  /** One thread from its groups' first descriptions and its items in file order; `threads` is how many threads the file holds. */
  build(metas: readonly unknown[], items: readonly unknown[], ctx: { key: string; context: unknown; threads: number; fileName?: string }): ThreadImport;
}

/**
 * A group as a sink saw it: its key, its first description (a spool keeps descriptions on disk
 * and here only for formats that merge groups by them), and how many items it got.
 */
export interface SeenGroup {
  key: string;
  meta: unknown;
  /** The how-manyth description it got (0 first), or -1 when none. */
  describedAt: number;
  items: number;
}

/** The groups that make one thread, by their index in the order the sink saw them. */
export interface ThreadPlan {
  /** The thread's key (threadKeyOf, or its groups' shared key). */
  key: string;
  groups: number[];
}

/**
 * Which groups make which thread, in thread order: described groups in the order of their
 * descriptions, then groups only ever given items in the order of their first item (a Disqus post
 * naming a thread the file never describes). Groups without items make no thread.
 */
export function planThreads(format: GroupedFormat, seen: readonly SeenGroup[], context: unknown): ThreadPlan[] {
  const described = (i: number) => seen[i]!.describedAt;
  const order = [...seen.keys()].sort((a, b) =>
    described(a) >= 0 && described(b) >= 0 ? described(a) - described(b) : Number(described(b) >= 0) - Number(described(a) >= 0),
  );
  const plans = new Map<string, ThreadPlan>();
  for (const index of order) {
    const group = seen[index]!;
    if (group.items === 0) continue;
    const key = format.threadKeyOf ? format.threadKeyOf(group.key, group.meta, context) : group.key;
    const plan = plans.get(key);
    if (plan) plan.groups.push(index);
    else plans.set(key, { key, groups: [index] });
  }
  return [...plans.values()];
}

/** Notes about the whole file go first on the first thread, where an import shows them. */
export function withFileNotes(thread: ThreadImport, notes: readonly string[]): ThreadImport {
  return notes.length === 0 ? thread : { ...thread, notes: [...notes, ...thread.notes] };
}

/** Keeps every group in memory, in the order first seen; what `parse` uses. */
export class MemorySink implements GroupSink {
  readonly seen: SeenGroup[] = [];
  /** Each group's items with their file position, so merged groups keep file order. */
  readonly items: [number, unknown][][] = [];
  private readonly index = new Map<string, number>();
  private count = 0;
  private descriptions = 0;

  describe(key: string, meta: unknown): void {
    const group = this.group(key);
    if (group.describedAt >= 0) return;
    group.describedAt = this.descriptions++;
    group.meta = meta;
  }

  add(key: string, item: unknown): void {
    const group = this.group(key);
    group.items++;
    this.items[this.index.get(key)!]!.push([this.count++, item]);
  }

  private group(key: string): SeenGroup {
    const at = this.index.get(key);
    if (at !== undefined) return this.seen[at]!;
    const group: SeenGroup = { key, meta: undefined, describedAt: -1, items: 0 };
    this.index.set(key, this.seen.length);
    this.seen.push(group);
    this.items.push([]);
    return group;
  }

  /** A thread's items in file order. */
  itemsOf(plan: ThreadPlan): unknown[] {
    if (plan.groups.length === 1) return this.items[plan.groups[0]!]!.map(([, item]) => item);
    return plan.groups.flatMap((g) => this.items[g]!).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  }
}

/** Reads a whole string through a grouped format in memory: the pure `parse` of such a format. */
export function parseGrouped(format: GroupedFormat, text: string, options: { fileName?: string } = {}, chunkSize = 64 * 1024): ParseResult {
  const sink = new MemorySink();
  const reader = format.open(sink, options);
  for (let i = 0; i < text.length; i += chunkSize) reader.write(text.slice(i, i + chunkSize));
  const end = reader.end();
  if (!end.ok) return end;
  const plans = planThreads(format, sink.seen, end.context);
  if (plans.length === 0) return { ok: false, issues: [{ message: "the file holds no comments" }] };
  const threads = plans.map((plan, i) => {
    const thread = format.build(plan.groups.map((g) => sink.seen[g]!.meta), sink.itemsOf(plan), { key: plan.key, context: end.context, threads: plans.length, fileName: options.fileName });
    return i === 0 ? withFileNotes(thread, end.notes) : thread;
  });
  return { ok: true, threads };
}
