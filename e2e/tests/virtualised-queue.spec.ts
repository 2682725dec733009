import { writeFileSync } from "node:fs";
import { expect, test } from "../fixtures";
import { importFile } from "../import-fixture";
import { TriageTools } from "../page-models/triage";

// A thread of a few thousand comments: the queue loads pages as the moderator scrolls, keeps
// the DOM bounded (plain cards up to 200, then only the rows near the viewport), j moves into
// rows that were not rendered, and "Select all matching" reaches comments never loaded.
// Named to run last (files run in name order on one server): its thousands of comments would
// push other specs' comments out of the first page of unfiltered views.

const TITLE = "E2E long queue";
const COMMENTS = 2500;
/** Plain rows (PLAIN_ROWS in client/src/features/queue/queue-rows.tsx) plus a screenful of virtual rows and overscan. */
const MAX_ARTICLES = 200 + 40;

test.beforeAll(() => {
  const file = test.info().outputPath("long-queue.csv");
  const rows = ["thread_id,thread_title,comment_id,parent_id,author,created_at,body"];
  for (let i = 1; i <= COMMENTS; i++) {
    const n = String(i).padStart(4, "0");
    const minute = new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString();
    rows.push(`e2e-long,"${TITLE}",L${n},,Writer ${i % 97},${minute},"Long queue comment ${n} about the tram depot timetable"`);
  }
  writeFileSync(file, rows.join("\n") + "\n");
  importFile(file);
});

/** The number before "comments" in the list summary ("300+ comments"). */
async function loadedCount(page: import("@playwright/test").Page): Promise<number> {
  const text = (await page.getByText(/^\d+\+? comments/).first().textContent()) ?? "";
  return Number(/^(\d+)/.exec(text)?.[1] ?? 0);
}

test("scrolling loads more pages while the DOM stays bounded", async ({ queue, page }) => {
  test.setTimeout(90_000);
  await queue.open();
  await queue.filterByThread(TITLE);
  await queue.showView("All");
  await expect(page.getByText(/^100\+ comments/)).toBeVisible();

  // Scroll to the bottom until four pages are in.
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await loadedCount(page)).toBeGreaterThanOrEqual(400);
  }).toPass({ timeout: 40_000 });
  const articles = await queue.comments.count();
  expect(articles).toBeLessThanOrEqual(MAX_ARTICLES);
  test.info().annotations.push({ type: "dom", description: `${articles} <article> elements with ${await loadedCount(page)} comments loaded` });
  await page.screenshot({ path: test.info().outputPath("long-queue-bottom.png") });

  // The last loaded comment is rendered at the bottom, with its buttons, inside the virtual rows.
  const loaded = await loadedCount(page);
  const last = queue.comments.last();
  await expect(last).toBeVisible();
  await expect(last.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
  expect(loaded).toBeLessThan(COMMENTS);
});

test("j walks from the plain cards into virtualised rows, keeping the selected one focused", async ({ queue, page }) => {
  test.setTimeout(90_000);
  await queue.open();
  await queue.filterByThread(TITLE);
  await queue.showView("All");
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await loadedCount(page)).toBeGreaterThanOrEqual(300);
  }).toPass({ timeout: 40_000 });

  // The last plain card (the 200th), then j onto the first virtual row.
  const plainLast = queue.comments.nth(199);
  const snippet = await queue.snippetOf(plainLast);
  await plainLast.click();
  await expect(plainLast).toHaveAttribute("aria-current", "true");
  for (let i = 0; i < 3; i++) await page.keyboard.press("j");
  const selected = page.locator("article[aria-current='true']");
  await expect(selected).toBeFocused();
  await expect(selected).toBeInViewport();
  expect(await queue.snippetOf(selected)).not.toBe(snippet);

  // Scrolled far away, the selected row stays mounted, so a/r/u still act on it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(selected).toHaveCount(1);
  expect(await queue.comments.count()).toBeLessThanOrEqual(MAX_ARTICLES + 1);
});

test("select all matching selects comments that were never loaded", async ({ queue }) => {
  await queue.open();
  await queue.filterByThread(TITLE);
  await queue.showView("All");
  const tools = new TriageTools(queue);
  await tools.bulkBar.getByRole("button", { name: "Select all matching" }).click();
  // The server may cap the selection; either way it is far beyond the 100 loaded.
  await expect(tools.bulkBar.getByText(/^\d+ selected$/)).toBeVisible();
  const text = (await tools.bulkBar.getByText(/^\d+ selected$/).textContent()) ?? "";
  expect(Number(/^(\d+)/.exec(text)?.[1])).toBeGreaterThan(200);
});
