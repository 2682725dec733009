import { expect, test } from "../fixtures";

// The suite shares one server and database (one worker, tests in file order);
// each test leaves the comments it decides in a state the next ones expect.

test("opens on the review queue with the demo thread's flagged comments", async ({ queue }) => {
  await queue.open();

  await expect(queue.tab("Needs review")).toHaveAttribute("aria-selected", "true");
  await expect(queue.comments.first()).toBeVisible();
  expect(await queue.comments.count()).toBeGreaterThan(0);

  const first = queue.comments.first();
  await expect(queue.status(first)).toHaveText("Pending");
  await expect(first.getByRole("button", { name: "Approve" })).toBeVisible();
  await expect(first.getByRole("button", { name: "Remove" })).toBeVisible();
  await expect(first.getByRole("button", { name: "Undo" })).toHaveCount(0);
  // Review means flagged: each card names at least one flag category.
  await expect(first.getByRole("list", { name: "Flags" }).getByRole("listitem").first()).toBeVisible();

  await expect(queue.searchBox).toHaveAttribute("placeholder", "Search comments");
  await expect(queue.threadFilter.getByRole("option")).not.toHaveCount(1); // "All threads" plus the demo thread
});

test("approving keeps the comment in view with Undo, and Undo puts it back to pending", async ({ queue, page }) => {
  await queue.open();
  const snippet = await queue.snippetOf(queue.comments.first());
  const card = queue.comment(snippet);

  await queue.decide(card, "Approve");
  await queue.expectStatus(card, "Approved");
  await expect(card.getByRole("button", { name: "Undo" })).toBeVisible();
  await expect(card.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await queue.decide(card, "Undo");
  await queue.expectStatus(card, "Pending");
  await expect(card.getByRole("button", { name: "Approve" })).toBeVisible();

  // The server kept the undo: after a reload the comment is still waiting for review.
  await page.reload();
  await queue.expectStatus(queue.comment(snippet), "Pending");
});

test("removing a comment moves it to Removed, and All lists decided and pending comments", async ({ queue }) => {
  await queue.open();
  const removedSnippet = await queue.snippetOf(queue.comments.nth(0));
  const approvedSnippet = await queue.snippetOf(queue.comments.nth(1));

  const removed = queue.comment(removedSnippet);
  await queue.decide(removed, "Remove");
  await queue.expectStatus(removed, "Removed");
  await expect(removed.getByRole("button", { name: "Undo" })).toBeVisible();

  const approved = queue.comment(approvedSnippet);
  await queue.decide(approved, "Approve");
  await queue.expectStatus(approved, "Approved");

  // Changing view refreshes the lists: decided comments leave the review queue.
  await queue.showView("Removed");
  await queue.expectStatus(queue.comment(removedSnippet), "Removed");
  await expect(queue.comment(approvedSnippet)).toHaveCount(0);

  await queue.showView("Approved");
  await queue.expectStatus(queue.comment(approvedSnippet), "Approved");

  await queue.showView("All");
  await queue.expectStatus(queue.comment(removedSnippet), "Removed");
  await queue.expectStatus(queue.comment(approvedSnippet), "Approved");
  await expect(queue.comments.filter({ hasText: "Pending" }).first()).toBeVisible();

  await queue.showView("Needs review");
  await expect(queue.comment(removedSnippet)).toHaveCount(0);
  await expect(queue.comment(approvedSnippet)).toHaveCount(0);
});

test("a decision the server refuses is rolled back with a visible error", async ({ queue, page }) => {
  await queue.open();
  const card = queue.comment(await queue.snippetOf(queue.comments.first()));
  await page.route("**/api/comments/*/decision", (route) =>
    route.fulfill({ status: 500, json: { error: { code: "internal", message: "Something went wrong on the server" } } }),
  );

  await queue.decide(card, "Approve");

  await expect(card.getByRole("alert")).toContainText("Something went wrong on the server");
  await queue.expectStatus(card, "Pending");
  await expect(card.getByRole("button", { name: "Approve" })).toBeVisible();
});

test("the search box narrows the list to matching comments", async ({ queue, hostileThread }) => {
  await queue.open();
  await queue.showView("All");
  await queue.search("budget");
  await expect(queue.comments.filter({ hasText: hostileThread.title })).toHaveCount(2);
  await expect(queue.comments.filter({ hasNotText: /budget/i })).toHaveCount(0);
  await expect(queue.searchBox).toHaveValue("budget");
});

test("hostile markup in a comment is shown as text and never runs", async ({ queue, page, hostileThread }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await queue.open();
  await queue.showView("All");
  await queue.filterByThread(hostileThread.title);
  await expect(queue.comments).toHaveCount(2);

  const scripted = queue.comment("<script>window.__xss=1</script>");
  await expect(scripted).toBeVisible();
  await expect(queue.body(scripted)).toContainText("<script>window.__xss=1</script> you fucking idiot");
  await expect(queue.comment('<img src=x onerror="window.__xss=2">')).toBeVisible();
  await expect(scripted.getByText("<b>mallory</b>")).toBeVisible();

  // Nothing from the bodies became an element, and nothing ran.
  await expect(page.locator("article script, article img, article b")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("keyboard: j selects the next comment and a approves it", async ({ queue }) => {
  await queue.open();
  const card = queue.comment(await queue.snippetOf(queue.comments.first()));
  await queue.page.keyboard.press("j");
  await expect(card).toHaveAttribute("aria-current", "true");
  await queue.page.keyboard.press("a");
  await queue.expectStatus(card, "Approved");
  // Keys pressed while the server is still answering are ignored; wait for the answer as a moderator would.
  await expect(card).not.toHaveAttribute("aria-busy", "true");
  await queue.page.keyboard.press("u");
  await queue.expectStatus(card, "Pending");
});
