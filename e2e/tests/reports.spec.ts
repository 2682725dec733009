import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, test } from "../fixtures";
import { importFixture } from "../import-fixture";
import { ApiSession } from "../page-models/api-session";
import { ReportsPage } from "../page-models/reports-page";

const LIGHTHOUSE = "E2E lighthouse survey";

test.beforeAll(async ({ baseURL }) => {
  importFixture("lighthouse.csv");
  // A colleague's decisions: one insult removed, the other approved (an overturned flag).
  const colleague = await ApiSession.signIn(baseURL!);
  await colleague.decide("You absolute idiot", "remove");
  await colleague.decide("pathetic moron", "approve");
  await colleague.dispose();
});

test("the reports page shows a thread's figures and charts, narrows by date, and downloads each format with the same figures", async ({ queue, page }) => {
  await queue.open();
  const reports = new ReportsPage(page);
  await reports.openFromNav();
  await reports.chooseThread(LIGHTHOUSE);

  await expect(reports.figure("Comments")).toHaveText("6");
  await expect(reports.figure("Flagged")).toHaveText("3");
  await expect(reports.figure("Removed")).toHaveText("1");
  await expect(reports.figure("Approved")).toHaveText("1");
  await expect(reports.figure("Pending")).toHaveText("4");
  await expect(page.getByRole("img", { name: "Flagged comments by category and status" })).toBeVisible();
  // Per day or per week: the removal was decided today, which may be long after the comments.
  await expect(page.getByRole("img", { name: /^Comments and decisions per (day|week)$/ })).toBeVisible();
  await expect(reports.ruleRow("insult.addressed")).toContainText(/Insult\s*2\s*1\s*1\s*0\s*50%/);
  await page.screenshot({ path: test.info().outputPath("reports.png"), fullPage: true });

  const json = JSON.parse((await reports.download("JSON")).text) as { threads: { title: string }[]; summary: { totals: Record<string, number> } };
  expect(json.threads.map((t) => t.title)).toEqual([LIGHTHOUSE]);
  expect(json.summary.totals).toMatchObject({ comments: 6, flagged: 3, removed: 1, approved: 1, pending: 4 });

  const csv = await reports.download("CSV of comments");
  expect(csv.download.suggestedFilename()).toMatch(/^sift-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(csv.text, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(6);
  expect(rows.filter((r) => r.status === "removed").map((r) => [r.author, r.decision, r.moderator])).toEqual([["Cal Fog", "remove", "admin"]]);

  const rules = parseCsv((await reports.download("CSV of rules")).text, { columns: true }) as Record<string, string>[];
  expect(rules.find((r) => r.rule === "insult.addressed")).toMatchObject({ hits: "2", approved: "1", removed: "1", precision: "0.500" });

  // A window of days narrows the figures, and the downloads follow it.
  await reports.scope.getByLabel("From").fill("2025-06-03");
  await reports.scope.getByLabel("To").fill("2025-06-03");
  await expect(reports.figure("Comments")).toHaveText("2");
  const windowed = JSON.parse((await reports.download("JSON")).text) as { summary: { totals: { comments: number }; scope: { since: string; until: string } } };
  expect(windowed.summary.totals.comments).toBe(2);
  expect(windowed.summary.scope).toMatchObject({ since: "2025-06-03", until: "2025-06-03" });

  // The HTML report opens on its own in the browser: the same figures, no network, no scripts.
  await reports.scope.getByRole("button", { name: "Clear" }).click();
  await reports.chooseThread(LIGHTHOUSE);
  await expect(reports.figure("Comments")).toHaveText("6");
  const html = await reports.download("HTML report");
  const file = test.info().outputPath("report.html");
  writeFileSync(file, html.text);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole("heading", { name: "Moderation report", level: 1 })).toBeVisible();
  await expect(page.getByText(`Thread: ${LIGHTHOUSE}`)).toBeVisible();
  const figure = (label: string) => page.locator(".figure").filter({ has: page.locator(".label", { hasText: new RegExp(`^${label}$`) }) }).locator(".value");
  await expect(figure("Comments")).toHaveText("6");
  await expect(figure("Removed")).toHaveText("1");
  await expect(page.getByRole("img", { name: "Flagged comments by category and status" })).toBeVisible();
  expect(await page.locator("script").count()).toBe(0);
  expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("report-html.png"), fullPage: true });
});

test("a thread page downloads its decisions as an actions CSV for the platform's own tools", async ({ queue, page }) => {
  await queue.open();
  await queue.showView("All");
  await queue.filterByThread(LIGHTHOUSE);
  await queue.comment("You absolute idiot").getByRole("link", { name: LIGHTHOUSE }).click();
  await expect(page).toHaveURL(/\/threads\//);
  const links = page.getByRole("navigation", { name: "Send decisions back" });
  await expect(links.getByRole("link", { name: /WordPress|Disqus/ })).toHaveCount(0); // a CSV import has no original to write back into
  const [download] = await Promise.all([page.waitForEvent("download"), links.getByRole("link", { name: "Actions CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sift-actions-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(readFileSync(await download.path(), "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.comment_external_id, r.action]).sort()).toEqual([["l2", "remove"], ["l5", "approve"]]);
});
