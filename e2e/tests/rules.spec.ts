import { expect, test } from "../fixtures";
import { importFixture } from "../import-fixture";
import { ApiSession } from "../page-models/api-session";
import { RulesPage } from "../page-models/rules-page";

// The Rules page, in file order on its own thread (rules-cove.csv: four "grockle" comments, one of
// them hostile markup, and an "emmet"): a site rule is backtested live and saved with a rescan,
// a second rule is toggled, edited and deleted, an exception is added from a queue flag chip,
// and one suggested by approvals is added in one click. Words are Cornish slang no built-in
// rule knows, so the counts here are the site rule's own.

const COVE = "E2E rules cove";
const RULE = "e2e-tourist";

test.describe.configure({ mode: "serial" });
test.beforeAll(() => importFixture("rules-cove.csv"));

test.beforeEach(async ({ queue }) => {
  await queue.signIn();
});

test("an admin writes a rule, the live backtest counts and shows what it would flag, and Save and rescan applies it", async ({ page }) => {
  const rules = new RulesPage(page);
  await rules.openFromNav();
  await expect(rules.builtinRules.getByRole("rowheader", { name: "threat.intent" })).toBeVisible();

  await rules.fill({ id: RULE, kind: "regex", category: "insult", note: "Tourists are welcome here" });
  await rules.fill({ pattern: "grockle|emmet" });
  await expect(rules.figure("Would newly flag")).toHaveText("5");
  const examples = rules.backtest.getByRole("list", { name: "Would newly flag: examples" });
  await expect(examples.getByRole("listitem")).toHaveCount(5);
  await expect(examples.locator("mark").first()).toHaveText(/grockle|emmet/i);
  // The hostile comment's markup is shown as text, never as an element.
  await expect(examples.getByText('<img src=x onerror="window.__xss=1">', { exact: false })).toBeVisible();
  await expect(examples.locator("img")).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("rules-backtest.png"), fullPage: true });

  await rules.form.getByRole("button", { name: "Save and rescan" }).click();
  await expect(rules.status).toHaveText(new RegExp(`^Added rule ${RULE}\\. Rescanned \\d+ comments, \\d+ changed\\.$`));
  const row = rules.siteRow(RULE);
  await expect(row).toContainText("grockle|emmet");
  await expect(row.getByRole("switch", { name: `Enable rule ${RULE}` })).toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("the queue shows the new rule's flags", async ({ queue }) => {
  await queue.filterByThread(COVE);
  await expect(queue.comments).toHaveCount(5);
  await expect(queue.comment("emmet parked").getByRole("list", { name: "Flags" })).toContainText("Insult");
});

test("an unsafe regular expression is refused with the server's reason", async ({ page }) => {
  const rules = new RulesPage(page);
  await rules.openFromNav();
  await rules.fill({ id: "e2e-bad", kind: "regex", pattern: "(a+)+$" });
  await expect(rules.backtest.getByRole("alert")).toBeVisible();
  await expect(rules.backtest.getByRole("alert")).not.toBeEmpty();
});

