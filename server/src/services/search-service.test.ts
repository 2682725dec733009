import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toFtsQuery } from "../db/search-repo";
import { createTestDb } from "../db/test-db";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { storePreparedFile } from "./import-service";
import { BULK_LOAD_COMMENTS } from "./import-store";
import { listQueuePage } from "./queue-service";
import { isSearchIndexConsistent, rebuildSearchIndex } from "./search-service";
import { makeComment, makeThread } from "./test-fixtures";

let t: ReturnType<typeof createTestDb>;
let threadId: string;
const cid = (ext: string) => commentIdFor(threadId, ext);
const search = (q: string) => listQueuePage(t.db, { view: "all", q, limit: 50 }).comments.map((c) => c.id);

function importBodies(bodies: Record<string, string>): void {
  const comments = Object.entries(bodies).map(([id, body]) => makeComment(id, { body }));
  threadId = storePreparedFile(t.db, { file: "f", threads: [{ thread: makeThread({ comments }), flags: comments.map(() => []) }] })[0]!.id;
}

beforeEach(() => {
  t = createTestDb();
  importBodies({ a: "The cycle lane is a disgrace", b: "Idiots everywhere, buy cheap pills", c: "Café owners love it" });
});
afterEach(() => t.cleanup());

describe("toFtsQuery", () => {
  it.each([
    ["idiot", '"idiot"*'],
    ["cycle lane", '"cycle"* "lane"*'],
    ['body:"x" OR NEAR(', '"body"* "x"* "OR"* "NEAR"*'],
    ["  %%% ", null],
  ])("%j → %j", (q, expected) => {
    expect(toFtsQuery(q)).toBe(expected);
  });
});

describe("comment search", () => {
  it("finds words by prefix, in any case and accent, across body and author", () => {
    expect(search("idiot")).toEqual([cid("b")]);
    expect(search("LANE cycle")).toEqual([cid("a")]);
    expect(search("cafe")).toEqual([cid("c")]);
    expect(search("author")).toHaveLength(3); // every author is "author <id>"
    expect(search("lane pills")).toEqual([]);
    expect(search('"')).toEqual([]);
  });

  it("follows re-imports that edit, add and drop comments", () => {
    importBodies({ a: "Now about parking instead", d: "A brand new disgrace" });
    expect(search("disgrace")).toEqual([cid("d")]);
    expect(search("parking")).toEqual([cid("a")]);
    expect(search("idiots")).toEqual([]);
    expect(isSearchIndexConsistent(t.db)).toBe(true);
  });

  it("is not touched by decisions, and a rebuild recovers an index that drifted", () => {
    decideComment(t.db, cid("b"), { action: "remove" });
    expect(search("pills")).toEqual([cid("b")]);
    t.db.exec("INSERT INTO comments_fts (comments_fts) VALUES ('delete-all')");
    expect(search("pills")).toEqual([]);
    rebuildSearchIndex(t.db);
    expect(search("pills")).toEqual([cid("b")]);
    expect(isSearchIndexConsistent(t.db)).toBe(true);
  });
});

describe("comment search after a bulk import", () => {
  const bulk = (prefix: string, words: (i: number) => string): Record<string, string> =>
    Object.fromEntries(Array.from({ length: BULK_LOAD_COMMENTS + 1 }, (_, i) => [`${prefix}${i}`, words(i)]));

  it("indexes a bulk load in one go, then small imports through the trigger again", () => {
    importBodies(bulk("n", (i) => `bulk number ${i} ${i === 77 ? "zeppelin" : "plain"}`));
    expect(search("zeppelin")).toEqual([cid("n77")]);
    expect(search("pills")).toEqual([]); // the first import's comments left the page
    expect(isSearchIndexConsistent(t.db)).toBe(true);
    importBodies({ s: "a small import about trams" });
    expect(search("trams")).toEqual([cid("s")]);
    expect(isSearchIndexConsistent(t.db)).toBe(true);
  });

  it("stays right when a bulk re-import edits, drops and adds comments", () => {
    importBodies(bulk("n", (i) => `first version ${i}`));
    importBodies({ ...bulk("n", (i) => (i === 3 ? "second version okapi" : `first version ${i}`)), extra: "brand new walrus" });
    expect(search("walrus")).toEqual([cid("extra")]);
    expect(search("okapi")).toEqual([cid("n3")]);
    expect(search("version 3 first")).not.toContain(cid("n3"));
    expect(isSearchIndexConsistent(t.db)).toBe(true);
  });

  it("leaves the index and its trigger as they were when a bulk import fails", () => {
    const comments = Object.entries(bulk("n", (i) => `doomed ${i}`)).map(([id, body]) => makeComment(id, { body }));
    comments.push(makeComment("n1", { body: "the same id twice" }));
    const file = { file: "f", threads: [{ thread: makeThread({ comments }), flags: comments.map(() => []) }] };
    expect(() => storePreparedFile(t.db, file)).toThrow(/appears twice/);
    expect(search("doomed")).toEqual([]);
    importBodies({ s: "a small import about trams" });
    expect(search("trams")).toEqual([cid("s")]);
    expect(isSearchIndexConsistent(t.db)).toBe(true);
  });
});
