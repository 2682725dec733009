import { describe, expect, it } from "vitest";
import { diffPage, parseFixture, type PageCase } from "./text-page-test-support";

/** wpDiscuz as a browser's select-all copy renders it: header chrome, then author / (reply-to) / (time) / body / (votes, Reply). */
const CASES: PageCase[] = [
  {
    fixture: "text-wpdiscuz-plain.txt",
    title: "Riverside Council Approves Elm Street Bike Lanes After Marathon Meeting",
    bodyStart: "After more than five hours of public comment",
    bodyEnd: "put on the November ballot.",
    sourceNote: "This story first appeared in the Millbrook Courier weekly print edition.",
    declared: 9,
    comments: [
      ["gearhead_77", "Finally. I ride Elm every day", 1],
      ["Margaret O'Neill", "I have run the bakery on Elm", 3],
      ["Pete Kowalski", "LOL", 1],
      ["J.T. Barnes", "The grant paperwork is public if anyone wants to read it: https://example.org/", 1],
      ["The Elm Street Regular", "Forty-six spaces is not nothing", 1],
      ["gearhead_77", "@Margaret O'Neill the depot lot", 1, 2],
      ["RiversideDad2", "THE COUNCIL NEVER LISTENS", 1],
      ["k. lindqvist", "Two things nobody mentioned.", 3],
      ["Ruth Okafor", "Thank you all for reading the plan", 1],
    ],
    chrome: [
      "Support The Millbrook Courier", "Share this:", "Related", "Council delays vote on downtown parking garage",
      "Millbrook High wins regional robotics title", "9", "0", "© 2024 The Millbrook Courier", "Terms | Privacy | Contact",
      "Powered by WordPress", "By Dana Whitfield", "March 14, 2024", "$6,420",
    ],
    notInArticle: ["By Dana Whitfield", "March 14, 2024", "Support The Millbrook Courier", "SUPPORT LOCAL NEWS"],
  },
  {
    fixture: "text-wpdiscuz-threaded.txt",
    title: "Rovers Snatch Late Winner To Keep Promotion Hopes Alive",
    bodyStart: "Saturday's result leaves the club two points off",
    bodyEnd: "before two home games in four days.",
    sourceNote: "Originally published at millbrooksports.example",
    declared: 7,
    comments: [
      ["Sam Hollis", "Best atmosphere at the Lane in years.", 2],
      ["Priya N", "Agreed on Asante, but Grant", 1, 1],
      ["oldtimer1962", "Grant is 34.", 1, 2],
      ["Castleford Kev", "Clear foul on our keeper", 1],
      ["Sam Hollis", "This.", 1, 4],
      ["The Rovers Trust", "Tickets for the Hexley away end", 2],
      ["B.K.", "WHAT A GOAL!!!", 1],
    ],
    chrome: [
      "12", "5", "-2", "-7", "Last edited 1 year ago by oldtimer1962", "1 year ago", "Reply to Sam Hollis", "Reply to Priya N",
      "Cookie settings", "Accept", "We use cookies to give you the best experience on our site.", "Millbrook Sports Weekly",
      "About | Advertise | Privacy Policy",
    ],
    notInArticle: ["We rely on readers like you", "Share on Facebook", "Advertisement"],
  },
  {
    fixture: "text-wpdiscuz-tech.txt",
    title: "Open-Source Router Firmware Project Drops Support For Older Chipsets",
    bodyStart: "Version 24 removes builds for devices",
    bodyEnd: "will receive security updates until the end of next year.",
    sourceNote: null,
    declared: 6,
    comments: [
      ["n3tw0rk_nerd", "Makes sense. Nobody should", 1],
      ["Dmitri Volkov", "That is easy to say", 3],
      ["Arjun Mehta", "Fair point, and I asked", 1],
      ["mkdir_lisa", "Link to the announcement for anyone looking: https://lists.example.org/", 1],
      ["Tom Reyes", "Good.", 1],
      ["Chen Wei 88", "I flashed one of the affected models", 1],
    ],
    chrome: [
      "Author", "2 years ago", "Last edited 2 years ago by Chen Wei 88", "ByteHarbor is reader supported.", "Donate to ByteHarbor",
      "Powered by WordPress | Theme by Example Themes",
    ],
    notInArticle: [
      "Posted by Arjun Mehta | 6 min read", "About the author", "He has broken more routers", "Tags: firmware",
      "This site uses cookies", "Got it",
    ],
  },
  {
    fixture: "text-wpdiscuz-council.txt",
    title: "School Board Votes To Keep Four-Day Week For Another Year",
    bodyStart: "The Westbrook school board has voted",
    bodyEnd: "The board will revisit the schedule in February.",
    sourceNote: "Originally appeared at westbrookgazette.example",
    declared: 5,
    comments: [
      ["Paul Mendes", "Three years of \"temporary\" now.", 3],
      ["ann-marie w", "I drive for the district.", 1],
      ["Paul Mendes", "Fair enough Ann-Marie", 1],
      ["MrsK_teaches", "As a teacher I love the Fridays", 2],
      ["Osei4Board", "Linda has done more for this district", 1],
    ],
    chrome: ["5", "0", "Westbrook Gazette | Privacy | Terms", "Support the Westbrook Gazette"],
    notInArticle: ["Help keep the Gazette free to read. Donate", "Support the Westbrook Gazette"],
  },
  {
    fixture: "text-wpdiscuz-letters.txt",
    title: "Letter: Keep The Hillcrest Pool Open Year-Round",
    bodyStart: "Last week the leisure trust confirmed",
    bodyEnd: "three mornings a week, and count.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Dave Ortega", "Count me in.", 3],
      ["lido_lou", "Cold water swimming is booming.", 1],
      ["Hillcrest Mum of 3", "Who pays for the heating though?", 1],
      ["Margaret Haines", "It is not heated", 1],
    ],
    chrome: ["4", "0", "Hillcrest Weekly, 2 High Street"],
    notInArticle: ["Support local journalism"],
  },
];

describe("parseTextPage: wpDiscuz pages", () => {
  it.each(CASES)("$fixture", (want) => {
    expect(diffPage(parseFixture(want.fixture), want)).toEqual([]);
  });
});