test("a rule is disabled, edited and deleted", async ({ page }) => {
  test.slow(); // several saves and a reload on a shared, busy machine
  const rules = new RulesPage(page);
  await rules.openFromNav();
  await rules.fill({ id: "e2e-spare", kind: "word", pattern: "zzyzx" });
  await expect(rules.figure("Would newly flag")).toHaveText("0");
  await rules.form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(rules.status).toHaveText("Added rule e2e-spare.");
  const row = rules.siteRow("e2e-spare");

  const toggle = row.getByRole("switch", { name: "Enable rule e2e-spare" });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await page.reload();
  await expect(rules.siteRow("e2e-spare").getByRole("switch")).not.toBeChecked();

  await rules.siteRow("e2e-spare").getByRole("button", { name: "Edit rule e2e-spare" }).click();
  await expect(page.getByRole("form", { name: "Edit rule e2e-spare" })).toBeVisible();
  await expect(rules.form.getByLabel("Rule id")).toHaveValue("e2e-spare");
  await expect(rules.form.getByLabel("Pattern")).toBeFocused();
  await rules.fill({ pattern: "zzyzxx" });
  await rules.form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(rules.status).toHaveText("Saved rule e2e-spare.");
  await expect(rules.siteRow("e2e-spare")).toContainText("zzyzxx");

  await rules.siteRow("e2e-spare").getByRole("button", { name: "Delete rule e2e-spare…" }).click();
  await expect(rules.siteRow("e2e-spare").getByRole("button", { name: "Delete e2e-spare" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(rules.status).toHaveText("Deleted rule e2e-spare and its flags.");
  // The row and its buttons are gone: focus is on the result, not lost.
  await expect(rules.status).toBeFocused();
  await expect(rules.siteRow("e2e-spare")).toHaveCount(0);
});

test("from a queue flag chip an admin adds an exception after seeing how many flags it clears", async ({ queue, page }) => {
  await queue.filterByThread(COVE);
  const card = queue.comment("emmet parked");
  const chip = card.getByRole("button", { name: "Insult" });
  await expect(chip).toHaveAccessibleDescription(/site\.e2e-tourist/);
  await chip.click();
  const dialog = page.getByRole("dialog", { name: "Add an exception" });
  await expect(dialog).toContainText("It would clear 1 flag on stored comments");
  await page.screenshot({ path: test.info().outputPath("add-exception.png") });
  await dialog.getByRole("button", { name: "Add exception" }).click();
  await expect(dialog.getByRole("status")).toHaveText(/^Added\. Rescanned \d+ comments, \d+ changed\.$/);
  await dialog.getByRole("button", { name: "Close" }).click();

  // Cleared: the comment leaves Needs review and carries no flag.
  await expect(queue.comment("emmet parked")).toHaveCount(0);
  await queue.showView("All");
  await expect(queue.comment("emmet parked").getByRole("list", { name: "Flags" })).toHaveCount(0);
});

test("approving a word again and again makes it a suggested exception, added in one click", async ({ page, baseURL }) => {
  const colleague = await ApiSession.signIn(baseURL!);
  try {
    for (const text of ["blocking the harbour road", "season starts early", "wants a pasty"]) await colleague.decide(text, "approve");
  } finally {
    await colleague.dispose();
  }
  const rules = new RulesPage(page);
  await rules.openFromNav();
  const suggestion = rules.suggestions.getByRole("listitem").filter({ hasText: `site.${RULE}` });
  await expect(suggestion).toContainText("grockle");
  await expect(suggestion).toContainText("approved 3 times, removed 0");
  await suggestion.getByRole("button", { name: `Add exception “grockle” for site.${RULE}` }).click();
  await expect(rules.status).toHaveText(/^Added the exception “grockle” for site\.e2e-tourist\. Rescanned/);
  await expect(rules.exceptions).toContainText("grockle");
  await expect(rules.exceptions).toContainText("emmet");
  await expect(rules.suggestions.getByRole("listitem").filter({ hasText: `site.${RULE}` })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("rules-page.png"), fullPage: true });
});

test("reads well at tablet width", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  const rules = new RulesPage(page);
  await rules.openFromNav();
  await rules.fill({ id: "e2e-tablet", kind: "word", pattern: "grockle" });
  await expect(rules.figure("Would newly flag")).not.toBeEmpty();
  // Nothing wider than the window: tables scroll inside their own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
  await page.screenshot({ path: test.info().outputPath("rules-tablet.png"), fullPage: true });
});

test("a viewer reads the rules but gets no form, switches or buttons", async ({ page, queue, signInPage, viewerAccount }) => {
  await signInPage.signOut.click();
  await queue.signIn(viewerAccount.username, viewerAccount.password);
  const rules = new RulesPage(page);
  await rules.openFromNav();
  await expect(rules.siteRow(RULE)).toBeVisible();
  await expect(rules.form).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
});
