import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_PACK_VERSION } from "./index";

const PACK_DIR = join(import.meta.dirname, "pack");

describe("rule pack version", () => {
  const files = readdirSync(PACK_DIR).filter((f) => f.endsWith(".json"));

  it("has data files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s carries the pack's version, so a flag's recorded version names the lists that raised it", (file) => {
    const data = JSON.parse(readFileSync(join(PACK_DIR, file), "utf8")) as { version?: unknown };
    expect(data.version).toBe(RULE_PACK_VERSION);
  });
});
