import { expect, type Locator, type Page } from "@playwright/test";

/** The Rules page: site rules, the add/edit form with its backtest, exceptions and built-in rules. */
export class RulesPage {
  readonly heading: Locator;
  readonly siteRules: Locator;
  readonly builtinRules: Locator;
  readonly form: Locator;
  readonly backtest: Locator;
  readonly status: Locator;
  readonly exceptions: Locator;
  readonly suggestions: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Rules", level: 2, exact: true });
    this.siteRules = page.getByRole("table", { name: "Site rules" });
    this.builtinRules = page.getByRole("table", { name: "Built-in rules" });
    this.form = page.getByRole("form", { name: /^(Add a rule|Edit rule|Try a rule)/ });
    this.backtest = page.getByRole("region", { name: /^Backtest on stored comments/ });
    this.status = page.locator(".rules-status");
    this.exceptions = page.getByRole("list", { name: "Exceptions" });
    this.suggestions = page.getByRole("list", { name: "Suggested exceptions" });
  }

  /** Opens the page from the main navigation (the queue must already be open and signed in). */
  async openFromNav(): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
    await expect(this.page).toHaveURL(/\/rules$/);
    await expect(this.heading).toBeVisible();
    await expect(this.builtinRules).toBeVisible();
  }

  /** Fills the rule form; fields left out keep their value. */
  async fill(rule: { id?: string; kind?: "word" | "phrase" | "regex"; pattern?: string; category?: string; action?: string; note?: string }): Promise<void> {
    if (rule.id !== undefined) await this.form.getByLabel("Rule id").fill(rule.id);
    if (rule.kind) await this.form.getByLabel("Kind").selectOption(rule.kind);
    if (rule.category) await this.form.getByLabel("Category").selectOption(rule.category);
    if (rule.action) await this.form.getByLabel("Action").selectOption(rule.action);
    if (rule.note !== undefined) await this.form.getByLabel("Note").fill(rule.note);
    if (rule.pattern !== undefined) await this.form.getByLabel("Pattern").fill(rule.pattern);
  }

  /** One of the backtest's figures ("Would newly flag", "Would clear", "Precision"). */
  figure(name: string): Locator {
    return this.backtest.locator(".backtest-figures > div").filter({ has: this.page.getByRole("term").filter({ hasText: new RegExp(`^${name}$`) }) }).getByRole("definition");
  }

  /** The site rules table's row for `site.<id>`. */
  siteRow(id: string): Locator {
    return this.siteRules.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(`^site\\.${id}\\b`) }) });
  }
}
