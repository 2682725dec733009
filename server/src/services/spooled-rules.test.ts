import { compileSiteRules } from "@sift/shared/rules";
import type { ThreadImport } from "@sift/shared";
import { afterEach, describe, expect, it } from "vitest";
import { ImportSpool } from "../db/import-spool";
import { spooledThreadRules } from "./rules-worker";
import { SpooledRules, type ThreadRules } from "./spooled-rules";
import { makeComment, makeThread } from "./test-fixtures";

const siteRules = compileSiteRules([{ id: "rival", kind: "word", pattern: "brexitbet", category: "spam", action: "hold", enabled: true }]).set;

/** Threads of different sizes, with insults, threats, spam and a site rule's word among plain comments. */
const threads: ThreadImport[] = Array.from({ length: 7 }, (_, t) =>
  makeThread({
    title: `Thread ${t} on the bus timetable`,
    comments: Array.from({ length: 3 + t * 40 }, (_, c) =>
      makeComment(`t${t}c${c}`, {
        body: [
          "The new timetable leaves a gap of forty minutes at lunchtime.",
          "You are a complete idiot and everyone here knows it.",
          "Try brexitbet now for free bets!",
          "I know where you live and I will make you pay for this.",
          "Buses at night would help the shift workers at the hospital.",
        ][(c + t) % 5]!,
        parent_external_id: c % 4 === 3 ? `t${t}c${c - 1}` : null,
      }),
    ),
  }),
);

const spools: ImportSpool[] = [];
afterEach(() => {
  for (const spool of spools.splice(0)) spool.close();
});

function spoolOf(list: ThreadImport[]): ImportSpool {
  const spool = new ImportSpool();
  spools.push(spool);
  spool.finishReading();
  for (const { comments, ...meta } of list) spool.addPreparedThread(meta, comments.map((comment) => ({ comment, flags: [] })));
  spool.finishPreparing();
  return spool;
}

/** What the store would get if the rules ran on its own thread. */
function expected(index: number): ThreadRules {
  const result = spooledThreadRules(index, threads[index]!, siteRules);
  return { flags: new Map(result.flagged), hashes: result.hashes };
}

/** Every thread's rules, in order, as the store takes them (each released once written). */
function takeAll(rules: SpooledRules): ThreadRules[] {
  return threads.map((_, i) => {
    const result = rules.take(i);
    rules.release();
    return result;
  });
}

describe("rules run on a worker during the store", () => {
  it("give every thread, in order, the flags and hashes this thread would compute", () => {
    const spool = spoolOf(threads);
    const rules = new SpooledRules(spool.path, threads.length, siteRules, { steal: false });
    try {
      const taken = takeAll(rules);
      expect(taken).toEqual(threads.map((_, i) => expected(i)));
      expect(rules.stats.stolen).toBe(0);
      // The site's own rule reached the worker: the spam word is flagged by it.
      expect([...taken[0]!.flags.values()].flat().some((flag) => flag.rule === "site.rival")).toBe(true);
    } finally {
      rules.close();
    }
  });

  it("give the same results when the store takes threads the worker has not claimed", () => {
    const spool = spoolOf(threads);
    const rules = new SpooledRules(spool.path, threads.length, siteRules);
    try {
      // Asked at once, before the worker has loaded: the store runs the first threads itself.
      const taken = takeAll(rules);
      expect(taken).toEqual(threads.map((_, i) => expected(i)));
      expect(rules.stats.stolen).toBeGreaterThan(0);
    } finally {
      rules.close();
    }
  });

  it("report a worker that cannot read its spool as an error, instead of waiting for it", () => {
    const spool = spoolOf(threads.slice(0, 1));
    const rules = new SpooledRules(`${spool.path}.missing`, 1, undefined, { steal: false });
    try {
      expect(() => rules.take(0)).toThrow(/^the rules failed: .*unable to open database file/);
    } finally {
      rules.close();
    }
  });

  it("can be stopped before it starts, and then starts no worker", () => {
    const spool = spoolOf(threads.slice(0, 2));
    const rules = new SpooledRules(spool.path, 2, undefined);
    rules.close();
    // Closing twice (a failed store, then the caller's discard) is harmless.
    rules.close();
    expect(() => rules.take(0)).toThrow("the rules worker was stopped");
  });
});
