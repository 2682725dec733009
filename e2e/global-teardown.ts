import { rmSync } from "node:fs";

/** Deletes the run's database (created fresh by playwright.config.ts) so /tmp does not fill up across runs. */
export default function removeRunDatabase(): void {
  const db = process.env.SIFT_E2E_DB;
  if (!db) return;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true });
}
