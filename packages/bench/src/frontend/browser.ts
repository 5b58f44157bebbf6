import { chromium } from 'playwright-core';

export interface BrowserTiming {
  /** Navigation to the entity tab until its incident table shows rows, first time. */
  firstMs: number;
  /** The same navigation again (chunks cached by the browser). */
  tableMs: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium against the app served by the bench backend (app-backend serves
 * packages/app/dist): signs in through the sign-in page's demo user card as e2e/signIn.ts
 * does, then times a fresh navigation to the component's ITSM tab until the incident
 * table has rows (the first page of its open incidents).
 */
export async function timeEntityTab(options: {
  baseUrl: string;
  user: string;
  componentName: string;
  log: (line: string) => void;
}): Promise<BrowserTiming> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${options.baseUrl}/`);
    await page.getByLabel('Demo user').selectOption(options.user);
    await page.getByRole('button', { name: /^Sign in as / }).click();
    await page
      .getByRole('heading', { name: /Catalog/ })
      .first()
      .waitFor();

    const url = `${options.baseUrl}/catalog/default/component/${options.componentName}/itsm`;
    const times: number[] = [];
    // The first navigation loads the plugin's chunks; the second has them cached.
    for (let i = 0; i < 2; i++) {
      const start = Date.now();
      await page.goto(url);
      await page
        .getByRole('table')
        .filter({ hasText: 'INC-' })
        .first()
        .waitFor();
      times.push(Date.now() - start);
    }
    options.log(
      `  browser: entity tab table in ${times.join(' ms, then ')} ms`,
    );
    return { firstMs: times[0], tableMs: times[1] };
  } finally {
    await browser.close();
  }
}
