/**
 * Line classifiers for comment pages saved as plain text. Each widget (wpDiscuz,
 * Disqus, WordPress's default list, Facebook's plugin, Commento, Hyvor) leaves
 * its own chrome in the text; these recognise it so that it never becomes a
 * comment, an author or part of a body.
 */

/** Collapses the whitespace a browser's "save as text" leaves (NBSP, tabs, runs of spaces). */
export function cleanLine(line: string): string {
  return line.replace(/[\u00a0\u2007\u202f\t]/g, " ").replace(/\s+/g, " ").trim();
}

const WIDGET_CHROME = new Set(
  [
    // wpDiscuz
    "subscribe", "notify of", "guest", "oldest", "newest", "most voted", "newest most voted",
    "inline feedbacks", "view all comments", "login", "log in", "please login to comment",
    "join the discussion", "would love your thoughts, please comment.", "would love your thoughts, please comment.x",
    "load more comments", "show more replies", "hide replies", "()", "x", "×", "{}", "[+]",
    // Disqus
    "recommend", "tweet", "share", "share ›", "sort by best", "sort by newest", "sort by oldest",
    "best", "start the discussion…", "start the discussion...", "join the discussion…", "join the discussion...",
    "log in with", "or sign up with disqus", "or sign up with disqus ?", "name", "email", "password",
    "disqus' privacy policy", "disqus’ privacy policy", "privacy policy", "do not sell my data", "add disqus to your site",
    "subscribe privacy", "favorite", "this comment was deleted.", "see more",
    // WordPress default
    "leave a reply", "leave a comment", "cancel reply", "post comment", "your email address will not be published.",
    "required fields are marked *", "comment", "website", "save my name, email, and website in this browser for the next time i comment.",
    "notify me of follow-up comments by email.", "notify me of new posts by email.", "your comment is awaiting moderation.",
    // Facebook comments plugin
    "sort by top", "sort by", "top", "most relevant", "all comments", "add a comment...", "add a comment…", "facebook comments plugin", "load 10 more comments",
    "like", "reply", "edit", "delete", "report", "flag", "permalink", "upvote", "downvote", "quote",
    // Commento / Hyvor
    "add a comment", "powered by commento", "powered by hyvor talk", "hyvor talk", "popular", "sort by: top popular newest",
    "markdown", "preview", "send", "write your comment...", "write your comment…", "write a comment...", "write a comment…",
    // avatars' alt text and badges that stand on their own line
    "avatar", "top fan",
    // generic page chrome
    "menu", "home", "search", "skip to content", "advertisement", "sponsored", "related", "related posts",
    "share this:", "share this", "like this:", "print", "email this", "facebook", "twitter", "linkedin",
    "whatsapp", "telegram", "reddit", "pinterest", "copy link", "comments", "responses",
  ].map((s) => s.toLowerCase()),
);

/** Links that stand for comments the page did not show: "View 2 more replies", "Load 10 more comments", "Recommend 3". */
const COLLAPSED_THREAD =
  /^(?:(?:view|show|hide|load|see) (?:all |\d+ )?(?:more |previous )?(?:repl(?:y|ies)|comments?)|\d+ repl(?:y|ies)|recommend \d+)$/;

/** A widget's own line (buttons, sort menus, counters, icons): never comment text, wherever it stands. */
export function isWidgetChrome(line: string): boolean {
  const l = cleanLine(line).toLowerCase();
  if (!l) return false;
  if (WIDGET_CHROME.has(l)) return true;
  if (/^[-+−]?\d+$/.test(l)) return true; // vote or reply counters
  if (COLLAPSED_THREAD.test(l)) return true;
  if (/^(?:pingback|trackback):/.test(l)) return true; // WordPress lists links from other blogs among the comments
  if (/^[()[\]{}x×·•|\-–—›‹»«⚑↑↓+−\s]+$/.test(l)) return true; // icon buttons
  return false;
}

/**
 * A line of page chrome around an article (menus, donation meters, banners,
 * "Support …", footers) or of the widget. Only used outside comment bodies:
 * a shouting comment must not be mistaken for a banner.
 */
export function isChromeLine(line: string): boolean {
  const l = cleanLine(line).toLowerCase();
  if (!l) return false;
  if (isWidgetChrome(l)) return true;
  if (/^[\d,.\s]*[$€£]?\s*[\d,.]*\s*[$€£]$/.test(l) || /^[$€£]\s*[\d,.]+$/.test(l)) return true; // donation meters
  if (/^(support|donate to|subscribe to|follow|share on|become a patron of|powered by)\b/.test(l) && l.split(" ").length <= 6) return true;
  if (/^(terms|privacy|about|contact|cookies?)( (of (use|service)|policy))?( [|·•] [a-z ]+)+$/.test(l)) return true;
  if (/^©|^copyright\b|all rights reserved/.test(l)) return true;
  if (isCookieNotice(l)) return true;
  if (isAppeal(l)) return true;
  if (isAllCapsBanner(line)) return true;
  return false;
}

