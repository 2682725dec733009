import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { Router, type Request } from "express";
import { z } from "zod";
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { importFile, type ImportedThread } from "../services/import-service";
import { createImportQueue, type ImportRunner } from "../services/import-worker-runner";
import { sessionUser } from "./auth-middleware";

/** Default largest upload (SIFT_MAX_UPLOAD_MB); bigger archives go through the CLI. */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** How the browser's import is limited and run; createApp passes it, tests override it. */
export interface UploadOptions {
  /** Largest upload in bytes; a bigger one is refused with 413. */
  maxBytes: number;
  /** Where uploads are written while they are imported (a private directory per upload inside it). */
  tmpDir: string;
  /** Runs the import; by default in a worker thread, one at a time. */
  runImport: ImportRunner;
}

/** Query of POST /api/imports: the file's name (a label for messages and detection hints, never a path) and the format. */
export const ImportQuerySchema = z.object({
  name: z.string().trim().min(1).max(255).default("upload"),
  format: z.string().max(40).optional().transform((v) => v || undefined),
});

/** The upload was bigger than the limit; says the limit so the user knows what fits. */
class UploadTooLargeError extends AppError {
  constructor(maxBytes: number) {
    const limit = maxBytes >= 1024 * 1024 ? `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB` : `${maxBytes} bytes`;
    super("payload_too_large", `The file is larger than the upload limit of ${limit}; import it with the CLI, or raise SIFT_MAX_UPLOAD_MB.`, 413);
  }
}

/**
 * Writes the request body to `path`, counting bytes; past `maxBytes` it stops writing, reads off
 * the rest (so the client sees the 413 instead of a reset connection) and throws. An aborted
 * request rejects, and the caller deletes what was written.
 */
export async function saveUploadToFile(req: Readable, path: string, maxBytes: number): Promise<number> {
  let bytes = 0;
  let tooLarge = false;
  async function* counted(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        tooLarge = true;
        return;
      }
      yield chunk;
    }
  }
  // destroyOnReturn: false keeps the request open after we stop early, to drain it below.
  await pipeline(req.iterator({ destroyOnReturn: false }), counted, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  if (tooLarge) {
    req.resume();
    await finished(req).catch(() => undefined);
    throw new UploadTooLargeError(maxBytes);
  }
  return bytes;
}

/** Streams the upload into a fresh private directory, hands its path to `use`, and always removes it. */
async function withUploadedFile<T>(req: Request, options: UploadOptions, use: (path: string) => Promise<T>): Promise<T> {
  const declared = Number(req.headers["content-length"]);
  if (declared > options.maxBytes) {
    req.resume(); // nothing is written; read off the body so the client gets the answer
    await finished(req).catch(() => undefined);
    throw new UploadTooLargeError(options.maxBytes);
  }
  const dir = await mkdtemp(join(options.tmpDir, "sift-upload-"));
  try {
    const path = join(dir, "upload"); // the user's name for the file never reaches the disk
    try {
      await saveUploadToFile(req, path, options.maxBytes);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError("upload_interrupted", "The upload was interrupted before the whole file arrived; try again.", 400);
    }
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The defaults for a database: imports in a worker thread on its own connection, in-process for `:memory:`. */
export function defaultUploadOptions(db: Db): UploadOptions {
  const inProcess: ImportRunner = async (job) => importFile(db, job.path, { format: job.format, displayName: job.name, actor: job.actor });
  return { maxBytes: DEFAULT_MAX_UPLOAD_BYTES, tmpDir: tmpdir(), runImport: db.memory ? createImportQueue(inProcess) : createImportQueue() };
}

/** POST /api/imports: the file's raw bytes as the body (application/octet-stream), streamed to disk and imported off the event loop. */
export function importsRouter(db: Db, overrides: Partial<UploadOptions> = {}): Router {
  const options: UploadOptions = { ...defaultUploadOptions(db), ...overrides };
  const router = Router();
  router.post("/imports", async (req, res) => {
    const { name, format } = ImportQuerySchema.parse(req.query);
    if (req.is("application/octet-stream") !== "application/octet-stream") {
      throw new AppError("unsupported_media_type", "send the file's bytes with Content-Type: application/octet-stream", 415);
    }
    const actor = sessionUser(res).username;
    const threads: ImportedThread[] = await withUploadedFile(req, options, (path) =>
      options.runImport({ dbPath: db.name, path, name, format, actor }),
    );
    res.status(201).json({ threads });
  });
  return router;
}
