/**
 * The comment widgets the HTML importer reads structurally, each described
 * as data: where the widget sits, which element is one comment (its replies
 * nest inside it, so the DOM gives the thread), and where a comment keeps its
 * author, time and text. Lists of predicates are tried in order of trust.
 * Markup follows what each widget renders (wpDiscuz's walker, Disqus's
 * embed, WordPress's `wp_list_comments`, Facebook's comments plugin,
 * Commento's `commento.js`, Hyvor Talk's embed).
 */
import { and, attr, cls, id, or, tag, type Element, type Pred } from "./html-dom";

export interface WidgetSpec {
  /** Named in notes and messages. */
  name: string;
  /** The widget's container, tried in order; when none is found, the comments' common ancestor is the widget. */
  root: Pred[];
  /** One comment: the element its replies nest inside. */
  comment: Pred;
  author: Pred[];
  time: Pred[];
  body: Pred[];
  /** When no body element is found, the comment's own text (minus `notBody`) is its body: old WordPress themes. */
  bodyInComment?: boolean;
  /** Elements inside a comment that are never its text (badges, edit notes, the reply form). */
  notBody?: Pred;
  /** The element whose text holds the widget's declared count ("26 Comments"). */
  count?: Pred[];
  /** The widget's own mark that a comment awaits moderation. */
  pending?: Pred;
  /** The widget fills itself in with JavaScript (or a frame), so a page saved too early holds only its empty container. */
  loadsLater?: boolean;
  /** The site's own comment id, when the element carries one. */
  siteId?: (el: Element) => string | null;
}

/** The first capture of `pattern` in the attribute, as a site id. */
function idFrom(name: string, pattern: RegExp): (el: Element) => string | null {
  return (el) => pattern.exec(el.attribs[name] ?? "")?.[1] ?? null;
}

const wpDiscuz: WidgetSpec = {
  name: "wpDiscuz",
  root: [id("wpdcom"), cls("wpd-thread-wrapper", "wpd-thread-list")],
  comment: cls("wpd-comment"),
  author: [cls("wpd-comment-author")],
  time: [tag("time"), cls("wpd-comment-date")],
  body: [cls("wpd-comment-text")],
  notBody: cls("wpd-comment-last-edited", "wpd-inline-feedback-wrapper", "wpd-comment-footer", "wpd-reply-to"),
  count: [cls("wpd-thread-info")],
  pending: or(cls("wpd-unapproved-comment"), cls("wpd-unapproved")),
  siteId: idFrom("id", /^wpd-comm-(\d+)/),
};

const disqus: WidgetSpec = {
  name: "Disqus",
  loadsLater: true,
  root: [id("disqus_thread"), id("posts"), id("post-list")],
  comment: or(and(tag("li"), cls("post")), attr("data-role", "post")),
  author: [attr("data-role", "username"), cls("author")],
  time: [attr("data-role", "relative-time"), cls("time-ago")],
  body: [attr("data-role", "message"), cls("post-message")],
  notBody: cls("post-media", "edit-tag", "see-more"),
  count: [cls("comment-count"), attr("data-role", "post-count")],
  siteId: idFrom("id", /^post-(\d+)/),
};

const wordpress: WidgetSpec = {
  name: "WordPress comments",
  root: [cls("comment-list", "commentlist"), id("comments"), cls("comments-area")],
  // Pingbacks and trackbacks are list items too, but carry `pingback`/`trackback` instead of `comment`.
  comment: and(tag("li", "article", "div"), cls("comment"), (el) => el.attribs.id === undefined || /comment-\d+/.test(el.attribs.id)),
  author: [cls("fn"), cls("comment-author")],
  time: [tag("time"), cls("comment-metadata", "commentmetadata", "comment-date")],
  body: [cls("comment-content", "comment-text")],
  bodyInComment: true,
  // Jetpack adds its Like button inside the comment's text.
  notBody: cls("comment-author", "comment-meta", "comment-metadata", "commentmetadata", "reply", "comment-awaiting-moderation", "children", "comment-respond", "comment-likes", "jetpack-likes-widget-wrapper"),
  count: [cls("comments-title"), id("comments-title"), and(tag("h2", "h3", "h4"), id("comments"))],
  pending: cls("comment-awaiting-moderation"),
  siteId: idFrom("id", /comment-(\d+)$/),
};

const facebook: WidgetSpec = {
  name: "Facebook comments",
  loadsLater: true,
  root: [cls("fb-comments"), cls("_56q9"), cls("_4k-6")],
  comment: or(cls("_5nz1"), and(cls("_3-8y"), cls("clearfix"))),
  author: [cls("UFICommentActorName"), cls("_6qw4")],
  time: [cls("livetimestamp"), tag("abbr")],
  body: [cls("_5mdd"), cls("_3l3x")],
  count: [cls("_50f7")],
  siteId: (el) => /[?&]comment_id=(\d+)/.exec(JSON.stringify(el.attribs))?.[1] ?? null,
};

const commento: WidgetSpec = {
  name: "Commento",
  loadsLater: true,
  root: [id("commento"), cls("commento-root")],
  comment: cls("commento-card"),
  author: [cls("commento-name")],
  time: [cls("commento-timeago")],
  body: [cls("commento-body")],
  notBody: cls("commento-options", "commento-score"),
  siteId: idFrom("id", /^commento-comment-card-(\w+)/),
};

const hyvor: WidgetSpec = {
  name: "Hyvor Talk",
  loadsLater: true,
  root: [tag("hyvor-talk-comments"), id("hyvor-talk-view"), cls("ht-comments")],
  comment: cls("ht-comment"),
  author: [cls("ht-comment-author-name", "ht-user-name")],
  time: [tag("time"), cls("ht-comment-time")],
  body: [cls("ht-comment-content", "ht-comment-body")],
  notBody: cls("ht-comment-footer", "ht-badge"),
  count: [cls("ht-comments-count")],
  pending: cls("ht-comment-pending"),
  siteId: idFrom("data-id", /^(\w+)$/),
};

/** Every widget read structurally. Order only breaks ties: the one with the most comments on a page wins. */
export const WIDGETS: WidgetSpec[] = [wpDiscuz, disqus, wordpress, facebook, commento, hyvor];
