import { expect, test } from '@playwright/test';
import { localInput } from './localTime';
import { signInAs } from './signIn';

/**
 * The demo's example template opens a standard change through the ITSM scaffolder
 * action, as alice (payments team, owner of payments-api) who runs it: the task links
 * to the change, raised by her on payments-api.
 */
test('the example template opens a standard change as the user who runs it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const alice = await signInAs(browser, 'alice');
  await alice.goto('/create/templates/default/standard-change');
  await expect(
    alice.getByRole('heading', { name: /Open a standard change/ }).first(),
  ).toBeVisible({ timeout: 60_000 });

  const title = `Rotate the TLS certificate (${Date.now().toString(36)})`;
  const ci = alice.getByRole('textbox', { name: 'Configuration item' });
  await ci.click();
  await ci.fill('Payments');
  await alice
    .getByRole('option', { name: /Payments API|payments-api/ })
    .first()
    .click();
  await alice.getByRole('textbox', { name: 'Title' }).fill(title);
  await alice.getByRole('button', { name: 'Next' }).click();

  const start = new Date(Date.now() + 4 * 86_400_000);
  start.setHours(21, 0, 0, 0);
  await alice.getByLabel('Planned start').fill(localInput(start));
  await alice
    .getByLabel('Planned end')
    .fill(localInput(new Date(start.getTime() + 3600_000)));
  await alice.getByRole('button', { name: 'Next' }).click();
  // The plans have the template's defaults.
  await alice.getByRole('button', { name: 'Review' }).click();
  await alice.getByRole('button', { name: 'Create' }).click();

  const open = alice.getByRole('link', { name: 'Open change' });
  await expect(open).toBeVisible({ timeout: 90_000 });
  await open.click();
  await expect(alice).toHaveURL(/\/itsm\/changes\/CHG-\d+/);
  await expect(alice.getByRole('heading', { name: title })).toBeVisible();
  await expect(alice.getByText('Standard (pre-approved)').first()).toBeVisible();
});
