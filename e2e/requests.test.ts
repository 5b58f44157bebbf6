import { expect, Page, test } from '@playwright/test';
import path from 'path';
import { signInAs } from './signIn';

/**
 * The service catalog on the running portal: alice (payments team) orders a new
 * PostgreSQL database through its form; erin (dba, the offering's owner) approves it
 * and fulfils it; alice sees it fulfilled among her requests.
 */

/** Confirms a move or decision dialog, with a note or comment when given. */
async function confirm(page: Page, button: string, text?: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (text) await dialog.getByRole('textbox').first().fill(text);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('an offering is ordered through its form, approved and fulfilled by its owners', async ({
  browser,
}) => {
  const alice = await signInAs(browser, 'alice');
  await alice.goto('/service-catalog');
  await expect(
    alice.getByRole('link', { name: 'Order New PostgreSQL database' }),
  ).toBeVisible();
  if (process.env.ITSM_SCREENSHOTS) {
    await alice.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'service-catalog.png'),
    });
  }
  await alice.getByLabel('Search offerings').fill('postgres');
  await expect(
    alice.getByRole('link', { name: 'Order Access to a system' }),
  ).toHaveCount(0);
  await alice
    .getByRole('link', { name: 'Order New PostgreSQL database' })
    .click();
  await expect(
    alice.getByRole('heading', { name: 'New PostgreSQL database' }).first(),
  ).toBeVisible();

  // The form comes from the offering's JSON Schema and is checked in the browser.
  const name = alice.getByRole('textbox', { name: 'Database name' });
  await name.fill('Orders DB');
  await alice
    .getByRole('textbox', { name: 'Owning team' })
    .fill('team-payments');
  await alice.getByRole('button', { name: 'Submit request' }).click();
  await expect(
    alice.getByText('Not in the expected format').first(),
  ).toBeVisible();
  await expect(alice).toHaveURL(/\/service-catalog\//);

  await name.fill('orders_e2e');
  await alice
    .getByRole('combobox', { name: 'Size', exact: true })
    .selectOption('medium');
  await alice.getByRole('button', { name: 'Submit request' }).click();
  await expect(alice).toHaveURL(/\/itsm\/requests\/REQ-\d+/);
  const number = alice.url().match(/REQ-\d+/)![0];
  await expect(
    alice.getByText('Awaiting approval', { exact: true }).first(),
  ).toBeVisible();

  // erin, of the dba team that owns the offering, approves and fulfils it.
  const erin = await signInAs(browser, 'erin');
  await erin.goto('/itsm?tab=approvals');
  await erin.getByRole('link', { name: number }).click();
  await confirm(erin, 'Approve', 'Sized for the orders service.');
  await expect(
    erin.getByText('Approved', { exact: true }).first(),
  ).toBeVisible();
  await confirm(erin, 'Start fulfilment');
  await expect(
    erin.getByText('In fulfilment', { exact: true }).first(),
  ).toBeVisible();
  await confirm(
    erin,
    'Fulfil',
    'orders_e2e created on postgres-cluster; credentials are in the vault.',
  );
  await expect(
    erin.getByText('Fulfilled', { exact: true }).first(),
  ).toBeVisible();

  // alice finds it fulfilled among her requests.
  await alice.goto('/itsm?tab=my-requests');
  // Open requests are listed by default; a fulfilled one is under its state.
  await alice
    .getByRole('combobox', { name: 'State' })
    .selectOption({ label: 'Fulfilled' });
  const row = alice.getByRole('row', { name: new RegExp(number) });
  await expect(row.getByText('Fulfilled', { exact: true })).toBeVisible();
  if (process.env.ITSM_SCREENSHOTS) {
    await alice.goto(`/itsm/requests/${number}`);
    await expect(
      alice.getByText('orders_e2e created on postgres-cluster').first(),
    ).toBeVisible();
    await alice.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'request-page.png'),
    });
  }
});
