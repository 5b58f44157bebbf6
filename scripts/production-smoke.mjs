// The smoke test of a production run (scripts/production-check.sh starts it): the
// backend serves the built frontend and the ITSM API on PostgreSQL, without the demo's
// data, sign-in or tokens. Usage: node scripts/production-smoke.mjs <baseUrl>
// with ITSM_ALERTS_TOKEN and ITSM_DEPLOY_TOKEN set as for the backend, and
// ITSM_DATABASE_URL the connection string of the ITSM plugin's database.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const base = process.argv[2] ?? 'http://localhost:7107';
const require = createRequire(import.meta.url);
const { Client } = require('pg');
const databaseUrl = process.env.ITSM_DATABASE_URL;
assert.ok(databaseUrl, 'ITSM_DATABASE_URL');
const alertsToken = process.env.ITSM_ALERTS_TOKEN;
const deployToken = process.env.ITSM_DEPLOY_TOKEN;
assert.ok(
  alertsToken && deployToken,
  'ITSM_ALERTS_TOKEN and ITSM_DEPLOY_TOKEN',
);

let checks = 0;
async function check(name, run) {
  await run();
  checks += 1;
  console.log(`ok ${checks} - ${name}`);
}

const get = (path, headers = {}) => fetch(`${base}${path}`, { headers });
const bearer = token => ({ Authorization: `Bearer ${token}` });
const postJson = (path, token, body) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

/** An Alertmanager webhook payload (version 4) with one alert on `entity`. */
function alertmanagerPayload(entity, fingerprint) {
  const labels = {
    alertname: 'ProductionSmoke',
    severity: 'warning',
    backstage_entity: entity,
  };
  return {
    version: '4',
    status: 'firing',
    receiver: 'backstage-itsm',
    groupKey: '{}:{alertname="ProductionSmoke"}',
    truncatedAlerts: 0,
    groupLabels: { alertname: 'ProductionSmoke' },
    commonLabels: labels,
    commonAnnotations: { summary: 'Production smoke test' },
    externalURL: 'http://alertmanager.example:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: 'Production smoke test' },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.example/graph',
        fingerprint,
      },
    ],
  };
}

/** Retries `attempt` until it returns a value, for what the catalog ingests after start. */
async function eventually(what, attempt, seconds = 120) {
  const until = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < until) {
    last = await attempt();
    if (last.done) return last.value;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(
    `${what}: not within ${seconds} s (last: ${JSON.stringify(last)})`,
  );
}

// The built frontend, from the backend (app-backend), with the production config in it.
let html;
await check(
  'the backend serves the built app at / and at a deep link',
  async () => {
    const root = await get('/');
    assert.equal(root.status, 200);
    assert.match(root.headers.get('content-type') ?? '', /text\/html/);
    html = await root.text();
    assert.match(html, /<div id="root">/);
    const deep = await get('/itsm/incidents?state=open');
    assert.equal(deep.status, 200);
    assert.match(await deep.text(), /<div id="root">/);
  },
);

await check('the app bundle it names is served', async () => {
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map(
    m => m[1],
  );
  assert.ok(scripts.length > 0, 'index.html names its scripts');
  for (const src of scripts) {
    const res = await get(new URL(src, `${base}/`).pathname);
    assert.equal(res.status, 200, src);
  }
});

await check('the app is configured with the production base URL', async () => {
  // app-backend injects the frontend's config into index.html.
  assert.ok(html.includes(base), `index.html holds ${base}`);
});

await check('the ITSM API refuses callers without a token', async () => {
  const res = await get('/api/itsm/incidents');
  assert.equal(res.status, 401);
});

await check('the demo sign-in and the guest sign-in are refused', async () => {
  const demo = await get('/api/auth/demo/refresh', {
    'x-itsm-demo-user': 'alice',
  });
  assert.ok(!demo.ok, `demo sign-in answered ${demo.status}`);
  const guest = await get('/api/auth/guest/refresh');
  assert.ok(!guest.ok, `guest sign-in answered ${guest.status}`);
});

await check("the demo's development tokens are refused", async () => {
  const alerts = await postJson(
    '/api/itsm/alerts/alertmanager',
    'itsm-demo-alerts-token',
    alertmanagerPayload('payments-api', 'demo-token'),
  );
  assert.equal(alerts.status, 401);
  const gate = await get(
    '/api/itsm/gates?entityRef=component:default/payments-api',
    bearer('itsm-demo-deploy-token'),
  );
  assert.equal(gate.status, 401);
});

/** The ITSM plugin's records, read from its PostgreSQL database. */
async function storedRecords() {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      'SELECT kind, number FROM itsm_records ORDER BY number',
    );
    return rows;
  } finally {
    await db.end();
  }
}

await check('no demo records were loaded', async () => {
  assert.deepEqual(await storedRecords(), []);
});

await check('each machine token is held to its permission', async () => {
  const entityRef = 'component:default/payments-api';
  const alerts = await postJson(
    '/api/itsm/alerts/alertmanager',
    deployToken,
    alertmanagerPayload('payments-api', 'wrong-token'),
  );
  assert.equal(alerts.status, 403, 'the deploy token posts alerts');
  const gate = await get(
    `/api/itsm/gates?${new URLSearchParams({ entityRef })}`,
    bearer(alertsToken),
  );
  assert.equal(gate.status, 403, 'the alerts token asks the gate');
  const feed = await get(
    '/api/itsm/search/documents?kind=incident',
    bearer(alertsToken),
  );
  assert.equal(feed.status, 403, 'the alerts token reads the search feed');
});

let incident;
await check('an alert opens an incident on a catalog entity', async () => {
  const fingerprint = `smoke-${Date.now()}`;
  const result = await eventually('the alert finds payments-api', async () => {
    const res = await postJson(
      '/api/itsm/alerts/alertmanager',
      alertsToken,
      alertmanagerPayload('payments-api', fingerprint),
    );
    assert.equal(res.status, 200, await res.clone().text());
    const [first] = (await res.json()).results;
    // The catalog may not have read examples/entities.yaml yet.
    return { done: first.outcome !== 'unknown_entity', value: first };
  });
  assert.equal(result.outcome, 'created', JSON.stringify(result));
  assert.equal(result.entityRef, 'component:default/payments-api');
  incident = result.incident;
  assert.match(incident, /^INC-\d+$/);
  // The same alert again is added to that incident, not a second one.
  const again = await postJson(
    '/api/itsm/alerts/alertmanager',
    alertsToken,
    alertmanagerPayload('payments-api', fingerprint),
  );
  const [second] = (await again.json()).results;
  assert.equal(second.outcome, 'updated');
  assert.equal(second.incident, incident);
});

await check('the incident is stored in PostgreSQL', async () => {
  assert.deepEqual(await storedRecords(), [
    { kind: 'incident', number: incident },
  ]);
});

await check('the deploy gate answers the pipeline', async () => {
  const query = new URLSearchParams({
    entityRef: 'component:default/payments-api',
  });
  const res = await get(`/api/itsm/gates?${query}`, bearer(deployToken));
  assert.equal(res.status, 200, await res.clone().text());
  const gate = await res.json();
  assert.equal(gate.allowed, false);
  assert.equal(gate.reason, 'no_approved_change');
});

await check('the app starts in a browser and asks to sign in', async () => {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', error => errors.push(error.message));
    await page.goto(`${base}/`);
    await page
      .getByText('ITSM for Backstage')
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /enter/i }).first().waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

console.log(`production smoke test: ${checks} checks passed against ${base}`);
