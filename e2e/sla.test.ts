import { expect, test } from '@playwright/test';
import path from 'path';
import { signInAsGuest } from './signIn';

/**
 * The SLA view on the demo portal: the SLA tab of the ITSM page shows compliance by
 * group and the demo's breached, at-risk and met timers; a breached record's page
 * explains its timer; the payments API's overview has the SLA card.
 */

test('the SLA dashboard shows compliance by group and breached, at-risk and met timers', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/itsm?tab=sla');
  await expect(page.getByRole('tab', { name: 'SLA' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // The organisation's figures and weekly trend.
  const organisation = page.getByRole('region', { name: 'Organisation' });
  await expect(
    organisation.getByRole('group', { name: 'Compliance, 30 days' }),
  ).toContainText(/\d+(\.\d)?%|—/);
  await expect(
    organisation.getByRole('img', { name: /^SLA compliance per week/ }),
  ).toBeVisible();

  // Compliance by group: at least one group with measured timers, as a drill-down button.
  const compliance = page.getByRole('region', { name: 'Compliance' });
  await expect(
    compliance.getByText('Compliance by group, last 30 days'),
  ).toBeVisible();
  // Body rows (cells, not column headers, whose sort labels are buttons too) of a group:
  // its name and its non-zero counts are drill-down buttons; "No group" has none.
  const groupRows = compliance
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
    .filter({ has: page.getByRole('button') });
  await expect(groupRows.first()).toBeVisible();

  // What needs attention: the demo has open breached and at-risk timers.
  const timers = page.getByRole('region', { name: 'SLA timers' });
  await expect(timers.getByTestId('sla-status-breached').first()).toBeVisible();
  await expect(timers.getByTestId('sla-status-at_risk').first()).toBeVisible();
  await expect(timers.getByRole('progressbar').first()).toHaveAttribute(
    'aria-valuetext',
    / of /,
  );

  if (process.env.ITSM_SCREENSHOTS) {
    // The portal scrolls inside its content area, so a tall window shows it all.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1440, height: 1900 });
    await page.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'sla-dashboard.png'),
    });
    if (viewport) await page.setViewportSize(viewport);
  }

  // Met timers of the period, on request.
  await timers
    .getByRole('combobox', { name: 'Show' })
    .selectOption({ label: 'Met in the period' });
  await expect(timers.getByTestId('sla-status-met').first()).toBeVisible();
  await expect(timers.getByTestId('sla-status-breached')).toHaveCount(0);

  // A group's row drills down to its breached timers.
  await groupRows.first().getByRole('cell').first().getByRole('button').click();
  await expect(
    timers.getByText(/^SLA timers of .+: breached in the period$/),
  ).toBeVisible();

  // Back to what needs attention; a breached record's page explains its timer.
  await timers
    .getByRole('combobox', { name: 'Show' })
    .selectOption({ label: 'Breached, open' });
  await timers.getByRole('button', { name: /^Show every group$/ }).click();
  const breachedRow = timers
    .getByRole('row')
    .filter({ has: page.getByTestId('sla-status-breached') })
    .first();
  await breachedRow.getByRole('link').first().click();
  const sla = page.getByRole('region', { name: 'SLA' });
  await expect(sla.getByTestId('sla-status-breached').first()).toBeVisible();
  await expect(sla.getByText('Policy')).toBeVisible();
  await sla
    .getByRole('button', { name: /^Why\? / })
    .first()
    .click();
  await expect(sla.getByRole('list', { name: /^Why: / }).first()).toContainText(
    'Started',
  );
  if (process.env.ITSM_SCREENSHOTS) {
    await sla.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'record-sla.png'),
    });
  }
});

test('the SLA card on a component shows its compliance and the timers that need someone', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-api');
  const card = page.getByRole('region', { name: 'SLA' });
  await expect(
    card.getByRole('group', { name: 'Compliance, 30 days' }),
  ).toBeVisible();
  await expect(
    card.getByRole('group', { name: 'Compliance, 90 days' }),
  ).toBeVisible();
  await expect(
    card.getByRole('group', { name: 'Open breaches' }),
  ).toBeVisible();
  // The demo's P2 on payments-api, untouched for hours: breached or at risk.
  await expect(
    card.getByText('Refund webhook retries pile up').first(),
  ).toBeVisible();
  const record = card.getByRole('link', { name: /^INC-\d+$/ }).first();
  await expect(record).toHaveAttribute('href', /\/itsm\/incidents\/INC-\d+$/);
  await expect(card.getByRole('progressbar').first()).toBeVisible();
  if (process.env.ITSM_SCREENSHOTS) {
    await card.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'entity-sla-card.png'),
    });
  }
});
