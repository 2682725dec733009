import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

/** The Reports page: scope form, figures, charts, tables and downloads. */
export class ReportsPage {
  readonly heading: Locator;
  readonly scope: Locator;
  readonly downloads: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Reports", level: 2, exact: true });
    this.scope = page.getByRole("form", { name: "Report scope" });
    this.downloads = page.getByRole("navigation", { name: "Download this report" });
  }

  /** Opens the page from the main navigation (the queue must already be open and signed in). */
  async openFromNav(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await expect(this.page).toHaveURL(/\/reports$/);
    await expect(this.heading).toBeVisible();
  }

  /** Limits the report to one thread, by its title. */
  async chooseThread(title: string): Promise<void> {
    await this.scope.getByText("All threads").click();
    await this.scope.getByRole("checkbox", { name: title }).check();
    await this.scope.locator("summary").click(); // close the list
  }

  /** The value of one figure card ("Comments", "Removed", …). */
  figure(term: string): Locator {
    return this.page.locator(".report-figure").filter({ has: this.page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) }).locator(".report-figure-value");
  }

  /** A row of the rules table, by rule id. */
  ruleRow(rule: string): Locator {
    return this.page.getByRole("table", { name: "Rules" }).getByRole("row").filter({ has: this.page.getByRole("cell", { name: rule, exact: true }) });
  }

  /** Clicks a download link and returns the file and its text. */
  async download(name: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.downloads.getByRole("link", { name }).click()]);
    const path = await download.path();
    return { download, text: readFileSync(path, "utf8") };
  }
}
