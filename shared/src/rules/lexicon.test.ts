import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GROUP_TERMS, IdentityPackSchema, IDENTITY_SLURS, InsultPackSchema, PROFANITY, ProfanityPackSchema, STRONG_INSULTS, TARGETED_INSULTS } from "./lexicon";

const PACK = join(import.meta.dirname, "pack");
const read = (name: string): unknown => JSON.parse(readFileSync(join(PACK, name), "utf8"));
const SCHEMAS = { "lexicon-profanity.json": ProfanityPackSchema, "lexicon-insults.json": InsultPackSchema, "lexicon-identity.json": IdentityPackSchema } as const;

describe("the built-in lexicon pack", () => {
  it.each(Object.entries(SCHEMAS))("%s passes its schema", (name, schema) => {
    const parsed = schema.safeParse(read(name));
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
  });

  it("has a schema for every lexicon file in the pack", () => {
    const files = readdirSync(PACK).filter((f) => f.startsWith("lexicon") && f.endsWith(".json"));
    expect(files.sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  it("refuses a malformed edit, naming where it is wrong", () => {
    const broken = { ...(read("lexicon-insults.json") as object), insultNouns: ["Clown"] };
    const parsed = InsultPackSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["insultNouns", 0]);
  });

  it("keeps the exported lists other modules build on", () => {
    for (const list of [PROFANITY, STRONG_INSULTS, IDENTITY_SLURS]) expect(list.length).toBeGreaterThan(5);
    expect(GROUP_TERMS).toContain("muslims");
    expect(TARGETED_INSULTS).toContain("clown");
  });

  it("never lists a word twice as a different entry of the same list", () => {
    for (const list of [PROFANITY, STRONG_INSULTS, IDENTITY_SLURS]) {
      const forms = list.flatMap((e) => [e.base, ...(e.forms ?? [])]);
      expect(forms.filter((f, i) => forms.indexOf(f) !== i)).toEqual([]);
    }
  });
});
