#!/usr/bin/env node
// The e2e suite drives Debian's Chromium and never downloads a browser; fail early, with the fix, when it is missing.
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (Debian)`);
  process.exit(1);
}
