import { expect, test } from "../fixtures";
import { ADMIN_PASSWORD } from "../page-models/sign-in-page";

// Shares the server with queue.spec.ts (one worker, files in name order): it decides nothing, so the queue tests see the demo thread as they expect.

test("a wrong password shows a message and keeps the sign-in form", async ({ page, signInPage, queue }) => {
  await page.goto("/");
  await signInPage.signIn("admin", "not the password");
  await expect(signInPage.error).toHaveText("Wrong username or password.");
  await expect(signInPage.password).toBeVisible();
  await expect(queue.comments).toHaveCount(0);

  // The same message for an account that does not exist.
  await signInPage.signIn("nobody-here", "not the password");
  await expect(signInPage.error).toHaveText("Wrong username or password.");
});

test("a viewer sees the queue but no decision buttons", async ({ queue, viewerAccount }) => {
  await queue.open(viewerAccount.username, viewerAccount.password);
  await expect(queue.page.getByText(viewerAccount.username, { exact: true })).toBeVisible();
  const first = queue.comments.first();
  await expect(queue.status(first)).toBeVisible();
  await expect(queue.page.getByRole("button", { name: /^(Approve|Remove|Undo)$/ })).toHaveCount(0);

  // The remove shortcut does nothing either: the Removed count is the same after a reload.
  const removedBefore = await queue.tab("Removed").textContent();
  await first.click();
  await queue.page.keyboard.press("r");
  await queue.page.reload();
  await expect(queue.comments.first()).toBeVisible();
  await expect(queue.tab("Removed")).toHaveText(removedBefore ?? "");
});

test("signing out returns to the sign-in form, and the session is gone after a reload", async ({ page, queue, signInPage }) => {
  await queue.open("admin", ADMIN_PASSWORD);
  await signInPage.signOut.click();
  await expect(signInPage.password).toBeVisible();
  await expect(queue.comments).toHaveCount(0);
  await page.reload();
  await expect(signInPage.password).toBeVisible();
  const status = await page.evaluate(async () => (await fetch("/api/comments")).status);
  expect(status).toBe(401);
});

test("an admin adds a user in the Users panel, and the new user can sign in", async ({ page, queue, signInPage }) => {
  await queue.open("admin", ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Users" }).click();
  const panel = page.getByRole("dialog", { name: "Users" });
  await expect(panel.getByRole("button", { name: "Disable admin" })).toBeVisible();
  await panel.getByLabel("New username").fill("e2e-added");
  await panel.getByLabel("New password").fill("added-Pass-3141!");
  await panel.getByLabel("Role", { exact: true }).selectOption("viewer");
  await panel.getByRole("button", { name: "Add user" }).click();
  await expect(panel.getByRole("button", { name: "Disable e2e-added" })).toBeVisible();
  await panel.getByRole("button", { name: "Close" }).click();

  await signInPage.signOut.click();
  await signInPage.signIn("e2e-added", "added-Pass-3141!");
  await expect(queue.comments.first()).toBeVisible();
  // Viewers get neither decision buttons nor the Users panel.
  await expect(page.getByRole("button", { name: "Users" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Approve|Remove)$/ })).toHaveCount(0);
});
