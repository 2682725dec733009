import { expect, test } from "../fixtures";
import { importFixture } from "../import-fixture";
import { TriageTools } from "../page-models/triage";

// Accessibility of the queue: flag explanations reach keyboard users, focus follows a decision,
// and viewers get no bulk-selection controls. Uses its own thread (quay.csv) so other specs'
// counts are unaffected.

const QUAY = "E2E quay market";

test.beforeAll(() => importFixture("quay.csv"));

test("a flag chip explains itself on keyboard focus, not only on hover", async ({ queue, page }) => {
  await queue.open();
  await queue.filterByThread(QUAY);
  const card = queue.comment("fish stall");
  const chip = card.getByRole("listitem").first().locator(".chip");
  const tooltip = card.getByRole("tooltip").first();
  await expect(tooltip).toBeHidden();
  // Tab from the card's thread link (just before the chips) onto the chip, as a keyboard user would.
  await card.getByRole("link", { name: QUAY }).focus();
  await page.keyboard.press("Tab");
  await expect(chip).toBeFocused();
  await expect(tooltip).toBeVisible();
  await expect(chip).toHaveAccessibleDescription(/insult/i);
  await page.screenshot({ path: test.info().outputPath("chip-tooltip.png") });
});

test("after Approve focus moves to Undo, and after Undo back to Approve", async ({ queue, page }) => {
  await queue.open();
  await queue.filterByThread(QUAY);
  const card = queue.comment("market hours");
  await card.getByRole("button", { name: "Approve", exact: true }).click();
  await queue.expectStatus(card, "Approved");
  await expect(card.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await queue.expectStatus(card, "Pending");
  await expect(card.getByRole("button", { name: "Approve", exact: true })).toBeFocused();
});

test("after Remove (reason confirmed) focus is on Undo", async ({ queue }) => {
  await queue.open();
  await queue.filterByThread(QUAY);
  const card = queue.comment("market hours");
  await queue.decide(card, "Remove");
  await queue.expectStatus(card, "Removed");
  await expect(card.getByRole("button", { name: "Undo" })).toBeFocused();
  await card.getByRole("button", { name: "Undo" }).click();
  await queue.expectStatus(card, "Pending");
});

test("viewers get no tick boxes, no bulk bar and no x", async ({ queue, page, viewerAccount }) => {
  await queue.open(viewerAccount.username, viewerAccount.password);
  const tools = new TriageTools(queue);
  await expect(queue.comments.first()).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(tools.bulkBar).toHaveCount(0);
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByText(/\d+ selected/)).toHaveCount(0);
  // The shortcut help lists only what a viewer can do.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next / previous comment");
  await expect(help).not.toContainText("Approve");
  await expect(help).not.toContainText("Select for a bulk action");
});
