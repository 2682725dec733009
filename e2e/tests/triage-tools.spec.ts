import { expect, test } from "../fixtures";
import { HARBOUR, importFixture } from "../import-fixture";
import { TriageTools } from "../page-models/triage";

// These tests run in file order on the harbour thread and build on each other's decisions: the
// threat is removed and restored, the spam author's comments go from their panel, three comments
// are approved in bulk and what is left for review is removed with a typed reason. Counts that
// depend on the rules (which evolve) are read from the page, not written here.

test.beforeAll(() => importFixture(HARBOUR.file));

test.beforeEach(async ({ queue }) => {
  await queue.open();
  await queue.filterByThread(HARBOUR.title);
});

test("category, rule and author filters narrow the queue", async ({ queue }) => {
  const tools = new TriageTools(queue);
  await queue.showView("All");
  await expect(queue.comments).toHaveCount(7);

  await tools.filter("Category", "threat");
  await expect(queue.comments.first()).toContainText("I know where you live");
  await expect(queue.comments.filter({ hasNot: queue.page.getByRole("listitem").filter({ hasText: "Threat" }) })).toHaveCount(0);
  await tools.filter("Category", "");

  // Each rule option says how many comments it flagged: the list must show that many.
  const ruleFilter = queue.page.getByRole("combobox", { name: "Rule", exact: true });
  const option = ruleFilter.getByRole("option").nth(1);
  const [rule, count] = /^(\S+) \((\d+)\)$/.exec((await option.textContent()) ?? "")!.slice(1);
  await tools.filter("Rule", rule!);
  await expect(queue.comments).toHaveCount(Number(count));
  await tools.filter("Rule", "");

  await tools.filter("Author", "Spam Bot");
  await expect(queue.comments).toHaveCount(3);
  await expect(queue.comments.filter({ hasNotText: "Spam Bot" })).toHaveCount(0);
  await queue.page.screenshot({ path: test.info().outputPath("filters.png") });
});

test("/ jumps to search, which finds words by their start", async ({ queue, page }) => {
  await queue.showView("All");
  await page.keyboard.press("/");
  await expect(queue.searchBox).toBeFocused();
  await page.keyboard.type("timetab");
  await page.keyboard.press("Enter");
  await expect(queue.comments).toHaveCount(2);
  await expect(queue.comments.filter({ hasNotText: /timetable/i })).toHaveCount(0);
});

test("a reply shows the comment it answers, collapsed until opened", async ({ queue }) => {
  await queue.showView("All");
  const reply = queue.comment("Calm down Tom");
  await expect(reply.getByText("The ferry timetable is a disgrace")).toHaveCount(0);
  await reply.getByText("In reply to Tom Ferry").click();
  await expect(reply.getByText(/The ferry timetable is a disgrace/)).toBeVisible();
});

test("keyboard: ? lists the shortcuts, r asks for a reason defaulting to the flag, Enter confirms, u undoes", async ({ queue, page }) => {
  const tools = new TriageTools(queue);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Select for a bulk action");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  // Needs review puts the threat first.
  const threat = queue.comment("I know where you live");
  await expect(queue.comments.first()).toContainText("I know where you live");
  await page.keyboard.press("j");
  await expect(threat).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("x");
  await expect(tools.checkbox(threat)).toBeChecked();
  await tools.expectSelectedCount(1);
  await page.keyboard.press("x");
  await tools.expectSelectedCount(0);

  await page.keyboard.press("r");
  await expect(tools.removeDialog).toBeVisible();
  await expect(tools.removeDialog.getByLabel("Reason")).toHaveValue("threat");
  await page.screenshot({ path: test.info().outputPath("remove-reason.png") });
  await page.keyboard.press("Enter");
  await queue.expectStatus(threat, "Removed");
  await expect(threat).not.toHaveAttribute("aria-busy", "true");
  await page.keyboard.press("u");
  await queue.expectStatus(threat, "Pending");

  // Escape backs out of a removal.
  await expect(threat).not.toHaveAttribute("aria-busy", "true");
  await page.keyboard.press("r");
  await page.keyboard.press("Escape");
  await expect(tools.removeDialog).toHaveCount(0);
  await queue.expectStatus(threat, "Pending");
});

test("author panel: their comments across threads, and removing their pending ones in this thread", async ({ queue, page }) => {
  await queue.showView("All");
  await queue.comment("Best deal at").getByRole("button", { name: "Spam Bot" }).click();
  const panel = page.getByRole("dialog", { name: "Comments by Spam Bot" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("link", { name: HARBOUR.title })).toHaveCount(3);
  await expect(panel).toContainText("3 pending · 0 approved · 0 removed");
  await page.screenshot({ path: test.info().outputPath("author-panel.png") });

  await panel.getByRole("button", { name: "Remove all 3 pending in this thread" }).click();
  await new TriageTools(queue).confirmRemoval();
  await expect(panel.getByRole("status")).toHaveText("Removed 3.");
  await expect(panel).toContainText("0 pending · 0 approved · 3 removed");
  await panel.getByRole("button", { name: "Close" }).click();
  await queue.expectStatus(queue.comment("Best deal at"), "Removed");
});

test("bulk: tick one, shift-click a range, approve them together", async ({ queue, page }) => {
  const tools = new TriageTools(queue);
  await queue.showView("All pending");
  // Seven comments, less the spam author's three.
  await expect(queue.comments).toHaveCount(4);
  const [first, second, third] = [queue.comments.nth(0), queue.comments.nth(1), queue.comments.nth(2)];
  const snippets = [await queue.snippetOf(first), await queue.snippetOf(second), await queue.snippetOf(third)];

  await tools.checkbox(first).click();
  await tools.checkbox(third).click({ modifiers: ["Shift"] });
  await tools.expectSelectedCount(3);
  await expect(tools.checkbox(second)).toBeChecked();
  await page.screenshot({ path: test.info().outputPath("bulk-selected.png") });

  await tools.bulkBar.getByRole("button", { name: "Approve selected" }).click();
  await expect(tools.bulkBar.getByRole("status")).toHaveText("Approved 3.");
  for (const snippet of snippets) await queue.expectStatus(queue.comment(snippet), "Approved");
  await tools.expectSelectedCount(0);

  await queue.showView("Approved");
  await expect(queue.comments).toHaveCount(3);
});

test("select all matching, remove them with a reason of one's own, and read it in the decision log", async ({ queue, page }) => {
  const tools = new TriageTools(queue);
  // What the rules flagged and nobody decided yet.
  await queue.showView("Needs review");
  await expect(queue.comments.first()).toBeVisible();
  const n = await queue.comments.count();
  await tools.bulkBar.getByRole("button", { name: "Select all matching" }).click();
  await tools.expectSelectedCount(n);

  await tools.bulkBar.getByRole("button", { name: "Remove selected" }).click();
  await expect(tools.removeDialog).toHaveAccessibleName(`Remove ${n} ${n === 1 ? "comment" : "comments"}`);
  await tools.confirmRemoval("Other…", "Brigading the ferry thread");
  await expect(tools.bulkBar.getByRole("status")).toHaveText(`Removed ${n}.`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decision log" }).click();
  await expect(page).toHaveURL(/\/log$/);
  const rows = page.getByRole("row").filter({ hasText: "Other: Brigading the ferry thread" });
  await expect(rows).toHaveCount(n);
  await expect(rows.first()).toContainText("admin");
  await expect(rows.first()).toContainText("Removed");
  await expect(rows.first()).toContainText("Pending");
  await page.screenshot({ path: test.info().outputPath("decision-log.png"), fullPage: true });
});

