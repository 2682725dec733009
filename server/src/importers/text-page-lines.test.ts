import { describe, expect, it } from "vitest";
import {
  couldBeAuthor,
  declaredCount,
  inlineHeader,
  isAuthorDetail,
  isChromeLine,
  isFooterLine,
  isTimeLine,
  isWidgetChrome,
  parseTimeLine,
  replyTarget,
} from "./text-page-lines";

describe("text-page line classifiers", () => {
  it.each([
    ["26 Comments", 26],
    ["1,204 comments", 1204],
    ["One Response", 1],
    ["No Comments", 0],
    ["12 thoughts on “Council Approves Bike Lanes”", 12],
    ["5 Responses to “Polling Station Moves”", 5],
    ["Comments (4)", 4],
    ["Load 10 more comments", null],
    ["Posted in Hosting | 4 Comments »", null],
    ["2 comments • 1 day ago", null],
  ])("declaredCount(%j) = %j", (line, want) => expect(declaredCount(line)).toBe(want));

  it.each([
    ["3 hours ago", true], ["an hour ago", true], ["1 year ago", true], ["2y", true], ["just now", true],
    ["May 3, 2018 at 10:15 am", true], ["March 3rd, 2009 at 9:14 pm", true], ["4 March 2024 at 18:02", true],
    ["2024-03-04 18:02", true], ["Hours ago the council met.", false], ["May the best team win", false],
  ])("isTimeLine(%j) = %j", (line, want) => expect(isTimeLine(line)).toBe(want));

  it.each([
    ["May 3, 2018 at 10:15 am", "2018-05-03T10:15:00.000Z"],
    ["March 3rd, 2009 at 9:14 pm", "2009-03-03T21:14:00.000Z"],
    ["4 March 2024 at 18:02", "2024-03-04T18:02:00.000Z"],
    ["May 3, 2018 at 10:15 am (Edit)", "2018-05-03T10:15:00.000Z"],
    ["May 3rd, 2008 at 10:15 am edit", "2008-05-03T10:15:00.000Z"],
    ["3 hours ago", null],
  ])("parseTimeLine(%j) = %j", (line, want) => expect(parseTimeLine(line)).toBe(want));

  it.each([
    "Reply", "5 • Reply • Share ›", "Like · Reply · 14 · 2y", "Like · Reply · 18 · 1y · Edited", "-7", "5 points", "1 point",
    "Edited", "Last edited 1 year ago by oldtimer1962",
  ])("isFooterLine(%j)", (line) => expect(isFooterLine(line)).toBe(true));

  it.each(["Liz 2", "LOL", "Reply to Sam Hollis", "Share your thoughts on this."])("not a footer: %j", (line) =>
    expect(isFooterLine(line)).toBe(false),
  );

  it.each(["Avatar", "View 2 more replies", "Recommend 2", "Show more replies", "Pingback: A Blog | Site", "•", "⚑", "Write your comment..."])(
    "isWidgetChrome(%j)",
    (line) => expect(isWidgetChrome(line)).toBe(true),
  );

  it.each([
    "We use cookies to give you the best experience on our site.",
    "Help keep the Gazette free to read. Donate",
    "Become a member today",
    "Terms | Privacy | Contact",
    "© 2025 County Cricket Daily",
    "9 DAYS LEFT UNTIL THE END OF NOVEMBER",
  ])("isChromeLine(%j)", (line) => expect(isChromeLine(line)).toBe(true));

  // Article sentences about the same things must stay article text.
  it.each([
    "Residents can donate at the library until Friday, organisers said.",
    "\"We hope people will support our bid,\" she said.",
    "Under the new rules, sites must ask before they use cookies, and users must be able to decline.",
    "The artist raised most of the money for the mural through monthly pledges on Patreon last year.",
  ])("not chrome: %j", (line) => expect(isChromeLine(line)).toBe(false));

  it.each([
    ["Geoff Pym • 6 hours ago", { author: "Geoff Pym", time: "6 hours ago" }],
    ["Helen Ruiz Mod • 3 hours ago", { author: "Helen Ruiz", time: "3 hours ago" }],
    ["Gary N. Says:", { author: "Gary N.", time: null }],
    ["Jane Doe on May 3, 2018 at 10:15 am said:", { author: "Jane Doe", time: "May 3, 2018 at 10:15 am" }],
    ["Fish • chips", null],
  ])("inlineHeader(%j)", (line, want) => expect(inlineHeader(line)).toEqual(want));

  it.each([["Reply to  Sam Hollis", "Sam Hollis"], ["Replying to @jane", "jane"], ["Reply", null]])("replyTarget(%j) = %j", (line, want) =>
    expect(replyTarget(line)).toBe(want),
  );

  it.each([
    ["gearhead_77", true], ["J.T. Barnes", true], ["The Elm Street Regular", true], ["Chen Wei 88", true], ["k. lindqvist", true],
    ["This.", false], ["Subscribe", false], ["https://example.org/x", false], ["3 hours ago", false], ["26 Comments", false],
  ])("couldBeAuthor(%j) = %j", (line, want) => expect(couldBeAuthor(line)).toBe(want));

  it.each([["Top fan", true], ["Works at Pine Ridge High School", true], ["Author", true], ["From my experience, no.", false]])(
    "isAuthorDetail(%j) = %j",
    (line, want) => expect(isAuthorDetail(line)).toBe(want),
  );
});
