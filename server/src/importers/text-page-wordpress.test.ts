import { describe, expect, it } from "vitest";
import { diffPage, parseFixture, type PageCase } from "./text-page-test-support";

/**
 * WordPress's own comment list: "N thoughts on “Title”", "Name says:" or a
 * bare name, an absolute date, the body, and a "Reply" link that the deepest
 * level of a thread does not get (which is how nesting shows in plain text).
 */
const CASES: PageCase[] = [
  {
    fixture: "text-wordpress-says.txt",
    title: "Library Branch On Cannery Row To Reopen After Two-Year Renovation",
    bodyStart: "The Cannery Row branch library will reopen",
    bodyEnd: "tours of the maker space every hour after lunch.",
    sourceNote: null,
    declared: 6,
    comments: [
      ["Carol Winters", "Wonderful news.", 1, null, "2018-05-03T10:15:00.000Z"],
      ["Dan", "Two years and how much over budget?", 1, null, "2018-05-03T12:40:00.000Z"],
      ["hpneighbors", "@Dan the final figure", 1, 2, "2018-05-03T14:05:00.000Z"],
      ["Rafael Ortiz", "The ramp alone was worth the wait.", 2, null, "2018-05-04T08:22:00.000Z"],
      ["Mei-Ling Cho", "This.", 1, 4, "2018-05-04T21:47:00.000Z"],
      ["Rafael Ortiz", "Thanks Mei-Ling.", 1, 4, "2018-05-05T07:30:00.000Z"],
    ],
    chrome: [
      "Leave a Reply Cancel reply", "Comment *", "Name *", "Email *", "Website", "Proudly powered by WordPress",
      "May 3, 2018 at 10:15 am", "Save my name, email, and website in this browser for the next time I comment.",
    ],
    notInArticle: ["Posted on May 2, 2018 by hpneighbors", "Please support our volunteer newsroom", "Posted in Community"],
  },
  {
    fixture: "text-wordpress-dated.txt",
    title: "Polling Station Moves To St Anne's Hall For May Elections",
    bodyStart: "Residents in the Eastgate ward will vote",
    bodyEnd: "will update this post when I hear back.",
    sourceNote: null,
    declared: 5,
    comments: [
      ["Bill Hartigan", "St Anne's is a good choice.", 1, null, "2024-03-04T18:02:00.000Z"],
      ["Shona McLeod", "A shuttle from Marsh Road", 2, null, "2024-03-04T19:30:00.000Z"],
      ["Cllr Nadia Rahman", "Thanks Shona, that is exactly", 1, 2, "2024-03-05T08:15:00.000Z"],
      ["anon_eastgate", "NOBODY ASKED US. AS USUAL.", 1, null, "2024-03-05T22:47:00.000Z"],
      ["Bill Hartigan", "Respectfully, the school asked", 1, 4, "2024-03-06T09:05:00.000Z"],
    ],
    chrome: ["Eastgate Ward Blog", "Privacy Policy", "Powered by WordPress", "4 March 2024 at 18:02"],
    notInArticle: ["4 March 2024 by Cllr Nadia Rahman", "Categories: Elections, Eastgate", "Notes from your local councillor"],
  },
  {
    fixture: "text-wordpress-classic.txt",
    title: "Why I Moved My Blog Off Shared Hosting After Eleven Years",
    bodyStart: "For eleven years this blog lived on the same shared hosting plan",
    bodyEnd: "for anyone thinking of doing the same.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Gary N.", "Who did you move to?", 1, null, "2009-03-03T21:14:00.000Z"],
      ["Paula Jensen", "Great post.", 1, null, "2009-03-04T07:02:00.000Z"],
      ["webguy99", "Shared hosting is fine", 2, null, "2009-03-04T11:58:00.000Z"],
      ["Ian Fletcher", "Check out the guide I wrote on this at http://ianfletcher.example/moving-hosts/", 1, null, "2009-03-05T16:40:00.000Z"],
    ],
    chrome: ["Name (required)", "Mail (will not be published) (required)", "Submit Comment", "Entries (RSS) and Comments (RSS)."],
    notInArticle: ["March 3rd, 2009 by tkhalil", "Posted in Hosting | 4 Comments »", "A small blog about web hosting, mostly"],
  },
  {
    fixture: "text-wordpress-nested.txt",
    title: "Water Troughs Switched Off Early After Leak Near The Gate",
    bodyStart: "The main trough by the gate has been switched off",
    bodyEnd: "The pressure is low enough already.",
    sourceNote: null,
    declared: 8,
    comments: [
      ["Sunil Rao", "Any idea when it will be fixed?", 1, null, "2023-09-20T18:45:00.000Z"],
      ["Committee", "The plumber is booked for the 3rd.", 1, null, "2023-09-21T08:10:00.000Z"],
      ["Sunil Rao", "Thanks, will do.", 1, 2, "2023-09-21T09:02:00.000Z"],
      ["Bev Hollins", "The far troughs are a long walk", 1, null, "2023-09-21T09:30:00.000Z"],
      ["Greenway Allotments Society", "We are looking into it, Bev.", 1, null, "2023-09-21T16:15:00.000Z"],
      ["Bev Hollins", "Thank you!", 1, 5, "2023-09-21T17:00:00.000Z"],
      ["Tomasz K.", "I have a spare water butt on plot 41", 1, null, "2023-09-22T07:20:00.000Z"],
    ],
    chrome: ["Pingback: Greenway Allotments weekly round-up | Greenway Allotments Society", "Proudly powered by WordPress"],
    notInArticle: ["Posted on September 20, 2023 by Committee", "Notes from plot 1 to plot 86"],
  },
];

describe("parseTextPage: WordPress comment lists", () => {
  it.each(CASES)("$fixture", (want) => {
    expect(diffPage(parseFixture(want.fixture), want)).toEqual([]);
  });
});
