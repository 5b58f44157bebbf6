import { expect, test } from '@playwright/test';
import path from 'path';
import { signInAsGuest } from './signIn';

/**
 * A new user on the demo portal: opens a component, sees its incidents, reports one,
 * works it to resolved with a note and finds every step in its timeline.
 */

test('report an incident on a component and resolve it', async ({ page }) => {
  // The browser test runs on a fresh database (scripts/e2e.sh), so the title is unique.
  const title = 'Latency spike on payment authorisations';
  await signInAsGuest(page);

  // The overview shows the component's open (demo) incidents in a card...
  await page.goto('/catalog/default/component/payments-api');
  await expect(page.getByText('Open incidents', { exact: true })).toBeVisible();
  await expect(
    page.getByText('Card payments fail with 502 for some customers').first(),
  ).toBeVisible();

  // ...and the Service management tab lists them (first in the incidents table; the
  // SLA section further down lists their timers too).
  await page.goto('/catalog/default/component/payments-api/itsm');
  await expect(
    page.getByText('Card payments fail with 502 for some customers').first(),
  ).toBeVisible();

  // Report an incident, prefilled with the component.
  await page.getByRole('button', { name: 'Report incident' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Report incident' });
  await expect(dialog.getByText('Configuration item:')).toBeVisible();
  await expect(
    dialog.getByRole('link', { name: 'Payments API' }),
  ).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Description')
    .fill('p99 of POST /payments is 4 s since 10:05');
  await dialog.getByLabel('Impact').selectOption({ label: 'High' });
  await dialog.getByLabel('Urgency').selectOption({ label: 'Medium' });
  await dialog.getByRole('button', { name: 'Report' }).click();

  // It appears in the component's list, and opens.
  const row = page.getByRole('row', { name: new RegExp(title) }).first();
  await expect(row).toBeVisible();
  await expect(row.getByText('P2')).toBeVisible();
  if (process.env.ITSM_SCREENSHOTS) {
    await page.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'entity-incidents.png'),
    });
  }
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // Work it: start, then resolve with a code and notes.
  await page.getByRole('button', { name: 'Start work' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Start work' })
    .click();
  await expect(page.getByRole('button', { name: 'Resolve' })).toBeVisible();
  await page.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog');
  await resolve.getByLabel('Resolution code').selectOption({ label: 'Fixed' });
  await resolve
    .getByLabel('Resolution notes')
    .fill('Raised the connection pool size from 10 to 40.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // Every step is in the timeline.
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByText('opened the incident').first()).toBeVisible();
  await expect(timeline.getByText(/in progress/i).first()).toBeVisible();
  await expect(timeline.getByText(/resolved/i).first()).toBeVisible();
  await expect(
    page.getByText('Raised the connection pool size from 10 to 40.').first(),
  ).toBeVisible();

  if (process.env.ITSM_SCREENSHOTS) {
    await page.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'incident-page.png'),
      fullPage: true,
    });
  }
});
