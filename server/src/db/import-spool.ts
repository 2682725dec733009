/**
 * A scratch SQLite file that holds an import while it is read and prepared, so a file of any size
 * is imported in bounded memory (issue 8): comments go to disk grouped by thread as the reader
 * finds them; then each thread is read back, built, flagged, and written back as prepared rows;
 * then the store reads those rows inside its transaction. The file is deleted on close.
 * Not the application's database: no migrations, no durability (a crash only loses the scratch).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Flag, ThreadImport } from "@sift/shared";
import type { GroupSink, SeenGroup, ThreadPlan } from "../importers/grouped";

/** Rows written per transaction while spooling: large enough to amortise a commit, small enough to keep the page cache modest. */
const BATCH = 20_000;

/**
 * A comment ready to store: the CommentWithFlags of import-store, as the spool keeps it. A thread
 * whose rules run later (on a worker, while the store writes) is kept without flags or hash.
 */
export interface PreparedRow {
  comment: ThreadImport["comments"][number];
  flags: Flag[];
  hash?: string;
}

/** A prepared row as the spool's columns give it back. */
type PreparedColumns = [string, string | null, string, string | null, string, PreparedRow["comment"]["initial_status"], string | null, string | null];

export class ImportSpool implements GroupSink {
  /** Every group in the order first seen (what planThreads reads). */
  readonly seen: SeenGroup[] = [];
  private readonly dir: string;
  private readonly db: Database.Database;
  private readonly index = new Map<string, number>();
  private descriptions = 0;
  private pending = 0;
  private readonly insertItem: Database.Statement;
  private readonly insertMeta: Database.Statement;
  private readonly insertRow: Database.Statement;
  private readonly insertThread: Database.Statement;
  private threads = 0;

  /** The scratch file, for a reader on another thread (openSpoolReader) once preparing is finished. */
  get path(): string {
    return join(this.dir, "spool.db");
  }

