// Starts a rules worker thread. Worker threads do not inherit tsx's loader from the parent, so this
// plain-JS file registers it before loading the TypeScript body (as import-worker-entry.mjs does).
// A spooled-rules worker (workerData.spool) reports a failure to load through its signal board: the
// store waiting for it cannot see the worker's error event.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

try {
  register();
  const { serveRulesJobs, serveSpooledRules } = await import("./rules-worker.ts");
  if (workerData?.spool) serveSpooledRules(workerData);
  else serveRulesJobs();
} catch (err) {
  if (!workerData?.spool) throw err;
  workerData.port.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  const signal = new Int32Array(workerData.signal);
  Atomics.add(signal, 1, 1);
  Atomics.notify(signal, 1);
}
