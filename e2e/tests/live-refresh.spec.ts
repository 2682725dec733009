import { expect, test } from "../fixtures";
import { importFixture } from "../import-fixture";
import { ApiSession } from "../page-models/api-session";

// A colleague decides through the API while this page is open: the card, the counts and the
// thread page follow without a reload (the dashboard polls every few seconds).

const PIER = "E2E pier repairs";

test.beforeAll(() => importFixture("pier.csv"));

test("a decision made in another session shows up in the open queue and thread page", async ({ queue, page, baseURL }) => {
  const colleague = await ApiSession.signIn(baseURL!);
  try {
    await queue.open();
    await queue.filterByThread(PIER);
    const card = queue.comment("total moron");
    await queue.expectStatus(card, "Pending");
    const approvedTab = queue.tab("Approved");
    const approvedBefore = Number((await approvedTab.textContent())?.replace(/\D/g, "") || 0);
    // Navigation by URL would reload; note the page instance to prove it was not reloaded.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    await colleague.decide("total moron", "approve");
    // The card stays where it is and shows the colleague's decision; the tab count follows.
    await queue.expectStatus(card, "Approved");
    await expect(approvedTab).toHaveText(new RegExp(`${approvedBefore + 1}$`));
    await page.screenshot({ path: test.info().outputPath("live-queue.png") });

    // The thread page follows too.
    await card.getByRole("link", { name: PIER }).click();
    const threadCard = page.getByRole("article").filter({ hasText: "is an idiot and a crook" });
    await expect(threadCard.getByText(/^(Pending|Approved|Removed)$/)).toHaveText("Pending");
    await colleague.decide("is an idiot and a crook", "remove");
    await expect(threadCard.getByText(/^(Pending|Approved|Removed)$/)).toHaveText("Removed");
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  } finally {
    await colleague.dispose();
  }
});