  /** `keepMetas`: also keep descriptions in memory, for formats that merge groups by them (records: a few short fields each). */
  constructor(private readonly keepMetas = false, parent: string = tmpdir()) {
    this.dir = mkdtempSync(join(parent, "sift-import-"));
    this.db = new Database(this.path);
    // Scratch data: no journal, no fsync; a crash loses nothing that matters.
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("cache_size = -16000");
    this.db.exec(`
      CREATE TABLE items (seq INTEGER PRIMARY KEY, grp INTEGER NOT NULL, item TEXT NOT NULL);
      CREATE TABLE metas (grp INTEGER PRIMARY KEY, meta TEXT NOT NULL);
      CREATE TABLE threads (idx INTEGER PRIMARY KEY, meta TEXT NOT NULL, comments INTEGER NOT NULL);
      CREATE TABLE rows (
        seq INTEGER PRIMARY KEY, thread INTEGER NOT NULL, external_id TEXT NOT NULL, parent TEXT, author TEXT NOT NULL,
        posted_at TEXT, body TEXT NOT NULL, status TEXT NOT NULL, flags TEXT, hash TEXT
      );
    `);
    this.insertItem = this.db.prepare("INSERT INTO items (grp, item) VALUES (?, ?)");
    this.insertMeta = this.db.prepare("INSERT INTO metas (grp, meta) VALUES (?, ?)");
    this.insertRow = this.db.prepare("INSERT INTO rows (thread, external_id, parent, author, posted_at, body, status, flags, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.insertThread = this.db.prepare("INSERT INTO threads (idx, meta, comments) VALUES (?, ?, ?)");
  }

  describe(key: string, meta: unknown): void {
    const at = this.groupIndex(key);
    const group = this.seen[at]!;
    if (group.describedAt >= 0) return;
    group.describedAt = this.descriptions++;
    if (this.keepMetas) group.meta = meta;
    this.write(this.insertMeta, at, JSON.stringify(meta ?? null));
  }

  add(key: string, item: unknown): void {
    const at = this.groupIndex(key);
    this.seen[at]!.items++;
    this.write(this.insertItem, at, JSON.stringify(item));
  }

  /** After the reader's last item: commits, and indexes the items by group for reading back. */
  finishReading(): void {
    this.commit();
    this.db.exec("CREATE INDEX items_by_group ON items (grp, seq)");
  }

  /** A thread's groups' first descriptions. */
  metasOf(plan: ThreadPlan): unknown[] {
    const get = this.db.prepare("SELECT meta FROM metas WHERE grp = ?").pluck();
    return plan.groups.map((g) => {
      const meta = get.get(g) as string | undefined;
      return meta === undefined ? undefined : (JSON.parse(meta) as unknown) ?? undefined;
    });
  }

  /** A thread's items in file order. */
  itemsOf(plan: ThreadPlan): unknown[] {
    const marks = plan.groups.map(() => "?").join(", ");
    const rows = this.db.prepare(`SELECT item FROM items WHERE grp IN (${marks}) ORDER BY seq`).pluck().all(...plan.groups) as string[];
    return rows.map((row) => JSON.parse(row) as unknown);
  }

  /** Keeps a built, flagged thread (its comments in page order) until the store reads it back. */
  addPreparedThread(meta: Omit<ThreadImport, "comments">, rows: readonly PreparedRow[]): void {
    const idx = this.threads++;
    this.write(this.insertThread, idx, JSON.stringify(meta), rows.length);
    // Columns, not one JSON document a row: most comments have no flags, and reading a million
    // rows back is the store's own time.
    for (const { comment: c, flags, hash } of rows) {
      this.write(this.insertRow, idx, c.external_id, c.parent_external_id, c.author, c.posted_at, c.body, c.initial_status, flags.length > 0 ? JSON.stringify(flags) : null, hash ?? null);
    }
  }

  /** After the last prepared thread: commits, and indexes the rows by thread. */
  finishPreparing(): void {
    this.commit();
    this.db.exec("CREATE INDEX rows_by_thread ON rows (thread, seq)");
  }

  /** The prepared threads in order, each with its rows read lazily (one thread's rows at a time). */
  *preparedThreads(): Generator<PreparedThread> {
    const read = preparedThreadReader(this.db);
    for (let index = 0; index < this.threads; index++) yield read(index);
  }

  /** Closes and deletes the scratch file. */
  close(): void {
    if (this.db.open) this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private groupIndex(key: string): number {
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.seen.length;
      this.index.set(key, at);
      this.seen.push({ key, meta: undefined, describedAt: -1, items: 0 });
    }
    return at;
  }

  private write(statement: Database.Statement, ...params: unknown[]): void {
    if (this.pending === 0) this.db.exec("BEGIN");
    statement.run(...params);
    if (++this.pending >= BATCH) this.commit();
  }

  private commit(): void {
    if (this.pending === 0) return;
    this.db.exec("COMMIT");
    this.pending = 0;
  }
}

/** A prepared thread as the spool gives it back: its description, its size and its rows, read lazily. */
export interface PreparedThread {
  meta: Omit<ThreadImport, "comments">;
  comments: number;
  rows: Iterable<PreparedRow>;
}

/** Reads prepared thread number `index` from a spool's connection, its rows read as they are iterated. */
function preparedThreadReader(db: Database.Database): (index: number) => PreparedThread {
  const threadAt = db.prepare("SELECT meta, comments FROM threads WHERE idx = ?");
  const rowsOf = db.prepare("SELECT external_id, parent, author, posted_at, body, status, flags, hash FROM rows WHERE thread = ? ORDER BY seq").raw();
  return (index) => {
    // One thread's description at a time: WordPress posts carry their whole article.
    const thread = threadAt.get(index) as { meta: string; comments: number };
    return {
      meta: JSON.parse(thread.meta) as Omit<ThreadImport, "comments">,
      comments: thread.comments,
      rows: (function* () {
        for (const row of rowsOf.iterate(index) as IterableIterator<PreparedColumns>) {
          const [external_id, parent_external_id, author, posted_at, body, initial_status, flags, hash] = row;
          yield { comment: { external_id, parent_external_id, author, posted_at, body, initial_status }, flags: flags === null ? [] : (JSON.parse(flags) as Flag[]), hash: hash ?? undefined };
        }
      })(),
    };
  };
}

/**
 * A read-only view of a finished spool, on a connection of its own (the rules worker, or the store
 * taking a thread's rules while the worker is busy): any prepared thread, whole, as the rules take it.
 */
export function openSpoolReader(path: string): { thread(index: number): ThreadImport; close(): void } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const read = preparedThreadReader(db);
  return {
    thread(index) {
      const { meta, rows } = read(index);
      return { ...meta, comments: Array.from(rows, (row) => row.comment) };
    },
    close: () => db.close(),
  };
}
