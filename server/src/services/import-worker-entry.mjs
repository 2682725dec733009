// Starts an import worker thread. Worker threads do not inherit tsx's loader from the parent (neither
// under `npm start` nor under vitest), so this plain-JS file registers it before loading the
// TypeScript worker body, as server/bin/sift.mjs does for the CLI.
import { register } from "tsx/esm/api";

register();
const { serveImportJob } = await import("./import-worker.ts");
serveImportJob();