/** "We use cookies …", "Cookie notice: … Accept": the site's consent banner, not an article about cookies. */
function isCookieNotice(l: string): boolean {
  if (!/\bcookies?\b/.test(l) || l.split(" ").length > 40) return false;
  return /^cookie (?:notice|settings|policy|preferences)\b|\b(?:we use cookies|(?:this|our) (?:site|website) uses cookies|cookies help us|by (?:continuing|using)\b.*\bcookies|use of cookies|accept (?:all )?cookies)\b|\baccept(?: all)?$|\bdecline$/.test(l);
}

/**
 * "Help keep the Gazette free to read. Donate", "Become a member today": a
 * short fundraising line. Kept narrow (short, no quotation marks) because
 * articles quote people asking for support too.
 */
function isAppeal(l: string): boolean {
  const words = l.split(" ").length;
  if (words > 14 || /["“”]/.test(l)) return false;
  // The call itself opens the line or a sentence, or closes the line: "Donate to X", "… free to read. Donate".
  if (/(?:^|[.:!]\s)(?:please )?(?:donate|become a (?:member|supporter|patron|subscriber))\b|\bdonate(?: now| today)?$/.test(l)) return true;
  if (/^reader[- ](?:funded|supported)\b/.test(l)) return true;
  return words <= 8 && /\b(?:support (?:us|our|independent|local|this)|patreon|ko-fi)\b/.test(l);
}

/** "9 DAYS LEFT UNTIL THE END OF NOVEMBER": shouting banners that pages put above articles. */
function isAllCapsBanner(line: string): boolean {
  const l = cleanLine(line);
  const letters = l.replace(/[^\p{L}]/gu, "");
  return letters.length >= 12 && letters === letters.toUpperCase() && /\b(left|donate|support|subscribe|days|offer|sale|now)\b/i.test(l);
}

const COUNT_LINE =
  /^(?:(\d[\d,]*)|one|no)\s+(?:comments?|responses?|replies|thoughts?|reactions?)(?:\s+(?:on|to)\s+.+)?$|^comments?\s*\((\d[\d,]*)\)$/i;

/** The widget's declared count ("26 Comments", "12 thoughts on “Title”", "Comments (4)"), or null. */
export function declaredCount(line: string): number | null {
  const m = COUNT_LINE.exec(cleanLine(line));
  if (!m) return null;
  const digits = m[1] ?? m[2];
  if (digits) return Number(digits.replace(/,/g, ""));
  return /^one\b/i.test(cleanLine(line)) ? 1 : 0;
}

const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const RELATIVE_TIME =
  /^(?:[•·]\s*)?(?:(?:about|over|almost)\s+)?(?:an?|\d+|one|two|few)\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|wks|weeks?|mo|months?|y|yr|yrs|years?)(?:\s+ago)?(?:\s+(?:edited|\(edited\)))?$|^(?:just now|yesterday|today|moments? ago|edited)$/i;
const ABSOLUTE_TIME = new RegExp(
  String.raw`^(?:[•·]\s*)?(?:(?:on|posted|at)\s+)?(?:(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTHS})\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:,?\s*(?:at|@|-)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$`,
  "i",
);

/** WordPress themes print an "Edit" link after the date for whoever may edit: "May 3, 2018 at 10:15 am (Edit)". */
function withoutEditLink(line: string): string {
  return cleanLine(line).replace(/\s*[|·•]?\s*\(?edit\)?$/i, "");
}

/** A line that is only a timestamp, relative ("3 hours ago") or absolute ("May 3, 2018 at 10:15 am"). */
export function isTimeLine(line: string): boolean {
  const l = withoutEditLink(line);
  return l.length <= 60 && (RELATIVE_TIME.test(l) || ABSOLUTE_TIME.test(l));
}

/** ISO 8601 for an absolute timestamp line (read as UTC), or null for relative or unreadable ones. */
export function parseTimeLine(line: string): string | null {
  const l = withoutEditLink(line).replace(/^[•·]\s*/, "").replace(/^(?:on|posted|at)\s+/i, "");
  if (!ABSOLUTE_TIME.test(l)) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T,]*(\d{1,2}:\d{2}(?::\d{2})?))?/.exec(l);
  const text = iso ? `${iso[1]}T${(iso[2] ?? "00:00").padStart(5, "0")}Z` : l.replace(/(\d)(?:st|nd|rd|th)\b/i, "$1").replace(/\s+(?:at|@|-)\s+/i, " ").replace(/(\d)([ap])\.?m\.?/i, "$1 $2m") + " UTC";
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * A line of comment actions and counters: "Reply", "5 • Reply • Share ›",
 * "Like · Reply · 3y", "0 0 Reply", "Upvote 3 Downvote".
 */
