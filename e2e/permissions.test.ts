import { expect, test } from '@playwright/test';
import { signInAs } from './signIn';

/**
 * The record pages under the portal's ITSM permission policy: alice (payments team)
 * reports an incident on her team's component and keeps a work note on it; carol
 * (storefront team) reads it but is offered nothing to do and does not see the note;
 * a record number that does not exist reads as "not there, or not yours to see".
 */

test('a reader from another team sees the incident, no acts and no work notes', async ({
  browser,
}) => {
  const title = 'Settlement export stalls after midnight';
  const note = 'Export job holds a lock on the ledger table';

  const alice = await signInAs(browser, 'alice');
  await alice.goto('/catalog/default/component/payments-api/itsm');
  await alice.getByRole('button', { name: 'Report incident' }).first().click();
  const report = alice.getByRole('dialog', { name: 'Report incident' });
  await report.getByLabel('Title').fill(title);
  await report.getByLabel('Impact').selectOption({ label: 'Low' });
  await report.getByLabel('Urgency').selectOption({ label: 'Low' });
  await report.getByRole('button', { name: 'Report' }).click();
  await alice
    .getByRole('row', { name: new RegExp(title) })
    .first()
    .getByRole('link')
    .first()
    .click();
  await expect(alice.getByRole('heading', { name: title })).toBeVisible();

  // alice's team works it: every act, and both kinds of entry.
  await expect(alice.getByRole('button', { name: 'Start work' })).toBeVisible();
  const composer = alice.getByRole('form', { name: 'Add to the timeline' });
  await composer.getByLabel('Work note', { exact: true }).fill(note);
  await composer.getByRole('button', { name: 'Add work note' }).click();
  await expect(alice.getByTestId('timeline-work-note')).toContainText(note);
  const url = alice.url();

  const carol = await signInAs(browser, 'carol');
  await carol.goto(url);
  await expect(carol.getByRole('heading', { name: title })).toBeVisible();
  await expect(
    carol.getByText('You may read this incident but not add to its timeline.'),
  ).toBeVisible();
  await expect(carol.getByText('opened the incident')).toBeVisible();
  // The decisions are in (the line above); nothing else is offered or shown.
  await expect(carol.getByRole('button', { name: 'Start work' })).toHaveCount(
    0,
  );
  await expect(carol.getByRole('button', { name: /Assign to me/ })).toHaveCount(
    0,
  );
  await expect(carol.getByRole('button', { name: 'Link change' })).toHaveCount(
    0,
  );
  await expect(carol.getByText(note)).toHaveCount(0);
  await expect(carol.getByTestId('timeline-work-note')).toHaveCount(0);

  // A number that does not exist: the same words as one carol may not read.
  await carol.goto('/itsm/incidents/INC-999999');
  await expect(
    carol.getByText('No incident INC-999999, or you may not see it'),
  ).toBeVisible();
});
