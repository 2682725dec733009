import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toFtsQuery } from "../db/search-repo";
import { createTestDb } from "../db/test-db";
import { decideComment } from "./decision-service";
import { commentIdFor } from "./ids";
import { storePreparedFile } from "./import-service";
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
