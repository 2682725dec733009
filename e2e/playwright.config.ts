import { defineConfig } from "@playwright/test";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A fixed port the dev server (8080) and `npm start` defaults never use. */
const PORT = Number(process.env.SIFT_E2E_PORT ?? 8199);
const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

// One fresh database per run, so the server imports its demo thread on start.
// Workers load this file again; the env var carries the runner's choice to them.
if (!process.env.SIFT_E2E_DB) {
  process.env.SIFT_E2E_DB = join(tmpdir(), `sift-e2e-${process.pid}-${Date.now()}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(process.env.SIFT_E2E_DB + suffix, { force: true });
}
// Belt and braces: the suite only ever uses /usr/bin/chromium.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

export default defineConfig({
  testDir: "./tests",
  globalTeardown: "./global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx server/src/index.ts",
    cwd: REPO_ROOT,
    url: `http://127.0.0.1:${PORT}/`,
    env: {
      PORT: String(PORT),
      SIFT_DB: process.env.SIFT_E2E_DB,
      SIFT_ADMIN_PASSWORD: process.env.SIFT_E2E_PASSWORD ?? "e2e-Pass-5150!",
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
