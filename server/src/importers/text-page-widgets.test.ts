import { describe, expect, it } from "vitest";
import { diffPage, parseFixture, type PageCase } from "./text-page-test-support";

/**
 * The Facebook comments plugin (name, body, "Like · Reply · 3y"; a reply
 * names its parent's author first), Commento and Hyvor Talk (name, relative
 * time, body, votes and actions).
 */
const CASES: PageCase[] = [
  {
    fixture: "text-facebook-sport.txt",
    title: "Lakeside Girls Win First State Title In School History",
    bodyStart: "Junior guard Tasha Reed scored 27 points",
    bodyEnd: "parade on Main Street on Tuesday at 5pm.",
    sourceNote: null,
    declared: 7,
    comments: [
      ["Derek Owens", "What a game.", 1],
      ["Tina Marsh", "Derek Owens she was!", 1, 1],
      ["Coach Bob Petersen", "Congratulations to Lakeside.", 2],
      ["mike.d.lakeside", "LOL", 1],
      ["Angela Ruiz-Boyd", "So proud of these young women!!", 1],
    ],
    chrome: [
      "Top fan", "Works at Pine Ridge High School", "Like · Reply · 14 · 2y", "Like · Reply · 2y", "View 2 more replies",
      "Valley Hoops Journal © 2025", "Privacy | Terms",
    ],
    notInArticle: ["Give to the Valley Hoops Journal", "Share on Facebook"],
  },
  {
    fixture: "text-facebook-news.txt",
    title: "Water Main Break Floods Downtown Intersection, Closes Two Blocks",
    bodyStart: "Crews expect to reopen Second Street by Thursday evening.",
    bodyEnd: "Drivers should use Fourth Street instead.",
    sourceNote: "This story originally appeared in the Cedar Falls Gazette print edition.",
    declared: 5,
    comments: [
      ["Linda Park", "Our basement at the shop", 1],
      ["Frank Oyelaran", "Linda Park please call the utilities claim line", 1, 1],
      ["R. J. Castillo", "1961. Nineteen sixty one.", 1],
      ["cedarfalls_native", "Same thing happened on Walnut in 2009.", 2],
    ],
    chrome: ["View 1 more reply", "Load 10 more comments", "Like · Reply · 18 · 1y · Edited", "Sort by Top", "Contact us | Advertise | Privacy Policy", "© Cedar Falls Gazette"],
    notInArticle: ["Sign up for our morning newsletter"],
  },
  {
    fixture: "text-facebook-replies.txt",
    title: "Harbourside Fish Market To Close On Sundays From January",
    bodyStart: "The Sunday fish market, a fixture on the quay since 1987",
    bodyEnd: "talking to traders about a summer-only Sunday market.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["Shirley Dunne", "Heartbreaking.", 1],
      ["Colin Fry", "Shirley Dunne he sold the best crab", 1, 1],
      ["Gavin O'Rourke", "Not surprised.", 2],
    ],
    chrome: ["Author", "Most relevant", "Sort by", "Like · Reply · 6 · 1y", "© The Harbourside Herald"],
    notInArticle: ["Cookies help us deliver our services", "Advertise with us"],
  },
  {
    fixture: "text-commento-tech.txt",
    title: "Replacing My Shell Scripts With A Tiny Task Runner",
    bodyStart: "I had forty-one shell scripts in a folder called bin",
    bodyEnd: "both on my code page if you want to steal them.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["ferris_wheel", "Why not just use make?", 1],
      ["the quiet terminal", "@ferris_wheel I tried.", 2, 1],
      ["Aiko Tanaka", "This is great.", 1],
      ["ops_dan_42", "Link for the lazy: https://example.dev/quiet-terminal/task-runner", 1],
    ],
    chrome: ["5 points", "1 point", "Markdown", "Add Comment", "Popular", "Add a comment", "2 days ago", "Support this blog on Ko-fi"],
    notInArticle: ["Tags: tooling, shell, go", "Support this blog on Ko-fi"],
  },
  {
    fixture: "text-commento-local.txt",
    title: "Farmers Market Moves Indoors For Winter At The Old Tram Depot",
    bodyStart: "From December to March the Saturday market",
    bodyEnd: "take the 14 bus where they can.",
    sourceNote: "Originally published at northsidefoodnotes.example",
    declared: 3,
    comments: [
      ["Greta Lindholm", "Finally somewhere dry to buy eggs", 1],
      ["hale_st_baker", "We will be there every week", 2],
      ["The Tuesday Allotment Crew", "Any space left for veg growers", 1],
    ],
    chrome: ["4 points", "0 points", "Markdown", "3 hours ago"],
    notInArticle: ["Cookie notice", "Sign up", "Newsletter"],
  },
  {
    fixture: "text-hyvor-politics.txt",
    title: "Turnout In City Primary Hits 40-Year Low",
    bodyStart: "Just 17.4 percent of registered voters cast a ballot",
    bodyEnd: "Four council seats will go to runoffs in June.",
    sourceNote: "Republished with permission from The Civic Ledger.",
    declared: 5,
    comments: [
      ["Oliver Grant", "Nobody knew the primary was happening.", 1],
      ["Janet Liu", "Same here.", 2],
      ["ward7watcher", "The nine days of early voting", 1],
      ["Prof. Elena Marsh", "To be fair to the election office", 1],
      ["T. Okafor", "SAME OLD STORY EVERY SINGLE YEAR.", 1],
    ],
    chrome: ["What do you think?", "12 Responses", "Funny", "Love", "Surprised", "Angry", "Sad", "Write your comment...", "7", "11"],
    notInArticle: ["Independent. Nonprofit. Reader supported.", "What do you think?"],
  },
  {
    fixture: "text-hyvor-sport.txt",
    title: "Record Field Braves Snow At Ridge Run Despite Late Course Change",
    bodyStart: "Organisers cut the summit loop on race morning",
    bodyEnd: "nobody I spoke to at the finish disagreed,\" she said.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Hamish Greer", "Thanks to every marshal", 1],
      ["fellrunner_ali", "Right call on the summit.", 1],
      ["Kit Morrow", "Wish they had told us the night before", 2],
      ["Moira Kane", "@Kit Morrow we only knew at 5am", 1, 3],
    ],
    chrome: ["Share this:", "Facebook", "Email", "24", "Write your comment...", "Trail and Fell Ltd.", "Privacy | Terms"],
    notInArticle: ["Subscribe to Trail and Fell", "Share this:"],
  },
  {
    fixture: "text-hyvor-tech.txt",
    title: "City Broadband Cooperative Signs Up Its 10,000th Member",
    bodyStart: "The member-owned network now passes 60 percent",
    bodyEnd: "two villages north of the ring road by the end of next year.",
    sourceNote: null,
    declared: 5,
    comments: [
      ["Guest", "Joined last spring.", 1],
      ["drop_table_users", "LOL", 1],
      ["Ifeoma Bright", "Thank you to all 10,000 of you.", 2],
      ["Rick O'Shea", "This.", 1],
      ["Nadia Petrova-Lund", "Would love to see the quarterly accounts linked from the homepage, I had to dig for them: https://coop.example/", 1],
    ],
    chrome: ["5 hours ago (edited)", "15", "Packet Loss Weekly, 14 Mill Street", "Unsubscribe | Privacy"],
    notInArticle: ["Read more: How a cooperative builds a fibre network", "Our sponsors keep this newsletter free"],
  },
];

describe("parseTextPage: Facebook, Commento and Hyvor Talk pages", () => {
  it.each(CASES)("$fixture", (want) => {
    expect(diffPage(parseFixture(want.fixture), want)).toEqual([]);
  });
});
