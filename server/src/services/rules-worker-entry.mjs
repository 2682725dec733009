// Starts a rules worker thread. Worker threads do not inherit tsx's loader from the parent, so this
// plain-JS file registers it before loading the TypeScript body (as import-worker-entry.mjs does).
import { register } from "tsx/esm/api";

register();
const { serveRulesJobs } = await import("./rules-worker.ts");
serveRulesJobs();
