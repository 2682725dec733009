import { describe, expect, it } from "vitest";
import { diffPage, parseFixture, type PageCase } from "./text-page-test-support";

/** Disqus as copied from the page: header on several lines or one ("Name • 3 hours ago"), the parent's name after a reply's author, action footers. */
const CASES: PageCase[] = [
  {
    fixture: "text-disqus-stacked.txt",
    title: "Senate Passes Stopgap Budget Hours Before Shutdown Deadline",
    bodyStart: "The state Senate approved a 45-day stopgap spending bill",
    bodyEnd: "The House passed an identical bill on Wednesday.",
    sourceNote: "This article was originally published by The Statehouse Report and is republished here under a Creative Commons license.",
    declared: 5,
    comments: [
      ["Helen Ruiz", "Forty-five days just means", 1],
      ["bigsky_mike", "They can't, that's the point.", 1, 1],
      ["Helen Ruiz", "Then they should say so", 1, 2],
      ["D. Okonkwo", "I work at the DMV office in Carver County.", 2],
      ["TRENT2028", "Governor Trent did her job.", 1],
    ],
    chrome: [
      "The Statehouse Report", "Comments", "Sort by Best", "Join the discussion…", "Log in with", "or sign up with Disqus ?", "Name",
      "14", "22", "3 hours ago", "ALSO ON THE STATEHOUSE REPORT", "Redistricting panel misses second deadline", "2 comments • 1 day ago",
    ],
    notInArticle: ["By Marcus Bell and Ana Ferreira", "Updated 11:42 PM", "Reader-funded since 2011", "House leaders trade blame"],
  },
  {
    fixture: "text-disqus-inline.txt",
    title: "Hands On: The Folding Phone That Finally Fixed The Crease",
    bodyStart: "We spent a week with the new flagship.",
    bodyEnd: "without a long list of caveats.",
    sourceNote: null,
    declared: 8,
    comments: [
      ["pixelpusher", "Eleven hours is fine?", 1],
      ["Rosa Delgado", "Does the inner screen still have", 1],
      ["NightOwl Tech", "It does, but it is much thicker now", 1, 2],
      ["Rosa Delgado", "Good to know, thanks!", 1, 3],
      ["gr8_deals_4u", "Get 70% off phone cases at https://cheapcases.example/promo", 1],
      ["Jonas Becker", "I have had every one of these", 2],
      ["W.H. Tan", "Nope.", 1],
      ["pixelpusher", "Which apps?", 1, 6],
    ],
    chrome: ["3", "Sort by Newest", "Join the discussion…", "Become a NightOwl supporter and go ad-free."],
    notInArticle: ["Filed under: Phones, Reviews", "Sponsored", "The laptop bag that survived our drop test"],
  },
  {
    fixture: "text-disqus-oneline-footer.txt",
    title: "Rain Ruins Final Day As Westshire Settle For Draw At Hollow Park",
    bodyStart: "Only 23 overs were possible on the last afternoon",
    bodyEnd: "with leaders Northfold due to host them in the final round.",
    sourceNote: "Originally appeared at countycricketdaily.example",
    declared: 5,
    comments: [
      ["Geoff Pym", "Twenty-three overs and they still charged", 1],
      ["harte_fan_club", "Harte should be in the England squad.", 2],
      ["Geoff Pym", "Agreed, but England will pick", 1, 2],
      ["Mo Siddiqui", "Covers came on far too slowly", 1],
      ["Liz 2", "See you all at Northfold!", 1],
    ],
    chrome: [
      "Edited", "• Reply • Share ›", "12 • Reply • Share ›", "8 • Reply • Share ›", "Recommend 2", "Show more replies",
      "Also on County Cricket Daily", "County Cricket Daily", "About us | Contact | Advertise", "© 2025 County Cricket Daily",
    ],
    notInArticle: ["Support County Cricket Daily. Donate", "COUNTY CRICKET DAILY", "Tweet"],
  },
  {
    fixture: "text-disqus-deleted.txt",
    title: "Light Rail Extension Opens Six Months Late And $40 Million Over Budget",
    bodyStart: "The four-station extension carried 9,300 riders",
    bodyEnd: "every fifteen minutes in the evening.",
    sourceNote: null,
    declared: 6,
    comments: [
      ["Maya Rosen", "Rode it on Monday.", 1],
      ["Guest", "Wait until the novelty wears off.", 1, 1],
      ["Shoreline Transit Watch", "Thanks Maya.", 1, 1],
      ["hank_the_tank", "$40 MILLION OVER.", 1],
      ["Dr. S. Abernathy", "The soil report for Cove Street", 2],
    ],
    chrome: ["This comment was deleted.", "Edited", "7 • Reply • Share ›", "Recommend 4"],
    notInArticle: ["More from Shoreline Transit Watch", "Bus network redesign"],
  },
  {
    fixture: "text-disqus-sport.txt",
    title: "Keeper's Howler Hands City A Point In Derby Draw",
    bodyStart: "United were two minutes from victory",
    bodyEnd: "both sides in mid-table with eleven games left.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Mick Fallon", "Beck has been brilliant all season.", 1],
      // Answers a comment the page did not load: the name is read as the parent's, and no parent is found.
      ["sarah_t", "He has made three like this", 1],
      ["Pete Lyle", "SACK THE KEEPER COACH.", 1],
      ["Mick Fallon", "Three? Name them.", 1, 2],
    ],
    chrome: ["old_school_red", "The Terrace Talk", "Support The Terrace Talk on Patreon"],
    notInArticle: ["Tags: United, City, derby", "Support The Terrace Talk on Patreon"],
  },
];

describe("parseTextPage: Disqus pages", () => {
  it.each(CASES)("$fixture", (want) => {
    expect(diffPage(parseFixture(want.fixture), want)).toEqual([]);
  });
});
