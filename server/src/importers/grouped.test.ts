import { describe, expect, it } from "vitest";
import { MemorySink, planThreads, type GroupedFormat } from "./grouped";
import { parseJsonLines } from "./json-records";

const identity: GroupedFormat = {
  open: () => ({ write: () => {}, end: () => ({ ok: true, notes: [], context: null }) }),
  build: () => {
    throw new Error("not used");
  },
};

describe("planThreads", () => {
  it("puts described groups in the order of their descriptions, then the rest by first item, and skips groups without items", () => {
    const sink = new MemorySink();
    sink.add("b", 1);
    sink.describe("a", "A");
    sink.add("a", 2);
    sink.describe("b", "B");
    sink.add("c", 3);
    sink.describe("empty", "E");
    const plans = planThreads(identity, sink.seen, null);
    expect(plans.map((p) => p.key)).toEqual(["a", "b", "c"]);
    expect(plans.map((p) => p.groups.map((g) => sink.seen[g]!.meta))).toEqual([["A"], ["B"], [undefined]]);
  });

  it("merges groups that share a thread key, keeping items in file order", () => {
    const sink = new MemorySink();
    for (const [key, item] of [["x1", 1], ["y", 2], ["x2", 3], ["x1", 4]] as const) sink.add(key, item);
    const merging: GroupedFormat = { ...identity, threadKeyOf: (key) => key.slice(0, 1) };
    const plans = planThreads(merging, sink.seen, null);
    expect(plans.map((p) => [p.key, sink.itemsOf(p)])).toEqual([["x", [1, 3, 4]], ["y", [2]]]);
  });
});

describe("records grouped while reading", () => {
  it("merge into one thread when only a column that does not name the thread differs", () => {
    // "link" is mapped (thread url) but the title decides the thread: two fine groups, one thread.
    const text = [
      { id: "1", body: "first", title: "Budget", link: "https://a.example/1" },
      { id: "2", body: "second", title: "Budget", link: "https://a.example/2" },
      { id: "3", body: "third", title: "Other" },
      { id: "4", parent_id: "1", body: "reply", title: "Budget", link: "https://a.example/1" },
    ].map((r) => JSON.stringify(r)).join("\n");
    const result = parseJsonLines(text);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads.map((t) => [t.title, t.comments.map((c) => c.external_id)])).toEqual([
      ["Budget", ["1", "4", "2"]],
      ["Other", ["3"]],
    ]);
  });

  it("group by a thread column that only later records introduce", () => {
    const text = [{ body: "a" }, { body: "b", thread_id: "9" }, { body: "c" }].map((r) => JSON.stringify(r)).join("\n");
    const result = parseJsonLines(text, { fileName: "dump.jsonl" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.threads.map((t) => [t.external_id, t.comments.map((c) => c.body)])).toEqual([
      [null, ["a", "c"]],
      ["9", ["b"]],
    ]);
  });
});
