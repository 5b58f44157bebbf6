import { execFileSync } from 'child_process';
import path from 'path';
import { expect, Locator, Page, test } from '@playwright/test';
import { signInAs } from './signIn';

/**
 * Incident operations on the demo portal: Alertmanager posts a firing alert (with curl
 * and the demo's external access token, as the README shows) → the incident appears on
 * payments-api's page → its page shows what else is impacted through the catalog →
 * alice (payments) proposes it as a major incident and bob (platform team, the demo's
 * major-incident group) accepts it → alice posts a stakeholder update → carol, who owns
 * checkout-web (which depends on payments-api), sees the banner with the update on her
 * component's page. The alert resolving resolves the incident and the banner goes.
 */

const BACKEND = process.env.ITSM_BACKEND_URL ?? 'http://localhost:7007';
const TOKEN = 'itsm-demo-alerts-token'; // app-config.yaml: backend.auth.externalAccess

const shot = async (page: Page, name: string, target?: Locator) => {
  if (!process.env.ITSM_SCREENSHOTS) return;
  await (target ?? page).screenshot({
    path: path.join(process.env.ITSM_SCREENSHOTS, name),
  });
};

/** Posts an Alertmanager (version 4) webhook with curl; returns the parsed answer. */
function alertmanager(status: 'firing' | 'resolved', fingerprint: string) {
  const labels = {
    alertname: 'PaymentsHighErrorRate',
    severity: 'critical',
    backstage_entity: 'payments-api',
  };
  const annotations = { summary: `5xx above 5% (${fingerprint})` };
  const payload = {
    version: '4',
    status,
    receiver: 'backstage-itsm',
    groupKey: '{}:{alertname="PaymentsHighErrorRate"}',
    truncatedAlerts: 0,
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: 'http://alertmanager.example:9093',
    alerts: [
      {
        status,
        labels,
        annotations,
        startsAt: new Date(Date.now() - 600_000).toISOString(),
        endsAt:
          status === 'resolved'
            ? new Date().toISOString()
            : '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example/graph?g0.expr=errors',
        fingerprint,
      },
    ],
  };
  const out = execFileSync('curl', [
    '-sf',
    '-X',
    'POST',
    `${BACKEND}/api/itsm/alerts/alertmanager`,
    '-H',
    `Authorization: Bearer ${TOKEN}`,
    '-H',
    'Content-Type: application/json',
    '-d',
    JSON.stringify(payload),
  ]).toString();
  return JSON.parse(out) as {
    results: { outcome: string; incident?: string; entityRef?: string }[];
  };
}

test('an alert opens an incident → blast radius → accepted as major → banner with the stakeholder update on an impacted component', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const fingerprint = `e2e${Date.now().toString(16)}`;
  const title = `PaymentsHighErrorRate: 5xx above 5% (${fingerprint})`;

  const alice = await signInAs(browser, 'alice');
  // The demo CIs are in the catalog (the alert maps its label to one of them).
  await alice.goto('/catalog/default/component/payments-api/itsm');
  await expect(
    alice.getByText('Card payments fail with 502 for some customers').first(),
  ).toBeVisible({ timeout: 60_000 });

  const firing = alertmanager('firing', fingerprint);
  expect(firing.results).toEqual([
    expect.objectContaining({
      outcome: 'created',
      entityRef: 'component:default/payments-api',
    }),
  ]);
  const number = firing.results[0].incident!;
  // The same alert again is added to its incident, not opened twice.
  expect(alertmanager('firing', fingerprint).results[0]).toEqual(
    expect.objectContaining({ outcome: 'updated', incident: number }),
  );

  // On the component's page, and from there its own page.
  await alice.goto('/catalog/default/component/payments-api/itsm');
  await alice.getByRole('link', { name: number }).first().click();
  await expect(alice.getByRole('heading', { name: title })).toBeVisible();
  await expect(alice.getByTestId('timeline-alert').first()).toBeVisible();

  // The blast radius: checkout-web depends on payments-api (and consumes its API).
  const radius = alice.getByTestId('itsm-blast-radius');
  const impacted = alice.getByTestId(
    'itsm-impacted-component:default/checkout-web',
  );
  const checkout = radius.locator(impacted);
  await expect(checkout).toContainText('depends on');
  // Grouped by system and owner: the storefront team's checkout-web.
  await expect(
    radius.getByTestId('itsm-blast-radius-group').filter({ has: impacted }),
  ).toContainText('Storefront team');
  await radius.scrollIntoViewIfNeeded();
  await shot(
    alice,
    'blast-radius.png',
    alice.getByRole('region', { name: 'Blast radius' }),
  );

  // alice proposes it as a major incident.
  await alice.getByTestId('itsm-major-propose').click();
  const propose = alice.getByRole('dialog');
  await propose
    .getByLabel('Reason')
    .fill('Card payments fail for every storefront checkout.');
  await propose
    .getByRole('button', { name: 'Propose as major incident', exact: true })
    .click();
  await expect(alice.getByTestId('itsm-major-state-proposed')).toBeVisible();
  // Not hers to accept: the proposer alone never decides (and she is not in the group).
  await expect(alice.getByTestId('itsm-major-accept')).toBeVisible();

  // bob of the platform team (the major-incident group) accepts it.
  const bob = await signInAs(browser, 'bob');
  await bob.goto(alice.url());
  await bob.getByTestId('itsm-major-accept').click();
  const accept = bob.getByRole('dialog');
  await accept.getByLabel('Reason').fill('Revenue impact across storefront.');
  await accept.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(bob.getByTestId('itsm-major-state-accepted')).toBeVisible();
  await expect(bob.getByText('P1').first()).toBeVisible();

  // alice, working it, tells the stakeholders.
  const update = `Failover to the standby PSP in progress; next update in 30 minutes (${fingerprint}).`;
  // Her page, open all along, shows bob's decision without a reload (signals).
  await expect(alice.getByTestId('itsm-major-state-accepted')).toBeVisible();
  await alice.getByTestId('itsm-stakeholder-update').fill(update);
  await alice.getByTestId('itsm-stakeholder-update-post').click();
  await expect(
    alice.getByTestId('timeline-stakeholder-update').first(),
  ).toContainText(update);

  // carol owns checkout-web: the banner is on its overview and its ITSM tab.
  const carol = await signInAs(browser, 'carol');
  await carol.goto('/catalog/default/component/checkout-web');
  const banner = carol.getByTestId(`itsm-major-banner-${number}`);
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(update);
  await shot(carol, 'major-incident-banner.png');
  await carol.goto('/catalog/default/component/checkout-web/itsm');
  await expect(carol.getByTestId(`itsm-major-banner-${number}`)).toContainText(
    update,
  );

  // The alert resolves: so does the incident (the demo's resolveIncidents), and the
  // banner goes.
  expect(alertmanager('resolved', fingerprint).results[0]).toEqual(
    expect.objectContaining({
      outcome: 'resolved',
      incident: number,
      incidentResolved: true,
    }),
  );
  // …and the resolution, again live.
  await expect(alice.getByTestId('move-closed')).toBeVisible();
  await carol.reload();
  await carol.waitForLoadState('networkidle');
  await expect(carol.getByTestId(`itsm-major-banner-${number}`)).toHaveCount(0);
});
