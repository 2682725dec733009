import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults PORT and SIFT_DB, resolving against INIT_CWD and creating the data dir", () => {
    const dir = mkdtempSync(join(tmpdir(), "sift-config-"));
    try {
      const config = loadConfig({ INIT_CWD: dir });
      expect(config).toMatchObject({ port: 8080, dbPath: join(dir, "data", "sift.db"), baseDir: dir });
      expect(statSync(join(dir, "data")).isDirectory()).toBe(true);
      expect(Object.isFrozen(config)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("honours PORT and an absolute SIFT_DB, and treats empty as unset", () => {
    expect(loadConfig({ PORT: "3000", SIFT_DB: "/tmp/x/y.db" }, { createDataDir: false })).toMatchObject({ port: 3000, dbPath: "/tmp/x/y.db" });
    expect(loadConfig({ PORT: "" }, { createDataDir: false }).port).toBe(8080);
  });

  it("fails fast naming the bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty" }, { createDataDir: false })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" }, { createDataDir: false })).toThrow(/PORT/);
  });

  it("reads the upload limit in megabytes (default 50), refusing zero, negatives and words", () => {
    expect(loadConfig({}, { createDataDir: false }).maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ SIFT_MAX_UPLOAD_MB: "" }, { createDataDir: false }).maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(loadConfig({ SIFT_MAX_UPLOAD_MB: "200" }, { createDataDir: false }).maxUploadBytes).toBe(200 * 1024 * 1024);
    expect(loadConfig({ SIFT_MAX_UPLOAD_MB: "0.5" }, { createDataDir: false }).maxUploadBytes).toBe(512 * 1024);
    for (const bad of ["0", "-1", "lots", "99999"]) {
      expect(() => loadConfig({ SIFT_MAX_UPLOAD_MB: bad }, { createDataDir: false })).toThrow(/SIFT_MAX_UPLOAD_MB/);
    }
  });
});
