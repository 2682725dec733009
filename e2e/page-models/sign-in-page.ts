import { expect, type Locator, type Page } from "@playwright/test";

/** The password the e2e server gives `admin` (playwright.config.ts sets SIFT_ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = process.env.SIFT_E2E_PASSWORD ?? "e2e-Pass-5150!";

/** The sign-in form, and the header's session menu once signed in. */
export class SignInPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel("Username");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = page.getByRole("alert");
    this.signOut = page.getByRole("button", { name: "Sign out" });
  }

  async signIn(username: string, password: string): Promise<void> {
    await expect(this.password).toBeVisible();
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
