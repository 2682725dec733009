import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../schemas/thread";
import { BUILTIN_RULES } from "./catalogue";
import { loadCorpus } from "./eval/corpus";
import { siftPredictor } from "./eval/predict";

describe("built-in rule catalogue", () => {
  it("lists every rule id the engine raises on the labelled corpus", () => {
    const corpus = loadCorpus();
    const predict = siftPredictor(corpus.articles);
    const raised = new Set<string>();
    for (const item of corpus.items) {
      // Reasons are "rule[evidence]".
      for (const reason of predict(item).reasons) raised.add(reason.slice(0, reason.indexOf("[")));
    }
    const known = new Set(BUILTIN_RULES.map((r) => r.id));
    const missing = [...raised].filter((id) => !known.has(id)).sort();
    expect(missing, `rule ids raised on the corpus but missing from catalogue.ts: ${missing.join(", ")}`).toEqual([]);
  });

  it("lists every rule id written literally in the phases and the engine", () => {
    const dirs = [import.meta.dirname, join(import.meta.dirname, "phases")];
    const written = new Set<string>();
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "catalogue.ts")) {
        for (const m of readFileSync(join(dir, file), "utf8").matchAll(/"((?:threat|slur|insult|profanity|spam|off_topic)\.[a-z_.-]+)"/g)) written.add(m[1]!);
      }
    }
    const known = new Set(BUILTIN_RULES.map((r) => r.id));
    const missing = [...written].filter((id) => !known.has(id)).sort();
    expect(missing, `rule ids in the rules' source but missing from catalogue.ts: ${missing.join(", ")}`).toEqual([]);
  });

  it("has one entry per id, in a real category matching the id's prefix, with a description", () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) {
      expect(CATEGORIES).toContain(r.category);
      expect(r.id.startsWith(`${r.category}.`), r.id).toBe(true);
      expect(r.description.length).toBeGreaterThan(10);
    }
  });
});
