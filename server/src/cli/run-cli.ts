import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

/** The repository root, for tests that start the CLI the way a user does. */
export const REPO_ROOT = resolve(import.meta.dirname, "../../..");
const TSX = join(REPO_ROOT, "node_modules/.bin/tsx");

/**
 * Runs the CLI as a child process, as a user would: from `cwd`, with a clean
 * environment apart from PATH and HOME (npm's INIT_CWD would move relative
 * paths), and with `input` on stdin so that stdin is not a terminal. For tests.
 */
export function runCli(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(TSX, [join(REPO_ROOT, "server/src/cli/main.ts"), ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    input: options.input ?? "",
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
