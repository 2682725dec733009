import { expect, test } from "../fixtures";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

test("import a file from the browser: detected format and summary, then the thread is in the queue", async ({ queue, page }) => {
  await queue.open();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import comments" })).toBeVisible();

  await page.getByLabel("Choose a file").setInputFiles(fixture("upload.json"));
  const result = page.getByRole("region", { name: "Import result" });
  await expect(result).toContainText("Imported E2E uploaded pier thread as json: 4 comments");
  await page.screenshot({ path: test.info().outputPath("import.png") });

  await result.getByRole("link", { name: "Review them in the queue" }).click();
  await queue.showView("All");
  await queue.filterByThread("E2E uploaded pier thread");
  await expect(queue.comments).toHaveCount(4);
});

test("near-duplicates from different authors are grouped and decided once for the group", async ({ queue, page }) => {
  await queue.open();
  await queue.showView("All");
  await queue.filterByThread("E2E uploaded pier thread");
  await page.getByText("1 group of near-duplicate comments (2 comments)").click();
  await page.getByRole("list", { name: "Near-duplicate groups" }).getByRole("button", { name: /^Select the 2 comments like/ }).click();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk.getByText("2 selected")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("duplicates.png") });
  await bulk.getByRole("button", { name: "Remove selected" }).click();
  await page.getByRole("dialog", { name: "Remove 2 comments" }).getByRole("button", { name: "Remove" }).click();
  await expect(bulk.getByRole("status")).toHaveText("Removed 2.");
  await queue.expectStatus(queue.comment("for 50% OFF pier tickets"), "Removed");
  await queue.expectStatus(queue.comment("for 70% off PIER tickets"), "Removed");
});

test("a file that cannot be read is refused with the reason", async ({ queue, page }) => {
  await queue.open();
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel("Choose a file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
  await expect(page.getByRole("alert")).toContainText("Could not import: empty.csv");
});
