import { expect, test } from "../fixtures";
import { HARBOUR, importFixture } from "../import-fixture";

test.beforeAll(() => importFixture(HARBOUR.file));

test("the thread title on a card opens the thread: article, nested replies, decisions in place", async ({ queue, page }) => {
  await queue.open();
  await queue.showView("All");
  await queue.filterByThread(HARBOUR.title);
  await queue.comment("Calm down Tom").getByRole("link", { name: HARBOUR.title }).click();

  await expect(page).toHaveURL(/\/threads\//);
  await expect(page.getByRole("heading", { name: HARBOUR.title, level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /7 comments/ })).toBeVisible();
  const comments = page.getByRole("article");
  await expect(comments).toHaveCount(7);

  // The reply sits in the list under its parent.
  const parentItem = page.getByRole("listitem").filter({ has: page.getByRole("article", { name: "Comment by Tom Ferry" }) });
  await expect(parentItem.getByRole("list").getByRole("article", { name: "Comment by Ana Quay" })).toContainText("Calm down Tom");

  const reply = comments.filter({ hasText: "Calm down Tom" });
  const status = reply.getByText(/^(Pending|Approved|Removed)$/);
  const before = (await status.textContent()) ?? "";
  const decision = before === "Approved" ? "Remove" : "Approve";
  await reply.getByRole("button", { name: decision, exact: true }).click();
  if (decision === "Remove") await page.getByRole("dialog", { name: /^Remove / }).getByRole("button", { name: "Remove" }).click();
  await expect(status).toHaveText(decision === "Approve" ? "Approved" : "Removed");
  await page.screenshot({ path: test.info().outputPath("thread.png") });
  await reply.getByRole("button", { name: "Undo" }).click();
  await expect(status).toHaveText(before);

  // Back returns to the queue.
  await page.goBack();
  await expect(queue.heading).toBeVisible();
  await expect(page.getByRole("tablist", { name: "Queue views" })).toBeVisible();
});
