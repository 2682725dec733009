import { describe, expect, it } from "vitest";
import { diffHtmlPage, parseHtmlFixture, type HtmlCase } from "./html-page-test-support";

const READ = (widget: string) => `read the ${widget} widget from the page's markup`;

/** Each widget's saved pages: the exact comments, thread from DOM nesting, times from the widget's attributes. */
const CASES: HtmlCase[] = [
  {
    fixture: "html-wpdiscuz-council.html",
    title: "Council Confirms Four Per Cent Tax Rise And New Bin Rounds",
    url: "https://eastmoor-gazette.example/news/council-tax-bins/",
    bodyStart: "Eastmoor Council has confirmed a four per cent rise",
    bodyEnd: "can check their day online.",
    sourceNote: null,
    declared: 5,
    comments: [
      ["Lena Marsh", "The new bins are fine but nobody told us the collection day changed.\n\nWe put ours out on Tuesday like always and it sat there until Friday.", null, "2024-03-05T08:12:00.000Z"],
      ["Tom Adeyemi", "Same on Birch Close. A leaflet would have cost them nothing.", 1, "2024-03-05T09:40:00.000Z"],
      ["Cllr Ruth Bell", "Apologies to both of you. The letters went out late because of a printing fault.\n\nCollection days are now on the council website under Bins and Recycling.", 2, "2024-03-06T11:05:00.000Z"],
      ["grumpy_in_ward7", "Another year, another tax rise for worse service. Absolute clowns running this place.", null, "2024-03-05T08:55:00.000Z"],
      ["Priti Shah", "Will the garden waste permit still cover two bins?", null, "2024-03-07T07:30:00.000Z"],
    ],
    notes: [READ("wpDiscuz"), "1 comment was still awaiting the site's moderation"],
  },
  {
    // Like the seed: relative times only, so no absolute time is known.
    fixture: "html-wpdiscuz-hiking.html",
    title: "Scar Beck Footbridge Reopens After Two Winters",
    url: "https://dales-outdoor.example/routes/scar-beck-bridge/",
    bodyStart: "The footbridge over Scar Beck reopened on Saturday",
    bodyEnd: "swept away its central span.",
    sourceNote: "Originally published in the Dales Outdoor spring newsletter.",
    declared: 5,
    comments: [
      ["fellwalker_jo", "Did the full loop on Sunday. The new bridge at Scar Beck is solid, good job by the volunteers.", null, null],
      ["Martin O'Hare", "Parking at the top car park was full by 8am.\n\nGet there early or use the bus from the station.", null, null],
      ["Bev", "The bus only runs on Saturdays though.", 2, null],
      ["Dr Helen Kaye", "Please keep dogs on leads near the lambing fields. We lost two ewes last spring.", null, null],
      ["trailrunner88", "LOL", null, null],
    ],
  },
  {
    // Entities (&amp; &#8217; &nbsp;) and <br> inside a paragraph.
    fixture: "html-wpdiscuz-tech.html",
    title: "Router Firmware Project Drops Older Chipsets",
    url: "https://packetweekly.example/2024/01/router-firmware/",
    bodyStart: "Version 24 of the open-source firmware",
    bodyEnd: "until the end of next year.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Kai Nakamura", "Upgraded three routers last night & all fine.\nThe old 2.4 GHz radios still work.\n\nBackups first, people!", null, "2024-01-12T22:03:00.000Z"],
      ["ossfan", "You\u2019re kidding: dropping the MT7620 means half of my flat\u2019s gear is now e-waste.", null, "2024-01-13T06:45:00.000Z"],
      ["Kai Nakamura", "It still gets security fixes until next year, so no rush.", 2, "2024-01-13T07:10:00.000Z"],
      ["n00b_hater", "Anyone still running that junk is an idiot and deserves to get hacked.", null, "2024-01-14T13:20:00.000Z"],
    ],
  },
  {
    fixture: "html-wpdiscuz-cafe-cp1252.html",
    title: "Corner Café Reopens After Fire",
    url: "https://petitjournal.example/2024/04/cafe-reopens/",
    bodyStart: "The café on Rue Haute reopened on Monday",
    bodyEnd: "regulars asked them to keep.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["Zoë Ångström", "“Très bien” — the café on the corner is finally open again.\n\nPrices are up though: 5 € for a latte.", null, "2024-04-02T09:00:00.000Z"],
      ["René", "Naïve question: does it still do the crème brûlée?", null, "2024-04-03T10:30:00.000Z"],
      ["Zoë Ångström", "It does – and it’s as good as ever.", 2, "2024-04-03T11:45:00.000Z"],
    ],
    // The page declares its encoding, so there is no guess to warn about.
    notes: [READ("wpDiscuz")],
  },
  {
    fixture: "html-disqus-transit.html",
    title: "Light Rail Extension Opens Six Months Late",
    url: "https://shoreline-transit.example/2024/03/light-rail-opens/",
    bodyStart: "The four-station extension carried 9,300 riders",
    bodyEnd: "every fifteen minutes in the evening.",
    sourceNote: null,
    declared: 7,
    comments: [
      ["Maya Rosen", "Rode it on Monday. Clean, quiet and eleven minutes to the hospital.", null, "2024-03-04T18:02:00.000Z"],
      // Answered a deleted comment: it moves up to the deleted comment's parent.
      ["Shoreline Transit Watch", "Thanks Maya. We will ride at rush hour all week.\n\nNumbers on Friday.", 1, "2024-03-04T19:15:00.000Z"],
      ["hank_the_tank", "$40 MILLION OVER. WHO IS ACCOUNTABLE FOR THIS? Fire the lot of them.", null, "2024-03-05T08:30:00.000Z"],
      ["Dr. S. Abernathy", "The soil report for Cove Street explains most of the delay.\n\nIt is public: page 41 onwards.", null, "2024-03-05T09:01:00.000Z"],
      ["Maya Rosen", "Thank you, that is useful.", 4, "2024-03-05T14:44:00.000Z"],
      ["hank_the_tank", "Useful my foot.", 5, "2024-03-05T16:10:00.000Z"],
    ],
    notes: [READ("Disqus"), "1 deleted comment was skipped; replies to it answer the comment above it", "the page declares 7 comments; 6 were found in the markup"],
  },
  {
    // The embed saved inside the iframe's srcdoc; the page has no canonical link or saved-from note.
    fixture: "html-disqus-derby.html",
    title: "Keeper's Howler Hands City A Point In Derby Draw",
    url: null,
    bodyStart: "United were two minutes from victory",
    bodyEnd: "with eleven games left.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["Mick Fallon", "Beck has been brilliant all season. One mistake does not change that.", null, null],
      ["CityTillIDie", "One mistake? He has cost us five points since Christmas.", 1, null],
      ["Jen Oduya", "Fair result in the end.\n\nUnited sat too deep after the break.", null, null],
    ],
  },
  {
    // The same page saved by Chrome as "Webpage, Single File": quoted-printable parts, the Disqus frame as its own part.
    fixture: "html-disqus-derby-singlefile.mhtml",
    title: "Keeper's Howler Hands City A Point In Derby Draw",
    url: "https://northside-sport.example/football/derby-draw/",
    bodyStart: "United were two minutes from victory",
    bodyEnd: "with eleven games left.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["Mick Fallon", "Beck has been brilliant all season. One mistake doesn\u2019t change that.", null, null],
      ["CityTillIDie", "One mistake? He has cost us five points since Christmas.", 1, null],
      ["Jen Oduya", "Fair result in the end.\n\nUnited sat too deep after the break.", null, null],
    ],
  },
  {
    fixture: "html-disqus-probe.html",
    title: "Probe Begins Final Approach To Icy Moon",
    url: "https://orbitdesk.example/news/probe-final-approach/",
    bodyStart: "Engineers confirmed on Thursday",
    bodyEnd: "every instrument is healthy.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["astro_amy", "Great write-up. For anyone wondering about the numbers:\n\n“The probe will pass within 1,200 km of the surface.”\n\nThat is closer than the last flyby by half.", null, "2024-03-01T10:00:00.000Z"],
      ["Pete Lomax", "Waste of money. Fix the roads first.", null, "2024-03-01T11:27:00.000Z"],
      ["astro_amy", "The whole mission costs less than one motorway junction.", 2, "2024-03-02T09:13:00.000Z"],
    ],
  },
  {
    fixture: "html-wordpress-bakery.html",
    title: "Elm Street Bike Lanes Approved After Marathon Meeting",
    url: "https://millbrook-courier.example/2024/03/14/elm-street-bike-lanes/",
    bodyStart: "After more than five hours of public comment",
    bodyEnd: "on the November ballot.",
    sourceNote: "This story first appeared in the Millbrook Courier weekly print edition.",
    declared: 5,
    comments: [
      ["Margaret O'Neill", "I have run the bakery on Elm for nineteen years.\n\nLosing the parking outside will hurt, whatever the council says.", null, "2024-03-14T18:02:11.000Z"],
      ["gearhead_77", "The depot lot is two minutes away and always half empty.", 1, "2024-03-14T19:15:40.000Z"],
      ["Margaret O'Neill", "Two minutes for you, maybe. Not for Mrs Patel with her walker.", 2, "2024-03-15T08:01:05.000Z"],
      ["Dana Whitfield", "Thanks for all the comments. We will follow up with the traders next week.", null, "2024-03-15T09:30:00.000Z"],
      ["K. Lindqvist", "Will the loading bay stay?", null, "2024-03-15T10:12:44.000Z"],
    ],
    notes: [READ("WordPress comments"), "1 comment was still awaiting the site's moderation"],
  },
  {
    // Old themes: <cite class="fn">, the date as a link's text, paragraphs straight inside the comment.
    fixture: "html-wordpress-classic.html",
    title: "Spring Along The Weir",
    url: "https://weirwalks.example/2018/05/spring-along-the-weir/",
    bodyStart: "The river path from the mill to the weir",
    bodyEnd: "muddy after rain.",
    sourceNote: null,
    declared: 3,
    comments: [
      ["Bill Hartley", "Lovely photos. The heron by the weir has been there every morning this week.\n\nBest time is just after seven.", null, "2018-05-03T10:15:00.000Z"],
      ["Sue", "Saw it too! Thanks for the tip.", 1, "2018-05-03T12:40:00.000Z"],
      ["anon", "Who cares about birds, the path floods every winter and nobody fixes it.", null, "2018-05-04T07:02:00.000Z"],
    ],
  },
  {
    fixture: "html-wordpress-market.html",
    title: "A Visitor's Guide To The Market Town",
    url: "https://townguide.example/market-town-guide/",
    bodyStart: "The town is small enough",
    bodyEnd: "worth the trip.",
    sourceNote: null,
    declared: 1,
    comments: [["Reg Whitcombe", "Useful guide, but the Tuesday market moved to Wednesdays last year.", null, "2023-06-02T15:44:09.000Z"]],
  },
  {
    // The plugin's iframe saved as srcdoc; "View 2 more replies" and "Load 10 more comments" are links, not comments.
    fixture: "html-facebook-fishmarket.html",
    title: "Harbourside Fish Market To Close On Sundays",
    url: "https://harbourside-herald.example/news/fish-market-sundays/",
    bodyStart: "The Sunday fish market, a fixture on the quay since 1987",
    bodyEnd: "sold for housing.",
    sourceNote: null,
    declared: 5,
    comments: [
      ["Shirley Dunne", "Heartbreaking. My dad had a stall there for twenty years.", null, "2023-11-15T09:13:00.000Z"],
      ["Colin Fry", "Shirley Dunne he sold the best crab on the quay. We still talk about him.", 1, "2023-11-15T10:13:00.000Z"],
      ["Gavin O'Rourke", "Not surprised. Parking was the whole point and they sold it off.\nCouncil never learns.", null, "2023-11-15T12:06:40.000Z"],
    ],
  },
  {
    fixture: "html-facebook-school.html",
    title: "Village School Gets Its New Classroom At Last",
    url: "https://valleyvoice.example/education/new-classroom/",
    bodyStart: "Work will start in the summer holidays",
    bodyEnd: "six-year campaign by parents.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Ravi Menon", "Brilliant news for the village. Well done to the parents who campaigned.", null, "2024-03-04T11:00:00.000Z"],
      ["Jackie Lowe", "It only took six years of asking.", null, "2024-03-04T12:00:00.000Z"],
      ["Ravi Menon", "Better late than never, Jackie.", 2, "2024-03-05T12:00:00.000Z"],
      ["Stop Wasting Money", "Another vanity project. These people are thieves.", null, "2024-03-05T13:23:20.000Z"],
    ],
  },
  {
    fixture: "html-commento-terminal.html",
    title: "Why I Wrote My Own Task Runner",
    url: "https://quietterminal.example/posts/task-runner/",
    bodyStart: "For years every project I touched had a Makefile",
    bodyEnd: "what I gave up.",
    sourceNote: null,
    declared: null,
    comments: [
      ["ferris_wheel", "Make is fine. Learn it properly and you will not need a new tool.\n\nTabs are not that hard.", null, "2024-03-04T09:12:44.000Z"],
      ["the quiet terminal", "@ferris_wheel I tried. Tab characters and phony targets wore me down.\n\nIt is a fine tool, it just was not the one I wanted to read every day.", 1, "2024-03-05T14:30:00.000Z"],
      ["ferris_wheel", "Fair enough.", 2, "2024-03-05T16:02:10.000Z"],
      ["Aiko Tanaka", "This is great. Stole it already, thanks.", null, "2024-03-06T08:00:00.000Z"],
    ],
    notes: [READ("Commento"), "1 deleted comment was skipped; replies to it answer the comment above it"],
  },
  {
    fixture: "html-commento-allotments.html",
    title: "Allotment Waiting List Passes 300 Names",
    url: "https://greenbank-local.example/allotments-waiting-list/",
    bodyStart: "More than 300 people are now waiting",
    bodyEnd: "set aside for new plots.",
    sourceNote: null,
    declared: null,
    comments: [
      ["Gwen Price", "Waiting list is four years now. Could the council not open the old nursery site?", null, "2024-02-29T19:20:00.000Z"],
      ["plot_42", "Half the plots on our site are not even worked. Start there.", null, "2024-03-01T07:45:31.000Z"],
      ["Gwen Price", "Agreed, an inspection every spring would free up a dozen.", 2, "2024-03-01T09:00:00.000Z"],
    ],
  },
  {
    // "12 Responses" counts reactions; the comment count is "4 Comments".
    fixture: "html-hyvor-ridgerun.html",
    title: "Record Field Braves Snow At Ridge Run",
    url: "https://trailandfell.example/races/ridge-run-2024/",
    bodyStart: "More than 900 runners started",
    bodyEnd: "from 32 to 27 kilometres.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["Hamish Greer", "Thanks to every marshal who stood in that wind for five hours. You are the real heroes of the day.", null, "2024-03-04T09:15:00.000Z"],
      ["Kit Morrow", "Wish they had told us the night before, I packed all the wrong kit.\n\nStill a brilliant day out though.", null, "2024-03-05T12:02:00.000Z"],
      ["Moira Kane", "@Kit Morrow we only knew at 5am ourselves, but we will look at a text alert system for next year.", 2, "2024-03-06T08:30:00.000Z"],
      ["Kit Morrow", "That would be perfect, thank you.", 3, "2024-03-06T09:00:00.000Z"],
    ],
  },
  {
    fixture: "html-hyvor-boundaries.html",
    title: "Ward Boundary Shake-Up Splits Estate In Two",
    url: "https://civicledger.example/politics/ward-boundaries/",
    bodyStart: "The boundary commission's final map",
    bodyEnd: "respond to the consultation.",
    sourceNote: null,
    declared: 4,
    comments: [
      ["J. Okoro", "The boundary changes split the estate down the middle. Nobody asked us.", null, "2024-03-07T10:00:00.000Z"],
      ["VoteThemOut", "Corrupt, the lot of them. Gerrymandering scum.", null, "2024-03-07T11:00:00.000Z"],
      ["Lydia Marsh", "Calling people scum does not help the argument.", 2, "2024-03-07T11:20:00.000Z"],
      ["New Reader", "Where can I see the new map?", null, "2024-03-07T11:55:00.000Z"],
    ],
    notes: [READ("Hyvor Talk"), "1 comment was still awaiting the site's moderation"],
  },
];

describe("html-page: known widgets read from their markup", () => {
  it.each(CASES)("$fixture", (want) => {
    const { format, thread } = parseHtmlFixture(want.fixture);
    expect(format).toBe("html-page");
    expect(thread.format).toBe("html-page");
    expect(diffHtmlPage(thread, want)).toEqual([]);
  });

  it("gives comments the site's own ids, stable across re-imports", () => {
    const first = parseHtmlFixture("html-wordpress-bakery.html").thread.comments.map((c) => c.external_id);
    const again = parseHtmlFixture("html-wordpress-bakery.html").thread.comments.map((c) => c.external_id);
    expect(first).toEqual(["s_41", "s_44", "s_47", "s_45", "s_49"]);
    expect(again).toEqual(first);
  });
});
