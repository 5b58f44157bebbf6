import path from 'path';
import { expect, test } from '@playwright/test';
import { signInAs } from './signIn';

/**
 * Backstage search finds ITSM records: alice looks up a demo incident by its number on
 * the search page, sees its kind, state and priority, narrows the search to incidents
 * with the "Result Type" filter, and opens it from the result.
 */
test('finds an incident by its number in Backstage search', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const alice = await signInAs(browser, 'alice');
  await alice.goto('/catalog/default/component/payments-api/itsm');
  const row = alice
    .getByRole('row', {
      name: /Card payments fail with 502 for some customers/,
    })
    .first();
  await expect(row).toBeVisible({ timeout: 60_000 });
  const number = (await row.innerText()).match(/INC-\d+/)![0];

  // The demo collates every 30 seconds: the incident is in the index within a minute.
  const result = alice.getByTestId(`itsm-search-result-${number}`);
  await expect(async () => {
    await alice.goto(`/search?query=${number}`);
    await expect(result).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(result).toContainText('Incident');
  await expect(result).toContainText(/P[1-5]/);

  // The "Result Type" filter offers the ITSM kinds: Changes has no such incident,
  // Incidents has it.
  const resultTypes = alice.getByRole('navigation', { name: 'filter by type' });
  const entry = (name: string) =>
    resultTypes.getByRole('button', { name: new RegExp(`^${name}`) });
  await entry('Changes').click();
  await expect(result).toHaveCount(0);
  await entry('Incidents').click();
  await expect(result).toBeVisible();
  if (process.env.ITSM_SCREENSHOTS)
    await alice.screenshot({
      path: path.join(process.env.ITSM_SCREENSHOTS, 'search.png'),
    });

  await result.getByRole('link', { name: new RegExp(number) }).click();
  await expect(
    alice.getByRole('heading', {
      name: 'Card payments fail with 502 for some customers',
    }),
  ).toBeVisible();
});
