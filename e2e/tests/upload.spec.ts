import { expect, test } from "../fixtures";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

test("import a file from the browser: detected format and summary, then the thread is in the queue", async ({ queue, page }) => {
  await queue.open();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import comments" })).toBeVisible();

  await page.getByLabel("Choose a file").setInputFiles(fixture("upload.json"));
  const result = page.getByRole("region", { name: "Import result" });
  await expect(result).toContainText("Imported E2E uploaded pier thread as json: 2 comments");
  await page.screenshot({ path: test.info().outputPath("import.png") });

  await result.getByRole("link", { name: "Review them in the queue" }).click();
  await queue.showView("All");
  await queue.filterByThread("E2E uploaded pier thread");
  await expect(queue.comments).toHaveCount(2);
});

test("a file that cannot be read is refused with the reason", async ({ queue, page }) => {
  await queue.open();
  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel("Choose a file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
  await expect(page.getByRole("alert")).toContainText("Could not import: empty.csv");
});
