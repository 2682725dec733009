import { test as base, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { QueuePage } from "./page-models/queue-page";
import { SignInPage } from "./page-models/sign-in-page";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Imports a file into the running server's database through the CLI, as a user would. */
function importThroughCli(file: string): void {
  const db = process.env.SIFT_E2E_DB;
  if (!db) throw new Error("SIFT_E2E_DB is not set: run the suite with -c e2e/playwright.config.ts");
  execFileSync("npx", ["tsx", "server/src/cli/main.ts", "import", file, "--db", db], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
}

/** Creates an account through the CLI (password on stdin, as CONTRACT.md says); an existing one is kept. */
function addUserThroughCli(username: string, role: string, password: string): void {
  const db = process.env.SIFT_E2E_DB;
  if (!db) throw new Error("SIFT_E2E_DB is not set: run the suite with -c e2e/playwright.config.ts");
  try {
    execFileSync("npx", ["tsx", "server/src/cli/main.ts", "users", "add", username, "--role", role, "--db", db], {
      cwd: REPO_ROOT,
      input: `${password}\n`,
      stdio: ["pipe", "pipe", "pipe"],
      timeout: 60_000,
    });
  } catch (err) {
    if (!String((err as { stderr?: unknown }).stderr).includes("already exists")) throw err;
  }
}

interface TestFixtures {
  queue: QueuePage;
  signInPage: SignInPage;
}

interface WorkerFixtures {
  /** The thread of e2e/fixtures/hostile.csv (markup and script in bodies), imported once per worker. */
  hostileThread: { title: string };
  /** A viewer account (read only), created once per worker. */
  viewerAccount: { username: string; password: string };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  hostileThread: [
    // The import runs after the server has started on an empty database, so the
    // demo thread is imported first; re-importing the same file is idempotent.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      importThroughCli(fileURLToPath(new URL("./fixtures/hostile.csv", import.meta.url)));
      await use({ title: "E2E budget hearing" });
    },
    { scope: "worker" },
  ],
  viewerAccount: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const account = { username: "e2e-viewer", password: "viewer-Pass-2718!" };
      addUserThroughCli(account.username, "viewer", account.password);
      await use(account);
    },
    { scope: "worker" },
  ],
  queue: async ({ page }, use) => {
    await use(new QueuePage(page));
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
});

export { expect };
