import { expect, Page, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

/**
 * User text is rendered, never run: an incident whose title, description (Markdown),
 * comment, work note and resolution notes carry script, an event handler and
 * `javascript:` links is shown on its page, in lists and on the entity tab; clicking
 * its links runs nothing, and none of it reaches the DOM as markup.
 */

const PAYLOAD = [
  '<script>window.__itsmXss=1</script>',
  '<img src=x onerror="window.__itsmXss=2">',
  '[click me](javascript:window.__itsmXss=3)',
  '<a href="javascript:window.__itsmXss=4">raw</a>',
].join('\n\n');

// Unique on the fresh database of the browser test, and itself a probe.
const TITLE =
  'Sanitised rendering probe <img src=x onerror="window.__itsmXss=5">';

/** Fails on anything the payload could have become in the page. */
async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as any).__itsmXss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      scripts: [...document.scripts]
        .filter(script => script.textContent?.includes('__itsmXss'))
        .map(script => script.outerHTML),
      handlers: all
        .filter(element =>
          element
            .getAttributeNames()
            .some(
              name =>
                name.toLowerCase().startsWith('on') &&
                element.getAttribute(name)!.includes('__itsmXss'),
            ),
        )
        .map(element => element.outerHTML),
      javascriptUrls: all
        .flatMap(element =>
          ['href', 'src', 'action', 'formaction', 'xlink:href'].map(name =>
            element.getAttribute(name),
          ),
        )
        .filter(value =>
          value
            ?.replace(/[\s\u0000-\u001f]/g, '')
            .toLowerCase()
            .startsWith('javascript:'),
        ),
    };
  });
  expect(found).toEqual({ scripts: [], handlers: [], javascriptUrls: [] });
}

test('user text with script, handlers and javascript: links is shown, never run', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', dialog => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await signInAsGuest(page);

  // Reported through the UI, on a component of the guest's team.
  await page.goto('/catalog/default/component/payments-api/itsm');
  await page.getByRole('button', { name: 'Report incident' }).first().click();
  const report = page.getByRole('dialog', { name: 'Report incident' });
  await report.getByLabel('Title').fill(TITLE);
  await report.getByLabel('Description').fill(PAYLOAD);
  await report.getByLabel('Impact').selectOption({ label: 'Low' });
  await report.getByLabel('Urgency').selectOption({ label: 'Low' });
  await report.getByRole('button', { name: 'Report' }).click();
  await expect(report).toBeHidden();

  // Its title in the entity tab's list.
  const row = page
    .getByRole('row', { name: /Sanitised rendering probe/ })
    .first();
  await expect(row).toBeVisible();
  await expectNothingRan(page, dialogs);

  await row.getByRole('link').first().click();
  await expect(
    page.getByRole('heading', { name: /Sanitised rendering probe/ }),
  ).toBeVisible();

  // A comment and a work note with the same text.
  const composer = page.getByRole('form', { name: 'Add to the timeline' });
  await composer.getByLabel('Comment (visible to the requester)').check();
  await composer.getByLabel('Comment', { exact: true }).fill(PAYLOAD);
  await composer.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByTestId('timeline-comment')).toContainText(
    '[click me](javascript:window.__itsmXss=3)',
  );
  await composer.getByLabel('Work note (internal)').check();
  await composer.getByLabel('Work note', { exact: true }).fill(PAYLOAD);
  await composer.getByRole('button', { name: 'Add work note' }).click();
  await expect(page.getByTestId('timeline-work-note')).toContainText(
    '<a href="javascript:window.__itsmXss=4">raw</a>',
  );

  // Resolution notes too: start work, then resolve with them.
  await page.getByRole('button', { name: 'Start work' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Start work' })
    .click();
  await page.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog');
  await resolve.getByLabel('Resolution code').selectOption({ label: 'Fixed' });
  await resolve.getByLabel('Resolution notes').fill(PAYLOAD);
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // A fresh load renders everything from what the server stored.
  await page.reload();
  await expect(
    page.getByRole('heading', { name: /Sanitised rendering probe/ }),
  ).toBeVisible();
  // The description's Markdown is rendered: its link texts are there (the other
  // fields show the text as written, so only the description has these alone).
  const clickMe = page.getByText('click me', { exact: true });
  const raw = page.getByText('raw', { exact: true });
  await expect(clickMe).toHaveCount(1);
  await expect(raw).toHaveCount(1);
  await expect(clickMe).toBeVisible();
  await expect(
    page.getByText('[click me](javascript:window.__itsmXss=3)').first(),
  ).toBeVisible();
  await expect(page.getByTestId('timeline-comment')).toContainText(
    '<script>window.__itsmXss=1</script>',
  );
  await expectNothingRan(page, dialogs);

  // Clicking what looks like links runs nothing.
  await clickMe.click();
  await raw.click();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/itsm\/incidents\//);
  await expectNothingRan(page, dialogs);

  // The title in the ITSM page's list.
  await page.goto('/itsm?tab=reported');
  await page
    .getByRole('combobox', { name: 'State' })
    .selectOption({ label: 'All' });
  await expect(
    page.getByRole('row', { name: /Sanitised rendering probe/ }).first(),
  ).toBeVisible();
  await expectNothingRan(page, dialogs);
});
