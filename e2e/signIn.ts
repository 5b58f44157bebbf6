import { Browser, expect, Page } from '@playwright/test';

/** Waits for the catalog home page, where every sign-in lands. */
async function landed(page: Page) {
  await expect(
    page.getByRole('heading', { name: 'ACME Corp Catalog' }),
  ).toBeVisible();
}

/** Signs in as the guest (a member of the payments team) on the sign-in page. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await landed(page);
}

/** A browser context of its own, signed in as a demo user through the sign-in page. */
export async function signInAs(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByLabel('Demo user').selectOption(user);
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await landed(page);
  return page;
}
