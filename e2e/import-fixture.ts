import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Imports e2e/fixtures/<name> into the running server's database through the CLI, as a user
 * would. Re-importing is idempotent and keeps decisions, so every spec may call it.
 */
export function importFixture(name: string): void {
  const db = process.env.SIFT_E2E_DB;
  if (!db) throw new Error("SIFT_E2E_DB is not set: run the suite with -c e2e/playwright.config.ts");
  execFileSync("npx", ["tsx", "server/src/cli/main.ts", "import", fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "--db", db], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
}

/** The thread of e2e/fixtures/harbour.csv: replies, a threat, insults and a spam author with three comments. */
export const HARBOUR = { file: "harbour.csv", title: "E2E harbour ferry" } as const;

/** Imports any file (e.g. one a test generated) into the running server's database through the CLI. */
export function importFile(path: string): void {
  const db = process.env.SIFT_E2E_DB;
  if (!db) throw new Error("SIFT_E2E_DB is not set: run the suite with -c e2e/playwright.config.ts");
  execFileSync("npx", ["tsx", "server/src/cli/main.ts", "import", path, "--db", db], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
}
