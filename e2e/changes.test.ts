import { expect, test } from '@playwright/test';
import path from 'path';
import { localInput } from './localTime';
import { signInAs } from './signIn';

/**
 * Two demo users on the running portal: alice (payments team) requests a normal change
 * on the storefront team's checkout-web; carol (storefront team) finds it waiting for
 * her approval and approves it; alice sees it scheduled, with carol's decision in the
 * timeline.
 */

test('a change on another team’s component is approved by a member of that team', async ({
  browser,
}) => {
  // The browser test runs on a fresh database (scripts/e2e.sh), so the title is unique.
  const title = 'Move checkout-web to the new CDN';
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setHours(22, 0, 0, 0);
  const end = new Date(start.getTime() + 3600_000);

  const alice = await signInAs(browser, 'alice');
  await alice.goto('/catalog/default/component/checkout-web/itsm');
  await alice.getByRole('button', { name: 'Request change' }).first().click();
  const dialog = alice.getByRole('dialog', { name: 'Request change' });
  const field = (name: string) => dialog.getByRole('textbox', { name });
  await field('Title').fill(title);
  await field('Description').fill(
    'Switch the origin of static assets to the new CDN.',
  );
  await dialog
    .getByRole('combobox', { name: 'Type' })
    .selectOption({ label: 'Normal' });
  await dialog
    .getByRole('combobox', { name: 'Risk' })
    .selectOption({ label: 'Moderate' });
  await field('Planned start').fill(localInput(start));
  await field('Planned end').fill(localInput(end));
  await field('Implementation plan').fill(
    'Flip the CDN origin in the edge config.',
  );
  await field('Backout plan').fill('Flip it back.');
  await field('Test plan').fill('Load the checkout page.');
  await dialog.getByRole('button', { name: 'Create' }).click();

  // Open it from the component's changes and take it to authorisation.
  const row = alice.getByRole('row', { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(alice.getByRole('heading', { name: title })).toBeVisible();
  for (const step of ['Assess', 'Authorize']) {
    await alice.getByRole('button', { name: step, exact: true }).click();
    const confirm = alice.getByRole('dialog');
    if (await confirm.isVisible().catch(() => false)) {
      await confirm.getByRole('button', { name: step, exact: true }).click();
    }
    await expect(alice.getByText(step, { exact: true }).first()).toBeVisible();
  }
  // Routed to the owner of checkout-web, from the catalog; the requester cannot decide it.
  await expect(
    alice.getByText('group:default/team-storefront').first(),
  ).toBeVisible();
  await expect(
    alice.getByRole('button', { name: 'Approve', exact: true }),
  ).toHaveCount(0);
  const number = (alice.url().match(/CHG-\d+/) ?? [])[0];
  expect(number).toBeDefined();

  // carol, of the storefront team, finds it waiting for her approval: on her home
  // page, and in the approval queue of the ITSM page.
  const carol = await signInAs(browser, 'carol');
  await carol.goto('/home');
  await expect(carol.getByText('Waiting for my approval')).toBeVisible();
  await expect(carol.getByRole('link', { name: number! })).toBeVisible();
  await carol.goto('/itsm?tab=approvals');
  await carol.getByRole('link', { name: number! }).click();
  await expect(carol.getByRole('heading', { name: title })).toBeVisible();
  await carol.getByRole('button', { name: 'Approve', exact: true }).click();
  const decision = carol.getByRole('dialog');
  await decision.getByLabel('Comment').fill('CDN config reviewed, go ahead.');
  await decision.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(
    carol.getByText('Scheduled', { exact: true }).first(),
  ).toBeVisible();
  if (process.env.ITSM_SCREENSHOTS) {
    await carol.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'change-page.png'),
      fullPage: true,
    });
  }

  // alice sees it scheduled, and who approved it with what.
  await alice.reload();
  await expect(
    alice.getByText('Scheduled', { exact: true }).first(),
  ).toBeVisible();
  await expect(
    alice.getByText('CDN config reviewed, go ahead.').first(),
  ).toBeVisible();
});
