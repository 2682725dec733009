/**
 * Imports a file of any size in bounded memory (issues 6 and 8). The file is read in chunks
 * through its format's grouped reader into a spool on disk; each thread is then read back, built,
 * checked and flagged, one at a time, and its prepared comments go back to the spool; the store
 * reads them inside its one transaction. Memory holds one thread, never the file.
 *
 * Formats that cannot be read in groups (a saved page, Reddit's JSON, a JSON array) are small by
 * nature and take the whole-file path, with its size limit.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { createGzip } from "node:zlib";
import { ImportSpool, type PreparedRow } from "../db/import-spool";
import { PARALLEL_RULES_COMMENTS } from "./rules-pool";
import { threadRules } from "./rules-worker";
import { SpooledRules, type ThreadRules } from "./spooled-rules";
import type { Db } from "../db/connection";
import { ImportError } from "../errors";
import { planThreads, withFileNotes } from "../importers/grouped";
import { guessedWindows1252, pickImporter, WINDOWS_1252_NOTE, withFormatHint } from "../importers/registry";
import { FileTextError, inspectFileText, readFileText } from "./file-text";
import { SILENT_PROGRESS } from "./import-progress";
import { checkThread, prepareFileInParallel, storePreparedFile, storeThreads, unreadableFile, type ImportedThread, type ImportOptions, type PreparedFile } from "./import-service";
import { WRITE_BACK_FORMATS, type KeptSource } from "./source-service";

/** A file read and flagged into a spool, waiting for the store; `close` deletes the spool. */
export interface SpooledFile {
  kind: "spooled";
  file: string;
  comments: number;
  threads: number;
  source?: KeptSource;
  spool: ImportSpool;
  /** The rules, when they run on a worker during the store rather than before it (a large file). */
  rules?: SpooledRules;
}

/** What prepareFileStreamed gives: a spool, or (for formats read whole) the file in memory. */
export type StreamedPreparation = SpooledFile | (PreparedFile & { kind: "memory" });

/**
 * Reads, parses and flags a file without holding it: through a spool for formats read in groups
 * (CSV, JSON Lines, Disqus XML, WXR), in memory for the rest. Touches no database; throws
 * ImportError naming the file. Call `discardPrepared` when done, stored or not.
 */
export async function prepareFileStreamed(path: string, options: ImportOptions = {}): Promise<StreamedPreparation> {
  const name = options.displayName ?? path;
  const fileName = basename(name);
  const info = await inspectFileText(path).catch((err: unknown) => {
    throw readError(name, err);
  });
  if (!info.ok) throw new ImportError(name, info.message);
  const picked = pickImporter(info.head, { format: options.format, fileName });
  if (!picked.ok) throw new ImportError(name, picked.message);
  const importer = picked.importer;
  const grouped = importer.grouped;
  if (!grouped) return { kind: "memory", ...(await prepareFileInParallel(path, { ...options, format: importer.name })) };

  const progress = options.progress ?? SILENT_PROGRESS;
  const spool = new ImportSpool(grouped.threadKeyOf !== undefined);
  let rules: SpooledRules | undefined;
  try {
    const keep = WRITE_BACK_FORMATS.has(importer.name) ? keeper() : undefined;
    const reader = grouped.open(spool, { fileName });
    progress.phase("read", info.size, "bytes");
    try {
      for await (const text of readFileText(path, info.choice, async (bytes) => {
        progress.advance(bytes.length);
        await keep?.write(bytes);
      })) {
        reader.write(text);
      }
    } catch (err) {
      throw readError(name, err);
    }
    const end = reader.end();
    if (!end.ok) {
      const [issue] = withFormatHint(end.issues, importer, info.head, fileName);
      throw new ImportError(name, issue?.message ?? "could not be parsed", issue?.line);
    }
    spool.finishReading();

    const plans = planThreads(grouped, spool.seen, end.context);
    if (plans.length === 0) throw new ImportError(name, "no comment thread found");
    const comments = plans.reduce((n, plan) => n + plan.groups.reduce((m, g) => m + spool.seen[g]!.items, 0), 0);
    // A large file's rules run later, on a worker while the store writes. A small one's run
    // here, before the write lock: a worker costs about a second to start.
    if (options.rulesOnWorker ?? comments >= PARALLEL_RULES_COMMENTS) rules = new SpooledRules(spool.path, plans.length, options.siteRules);
    progress.phase(rules ? "parse" : "rules", comments);
    plans.forEach((plan, i) => {
      let thread = grouped.build(spool.metasOf(plan), spool.itemsOf(plan), { key: plan.key, context: end.context, threads: plans.length, fileName });
      if (i === 0) thread = withFileNotes(thread, end.notes);
      if (guessedWindows1252(info.choice)) thread = { ...thread, notes: [...thread.notes, WINDOWS_1252_NOTE] };
      const checked = checkThread(name, thread);
      const { comments: list, ...meta } = checked;
      if (rules) {
        spool.addPreparedThread(meta, list.map((comment): PreparedRow => ({ comment, flags: [] })));
      } else {
        const { flags, hashes } = threadRules(checked, options.siteRules);
        spool.addPreparedThread(meta, list.map((comment, c): PreparedRow => ({ comment, flags: flags[c] ?? [], hash: hashes[c]! })));
      }
      progress.advance(list.length);
    });
    spool.finishPreparing();
    const source = keep ? await keep.finish(fileName, importer.name, info.size) : undefined;
    return { kind: "spooled", file: name, comments, threads: plans.length, source, spool, rules };
  } catch (err) {
    rules?.close();
    spool.close();
    throw err;
  }
}

