import { expect, type Locator, type Page } from "@playwright/test";
import { ADMIN_PASSWORD, SignInPage } from "./sign-in-page";

export type ViewName = "Needs review" | "All pending" | "Approved" | "Removed" | "All";
export type StatusName = "Pending" | "Approved" | "Removed";
export type Decision = "Approve" | "Remove" | "Undo";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The moderation queue, as a moderator sees it: views, filters and comment cards. */
export class QueuePage {
  readonly heading: Locator;
  readonly comments: Locator;
  readonly searchBox: Locator;
  readonly threadFilter: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Sift", level: 1 });
    this.comments = page.getByRole("article");
    this.searchBox = page.getByRole("searchbox", { name: "Search" });
    this.threadFilter = page.getByLabel("Thread");
  }

  /** Opens the dashboard (signing in as `username` when the server asks for it) and waits for the first comments. */
  async open(username = "admin", password = ADMIN_PASSWORD): Promise<void> {
    await this.signIn(username, password);
    await expect(this.comments.first()).toBeVisible();
  }

  /** Opens the dashboard signed in as `username`, whatever the default view holds (it may be empty). */
  async signIn(username = "admin", password = ADMIN_PASSWORD): Promise<void> {
    await this.page.goto("/");
    const signIn = new SignInPage(this.page);
    // The page first asks the server who is signed in: wait for either the form or the queue.
    await expect(signIn.password.or(this.heading)).toBeVisible();
    if (await signIn.password.isVisible()) await signIn.signIn(username, password);
    await expect(this.page.getByRole("tablist", { name: "Queue views" })).toBeVisible();
  }

  /** A view tab; its name carries the count after the label ("Needs review 12"). */
  tab(view: ViewName): Locator {
    return this.page.getByRole("tab", { name: new RegExp(`^${escapeRegExp(view)}\\s*\\d*$`) });
  }

  async showView(view: ViewName): Promise<void> {
    await this.tab(view).click();
    await expect(this.tab(view)).toHaveAttribute("aria-selected", "true");
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await this.searchBox.press("Enter");
  }

  /** Picks the thread whose option starts with `title` (options read "Title (N)"). */
  async filterByThread(title: string): Promise<void> {
    const option = this.threadFilter.getByRole("option", { name: new RegExp(`^${escapeRegExp(title)}`) });
    const value = await option.getAttribute("value");
    if (value === null) throw new Error(`no thread titled ${title} in the filter`);
    await this.threadFilter.selectOption(value);
  }

  /** The comment card whose text contains `text`. */
  comment(text: string): Locator {
    return this.comments.filter({ hasText: text }).first();
  }

  /** The status badge of a card (Pending, Approved or Removed). */
  status(card: Locator): Locator {
    return card.getByText(/^(Pending|Approved|Removed)$/);
  }

  /** The body paragraph of a card. */
  body(card: Locator): Locator {
    return card.getByRole("paragraph").first();
  }

  /** A short piece of a card's body that tells it apart from the others in tests. */
  async snippetOf(card: Locator): Promise<string> {
    const text = (await this.body(card).textContent()) ?? "";
    const firstLine = text.split("\n").find((line) => line.trim().length > 0) ?? text;
    return firstLine.trim().slice(0, 60);
  }

  /** Clicks a decision button; Remove asks for a reason (defaulted from the flag), which this confirms. */
  async decide(card: Locator, decision: Decision): Promise<void> {
    await card.getByRole("button", { name: decision, exact: true }).click();
    if (decision === "Remove") await this.removeDialog.getByRole("button", { name: "Remove" }).click();
  }

  /** The dialog that asks why a comment is removed. */
  get removeDialog(): Locator {
    return this.page.getByRole("dialog", { name: /^Remove / });
  }

  async expectStatus(card: Locator, status: StatusName): Promise<void> {
    await expect(this.status(card)).toHaveText(status);
  }
}
