/**
 * One import in its own process, so its peak RSS (maxRSS) is the import's alone. Run by
 * import-bench.ts as `node --import tsx import-child.ts <file> <db>`; prints one JSON line.
 * Does what `sift import` does: prepare (read the file in chunks into a spool on disk, parse, rules),
 * then store in one transaction (which fills the search index, in bulk for a large file).
 */
import { openDatabase } from "../db/connection";
import { migrate } from "../db/migrate";
import { discardPrepared, prepareFileStreamed, storeStreamedFile } from "../services/import-stream";

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error("usage: import-child.ts <file> <db>");

const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
const db = openDatabase(dbPath);
migrate(db);
const t0 = performance.now();
const prepared = await prepareFileStreamed(file);
const t1 = performance.now();
const threads = storeStreamedFile(db, prepared);
const t2 = performance.now();
discardPrepared(prepared);
const comments = threads.reduce((n, t) => n + t.comments, 0);
// The search index is now filled inside the store; kept as a separate figure (0) for the report's shape.
const t3 = performance.now();
db.close();
process.stdout.write(`${JSON.stringify({
  comments,
  flagged: threads.reduce((n, t) => n + t.flagged, 0),
  prepare_ms: t1 - t0,
  store_ms: t2 - t1,
  index_ms: t3 - t2,
  total_ms: t3 - t0,
  // resourceUsage().maxRSS is in kilobytes.
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  baseline_rss_mb: baselineRssMb,
})}\n`);