export function isFooterLine(line: string): boolean {
  const l = cleanLine(line).toLowerCase();
  if (!l) return false;
  if (/^last edited .{1,40} by .{1,60}$/.test(l)) return true; // wpDiscuz's edit note closes a comment
  const parts = l.split(/\s*[·•|]\s*|\s+/).filter(Boolean);
  const action = /^(reply|replies|share|share›|›|report|like|likes|liked|love|flag|upvote|downvote|vote|votes|permalink|edit|edited|delete|quote|hide|show|mark|as|spam|see|translation|translate|−|\+|-|⚑|↑|↓|▲|▼|[-+−]\d+|\d+[smhdwy]|\d+(?:hrs?|mins?|yrs?|wks?)|\d+|\(\d+\)|points?|ago|\d+\s*(?:likes?|points?|votes?))$/;
  return parts.length > 0 && parts.length <= 12 && parts.every((p) => action.test(p)) && parts.some((p) => !/^\d+$/.test(p) || parts.length === 1);
}

/** "Reply to Jane", "Replying to @jane", "In reply to Jane", "↪ Jane": the name of the comment being answered. */
export function replyTarget(line: string): string | null {
  const m = /^(?:reply to|replying to|in reply to|↪|⤷|→)\s*@?(.{1,60})$/i.exec(cleanLine(line));
  return m?.[1] ? m[1].trim() : null;
}

/**
 * A header holding author and time on one line: "Jane Doe • 3 hours ago",
 * "Jane Doe says:", "Jane Doe on May 3, 2018 at 10:15 am said:", "Jane Doe · 2y".
 */
export function inlineHeader(line: string): { author: string; time: string | null } | null {
  const l = cleanLine(line);
  if (l.length > 120) return null;
  // "Name on <date> said:" first: the plain "Name says:" pattern would swallow the date into the name.
  const onSaid = /^(.{1,60}?)\s+on\s+(.+?)\s+(?:said|says|wrote):?$/i.exec(l);
  if (onSaid?.[1] && onSaid[2] && isTimeLine(onSaid[2])) return { author: stripAuthor(onSaid[1]), time: onSaid[2] };
  const says = /^(.{1,60}?)\s+(?:says|said|wrote|writes):?$/i.exec(l);
  if (says?.[1]) return { author: stripAuthor(says[1]), time: null };
  const dotted = /^(.{1,60}?)\s*[•·|]\s*(.+)$/.exec(l);
  if (dotted?.[1] && dotted[2] && isTimeLine(dotted[2]) && !isTimeLine(dotted[1])) return { author: stripAuthor(dotted[1]), time: dotted[2] };
  return null;
}

/** Drops a reply arrow and the name after it, and a role badge ("Mod", "Author") shown beside the name. */
export function stripAuthor(name: string): string {
  return name
    .replace(/\s+(?:→|↪|replied to)\s+.*$/i, "")
    .replace(/\s+(?:mod|moderator|admin|author|staff|guest|verified)$/i, "")
    .trim();
}

const AUTHOR_DETAIL =
  /^(?:top fan|author|admin|moderator|mod|staff|guest|member|verified|(?:works|worked) at .+|(?:studied|studies) at .+|went to .+|lives in .+)$/i;

/**
 * A line a widget prints under the author's name: a role badge ("Author",
 * "Top fan") or Facebook's profile line ("Works at …"). Only meaningful
 * directly under a header, where it is never the start of the body.
 */
export function isAuthorDetail(line: string): boolean {
  const l = cleanLine(line);
  return l.length <= 80 && !/[.!?]$/.test(l) && AUTHOR_DETAIL.test(l);
}

/**
 * Could this line be an author name on its own line? Short, no sentence
 * punctuation at the end, not a link, not chrome.
 */
export function couldBeAuthor(line: string): boolean {
  const l = cleanLine(line);
  if (!l || l.length > 50) return false;
  if (l.split(" ").length > 6) return false;
  if (/[.!?:;,…"”’)]$/.test(l) && !/\b[A-Z]\.$/.test(l)) return false;
  if (/https?:\/\/|www\./i.test(l)) return false;
  if (!/\p{L}/u.test(l)) return false;
  if (isChromeLine(l) || isTimeLine(l) || isFooterLine(l) || declaredCount(l) !== null) return false;
  return true;
}
