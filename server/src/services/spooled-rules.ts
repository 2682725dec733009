/**
 * The rules of a large spooled import, run on a worker thread while this thread stores (issue 8):
 * the two costs of an import, the rules and the store's writes, are of the same order, and the
 * machine has two cores. The worker reads the finished spool on a connection of its own and posts
 * each comment's flags and import hash back; the store takes them synchronously, inside its
 * transaction, through receiveMessageOnPort and a shared signal board (no event loop turns there).
 * Threads are claimed from a shared counter, so when the store is waiting it takes the next
 * unclaimed thread's rules itself rather than sit idle.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Flag } from "@sift/shared";
import type { SiteRuleSet } from "@sift/shared/rules";
import { openSpoolReader } from "../db/import-spool";
import { SIGNAL, SIGNAL_SLOTS, spooledThreadRules, type SpooledRulesData, type SpooledRulesMessage, type SpooledThreadRules } from "./rules-worker";

const WORKER_ENTRY = new URL("./rules-worker-entry.mjs", import.meta.url);

/** How long the store waits for the worker without hearing from it before giving up (a worker killed by running out of memory says nothing). */
const SILENCE_LIMIT_MS = 10 * 60_000;

/** One thread's results: flags by comment index (only comments that have any), and every comment's import hash. */
export interface ThreadRules {
  flags: Map<number, Flag[]>;
  hashes: string[];
}

/**
 * The worker's side of an import: started when the store begins (not when the file is prepared,
 * so a command importing several large files never holds several idle workers), and while it
 * loads the store takes the first threads' rules itself.
 */
export class SpooledRules {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly signal = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly ready = new Map<number, SpooledThreadRules & { byWorker: boolean }>();
  private reader: ReturnType<typeof openSpoolReader> | undefined;
  private closed = false;
  /** Comments of the thread last taken that the worker evaluated (those count against its lead). */
  private taken = 0;
  /** Threads whose rules the store ran itself. */
  readonly stats = { stolen: 0 };

  constructor(
    private readonly spool: string,
    private readonly threads: number,
    private readonly siteRules: SiteRuleSet | undefined,
    /** `steal: false` leaves every thread to the worker (tests of the worker's side). */
    private readonly options: { steal?: boolean } = {},
  ) {}

  /** The rules of thread `index`; blocks until the worker has them, or runs them here when it can. Throws the worker's error. */
  take(index: number): ThreadRules {
    const port = this.start();
    let silentSince = performance.now();
    for (;;) {
      const found = this.ready.get(index);
      if (found) {
        this.ready.delete(index);
        this.taken = found.byWorker ? found.hashes.length : 0;
        return { flags: new Map(found.flagged), hashes: found.hashes };
      }
      const posted = Atomics.load(this.signal, SIGNAL.posted);
      const received = receiveMessageOnPort(port);
      if (received) {
        this.receive(received.message as SpooledRulesMessage);
        silentSince = performance.now();
        continue;
      }
      // Nothing yet: rather than wait, take the next thread nobody has claimed.
      const claimed = this.options.steal === false ? this.threads : Atomics.add(this.signal, SIGNAL.claim, 1);
      if (claimed < this.threads) {
        this.reader ??= openSpoolReader(this.spool);
        this.ready.set(claimed, { ...spooledThreadRules(claimed, this.reader.thread(claimed), this.siteRules), byWorker: false });
        this.stats.stolen++;
        // The worker's silence is counted from now: this thread's own work is not its fault.
        silentSince = performance.now();
        continue;
      }
      if (performance.now() - silentSince > SILENCE_LIMIT_MS) throw new Error("the rules worker stopped answering");
      Atomics.wait(this.signal, SIGNAL.posted, posted, 1_000);
    }
  }

  /** Tells the worker the store has written the thread last taken, so it may run further ahead. */
  release(): void {
    if (this.taken === 0) return;
    Atomics.add(this.signal, SIGNAL.consumed, this.taken);
    Atomics.notify(this.signal, SIGNAL.consumed);
    this.taken = 0;
  }

  /** Stops the worker, finished or not. */
  close(): void {
    this.closed = true;
    Atomics.store(this.signal, SIGNAL.state, 2);
    Atomics.notify(this.signal, SIGNAL.state);
    Atomics.notify(this.signal, SIGNAL.consumed);
    this.port?.close();
    this.reader?.close();
    this.reader = undefined;
    void this.worker?.terminate();
  }

  /** Starts the worker on the finished spool, once. */
  private start(): MessagePort {
    if (this.port) return this.port;
    if (this.closed) throw new Error("the rules worker was stopped");
    const { port1, port2 } = new MessageChannel();
    Atomics.store(this.signal, SIGNAL.state, 1);
    const data: SpooledRulesData = { spool: this.spool, threads: this.threads, siteRules: this.siteRules, port: port2, signal: this.signal.buffer as SharedArrayBuffer };
    this.worker = new Worker(WORKER_ENTRY, { workerData: data, transferList: [port2] });
    // Errors come through the port (see rules-worker-entry.mjs); this keeps an unexpected one from crashing the process.
    this.worker.on("error", () => {});
    this.worker.unref();
    this.port = port1;
    return port1;
  }

  private receive(message: SpooledRulesMessage): void {
    if ("error" in message) throw new Error(`the rules failed: ${message.error.split("\n")[0]}`);
    for (const result of message.results) this.ready.set(result.thread, { ...result, byWorker: true });
  }
}