/**
 * Stores what prepareFileStreamed prepared, in one transaction (see storeThreads). When the rules
 * run on a worker, each thread waits for its results there, so both cores work while the
 * transaction is open: it lasts about as long as the slower of the two.
 */
export function storeStreamedFile(db: Db, prepared: StreamedPreparation, options: ImportOptions = {}): ImportedThread[] {
  if (prepared.kind === "memory") return storePreparedFile(db, prepared, options);
  const { rules, file } = prepared;
  const threads = (function* () {
    let index = 0;
    for (const { meta, rows } of prepared.spool.preparedThreads()) {
      yield { meta, comments: rules ? withRules(rows, rules.take(index)) : rows };
      rules?.release();
      index++;
    }
  })();
  try {
    // A failure of the rules reaches storeThreads inside its transaction, which rolls back and names the file.
    return storeThreads(db, { file, source: prepared.source, comments: prepared.comments, threads }, options);
  } finally {
    rules?.close();
  }
}

function* withRules(rows: Iterable<PreparedRow>, results: ThreadRules): Iterable<PreparedRow> {
  let i = 0;
  for (const row of rows) {
    yield { comment: row.comment, flags: results.flags.get(i) ?? [], hash: results.hashes[i] };
    i++;
  }
}

/** Deletes a preparation's spool and stops its rules worker (nothing to do for one held in memory). */
export function discardPrepared(prepared: StreamedPreparation): void {
  if (prepared.kind !== "spooled") return;
  prepared.rules?.close();
  prepared.spool.close();
}

function readError(name: string, err: unknown): ImportError {
  if (err instanceof ImportError) return err;
  if (err instanceof FileTextError) return new ImportError(name, err.message);
  return unreadableFile(name, err);
}

/**
 * The original bytes of a file that can be written back, hashed and gzipped as they stream past
 * (level 1, as keepSource): the compressed copy is what stays in memory, a fraction of the file.
 */
function keeper() {
  const hash = createHash("sha256");
  const gzip = createGzip({ level: 1 });
  const parts: Buffer[] = [];
  gzip.on("data", (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on("end", resolve);
    gzip.on("error", reject);
  });
  // Handled here too, so an import that fails before finish() leaves no unhandled rejection.
  done.catch(() => {});
  return {
    /** Resolves once the compressor can take more, so unread input never piles up in memory. */
    async write(bytes: Buffer): Promise<void> {
      hash.update(bytes);
      // A copy: the reader reuses its buffer for the next chunk while zlib works on this one.
      if (!gzip.write(Buffer.from(bytes))) await new Promise<void>((resolve) => gzip.once("drain", resolve));
    },
    async finish(fileName: string, format: string, byteLength: number): Promise<KeptSource> {
      gzip.end();
      await done;
      return { sha256: hash.digest("hex"), fileName, format, byteLength, content: Buffer.concat(parts) };
    },
  };
}
