import { expect, Locator, Page, test } from '@playwright/test';
import path from 'path';
import { localInput } from './localTime';
import { signInAs } from './signIn';

/**
 * Problem management on the demo portal, as alice of the payments team works it:
 * incidents recur on fraud-scoring → the component becomes a problem candidate → she
 * opens a problem from it, finds the cause and a workaround and publishes the known
 * error → the next report on the component shows the known error and is attached to
 * it → she raises the fix as a change, takes it through to closed successful, resolves
 * the problem, and the linked incidents say so.
 */

const CI = 'component:default/fraud-scoring';
const TAB = '/catalog/default/component/fraud-scoring/itsm';

const shot = async (page: Page, name: string, target?: Locator) => {
  if (!process.env.ITSM_SCREENSHOTS) return;
  const file = path.join(process.env.ITSM_SCREENSHOTS, name);
  await (target ?? page).screenshot({ path: file });
};

/** Reports an incident on the component from its ITSM tab; the dialog stays open. */
async function openReport(page: Page, title: string) {
  await page.goto(TAB);
  await page.getByRole('button', { name: 'Report incident' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Report incident' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Impact').selectOption({ label: 'Medium' });
  await dialog.getByLabel('Urgency').selectOption({ label: 'Medium' });
  return dialog;
}

/** Makes a move by its button, confirming in the move dialog when one opens. */
async function move(
  page: Page,
  state: string,
  fill?: (d: Locator) => Promise<void>,
) {
  const button = page.getByTestId(`move-${state}`);
  const label = ((await button.textContent()) ?? '').trim();
  await button.click();
  const dialog = page.getByRole('dialog');
  if (fill) await fill(dialog);
  if (await dialog.isVisible().catch(() => false))
    await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByTestId(`move-${state}`)).toHaveCount(0);
}

test('recurring incidents → a known error that new reports attach to → a fix → resolved', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const alice = await signInAs(browser, 'alice');
  // The demo records are in (loaded once the catalog has the demo CIs).
  await alice.goto('/catalog/default/component/payments-api/itsm');
  await expect(
    alice.getByText('Card payments fail with 502 for some customers').first(),
  ).toBeVisible({ timeout: 60_000 });

  // Three incidents on one component in a few days, none linked to a problem.
  const incidents: string[] = [];
  for (const n of [1, 2, 3]) {
    const dialog = await openReport(alice, `Fraud scores time out (${n})`);
    await dialog.getByRole('button', { name: 'Report' }).click();
    const row = alice
      .getByRole('row', {
        name: new RegExp(`Fraud scores time out \\(${n}\\)`),
      })
      .first();
    await expect(row).toBeVisible();
    incidents.push((await row.innerText()).match(/INC-\d+/)![0]);
  }

  // The component is a problem candidate; open a problem from it, linking them.
  await alice.goto(TAB);
  const candidate = alice.getByTestId(`problem-candidate-${CI}`);
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('3');
  await candidate.getByTestId('open-problem').click();
  const open = alice.getByRole('dialog', { name: 'Open problem' });
  await open.getByLabel('Title').fill('Fraud model servers starve under load');
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(open).toHaveCount(0);
  await expect(alice.getByTestId(`problem-candidate-${CI}`)).toHaveCount(0);
  await alice
    .getByRole('row', { name: /Fraud model servers starve under load/ })
    .getByRole('link')
    .first()
    .click();
  await expect(
    alice.getByRole('heading', {
      name: 'Fraud model servers starve under load',
    }),
  ).toBeVisible();
  const problemUrl = alice.url();
  const problem = problemUrl.match(/PRB-\d+/)![0];
  for (const number of incidents)
    await expect(alice.getByTestId(`linked-incident-${number}`)).toBeVisible();

  // Root cause and workaround: publish the known error.
  await move(alice, 'root_cause_analysis');
  await alice.getByTestId('mark-known-error').click();
  // Both are required: the form opens at what is missing.
  await alice
    .getByLabel('Root cause')
    .fill('The model servers keep one worker each; a slow batch starves them.');
  await alice
    .getByLabel('Workaround')
    .fill('Restart fraud-scoring with FRAUD_WORKERS=4.');
  await alice.getByTestId('mark-known-error').click();
  await expect(alice.getByTestId('withdraw-known-error')).toBeVisible();
  await alice.evaluate(() => window.scrollTo(0, 0));
  await shot(alice, 'problem-page.png');

  // A fourth report on the component: the known error is offered before submitting.
  const report = await openReport(alice, 'Fraud scores time out again');
  const known = report.getByTestId(`known-error-${problem}`);
  await expect(known).toBeVisible();
  await expect(known).toContainText('FRAUD_WORKERS=4');
  await shot(alice, 'known-error-deflection.png', report);
  await report.getByTestId(`attach-to-problem-${problem}`).click();
  await expect(report).toHaveCount(0);

  // The problem now explains four incidents.
  await alice.goto(problemUrl);
  const linked = alice.getByRole('region', { name: 'Linked incidents' });
  await expect(linked.getByText(/INC-\d+/)).toHaveCount(4);

  // The fix: a change raised from the problem, taken to closed successful.
  await alice.getByTestId('raise-fix-change').click();
  const change = alice.getByRole('dialog', { name: 'Request change' });
  await change
    .getByRole('combobox', { name: 'Type' })
    .selectOption({ label: 'Standard (pre-approved)' });
  await change
    .getByRole('combobox', { name: 'Risk' })
    .selectOption({ label: 'Low' });
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setHours(22, 0, 0, 0);
  await change
    .getByRole('textbox', { name: 'Planned start' })
    .fill(localInput(start));
  await change
    .getByRole('textbox', { name: 'Planned end' })
    .fill(localInput(new Date(start.getTime() + 3600_000)));
  await change.getByRole('button', { name: 'Create' }).click();
  await expect(change).toHaveCount(0);
  const fixes = alice.getByRole('region', { name: 'Fix changes' });
  await fixes
    .getByRole('link', { name: /CHG-\d+/ })
    .first()
    .click();
  await expect(alice).toHaveURL(/CHG-\d+/);
  for (const state of ['scheduled', 'implement', 'review'])
    await move(alice, state);
  await move(alice, 'closed', async dialog => {
    await dialog.getByLabel('Close code').selectOption({ label: 'Successful' });
    await dialog.getByLabel('Close notes').fill('Workers raised to 4.');
  });

  // The problem hears of it, and is resolved.
  await alice.goto(problemUrl);
  await expect(
    alice
      .getByText(/raised to fix this problem, was closed successful/)
      .first(),
  ).toBeVisible();
  await move(alice, 'resolved', async dialog => {
    await dialog.getByLabel('Resolution code').selectOption({ label: 'Fixed' });
    await dialog.getByLabel('Resolution notes').fill('Fixed by the change.');
  });

  // Each linked incident says so.
  for (const number of incidents) {
    await alice.goto(`/itsm/incidents/${number}`);
    await expect(
      alice.getByText(new RegExp(`${problem} .* was resolved`)).first(),
    ).toBeVisible();
  }

  // Alice's landing on the ITSM page: her queues with their live counts.
  await alice.goto('/itsm');
  await expect(alice.getByTestId('my-work-groups-problems')).toBeVisible();
  await expect(
    alice.getByTestId('my-work-groups-incidents-count'),
  ).not.toHaveText('0');
  await shot(alice, 'my-work.png');
});
