import { expect, type Locator, type Page } from "@playwright/test";
import type { QueuePage } from "./queue-page";

/** The queue's filters, bulk actions and dialogs, on top of the QueuePage model. */
export class TriageTools {
  readonly bulkBar: Locator;
  readonly removeDialog: Locator;

  constructor(
    readonly queue: QueuePage,
    readonly page: Page = queue.page,
  ) {
    this.bulkBar = page.getByRole("region", { name: "Bulk actions" });
    this.removeDialog = page.getByRole("dialog", { name: /^Remove / });
  }

  /** Picks a value in the Category, Rule or Author filter ("" for any). */
  async filter(label: "Category" | "Rule" | "Author", value: string): Promise<void> {
    await this.page.getByRole("combobox", { name: label, exact: true }).selectOption(value);
  }

  /** The tick box of a card. */
  checkbox(card: Locator): Locator {
    return card.getByRole("checkbox", { name: /^Select comment by / });
  }

  async expectSelectedCount(n: number): Promise<void> {
    await expect(this.bulkBar.getByText(n === 0 ? "None selected" : `${n} selected`)).toBeVisible();
  }

  /** Picks a reason in the open removal dialog and confirms it. */
  async confirmRemoval(reason?: string, otherText?: string): Promise<void> {
    if (reason) await this.removeDialog.getByLabel("Reason").selectOption({ label: reason });
    if (otherText) await this.removeDialog.getByLabel("Other reason").fill(otherText);
    await this.removeDialog.getByRole("button", { name: "Remove" }).click();
    await expect(this.removeDialog).toHaveCount(0);
  }
}
