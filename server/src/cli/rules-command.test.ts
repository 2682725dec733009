import { FlagSchema } from "@sift/shared";
import { evaluateThread } from "@sift/shared/rules";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";


/** Runs the CLI as a user would. */
const sift = (...args: string[]) => runCli(args);

/** What the engine says in-process, so these tests follow the rules as they improve. */
function engineFlags(text: string, article = "") {
  return evaluateThread({ article: { title: "", body: article }, comments: [{ external_id: "1", parent_external_id: null, author: "", body: text }] })[0];
}

const ABUSIVE = "you f-u-c-k-i-n-g idiot";
const ARTICLE =
  "Councillors voted to close the Harwick Road bus depot next spring and move its forty buses to a new site on the ring road. " +
  "The transport committee said the move would save money on maintenance, but drivers warned that early routes to the hospital would start later.";

describe("sift rules test", { timeout: 60_000 }, () => {
  it("prints the engine's flags as one JSON document with --json", () => {
    const run = sift("rules", "test", ABUSIVE, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { flags: unknown[] };
    expect(out.flags.map((f) => FlagSchema.parse(f))).toEqual(engineFlags(ABUSIVE));
    expect(out.flags.length).toBeGreaterThan(0);
  });

  it("prints each flag's category, rule, evidence, explanation and confidence as text", () => {
    const run = sift("rules", "test", ABUSIVE);
    expect(run.code).toBe(0);
    for (const f of engineFlags(ABUSIVE)!) {
      expect(run.stdout).toContain(`${f.category}  ${f.rule}  confidence ${f.confidence.toFixed(2)}`);
      expect(run.stdout).toContain(JSON.stringify(f.evidence));
      expect(run.stdout).toContain(f.explanation);
    }
  });

  it("judges the comment against the article given with --context", () => {
    const comment = "Does anyone know a good plumber? My boiler has packed in again.";
    const run = sift("rules", "test", comment, "--context", ARTICLE, "--json");
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { flags: unknown[] }).flags).toEqual(engineFlags(comment, ARTICLE));
  });

  it("says so when nothing is flagged, and fails with one line when the text is missing", () => {
    expect(sift("rules", "test", "Lovely photos of the bakery, thank you.").stdout).toBe("no flags\n");
    const missing = sift("rules", "test");
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("missing required argument");
  });
});
