import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { startWithExternalAccess } from '../__testUtils__/backend';
import { testEntities } from '../__testUtils__/catalog';

jest.setTimeout(60_000);

const TOKEN = 'alertmanager-static-token-0123456789';

/** An Alertmanager webhook as Alertmanager sends it (payload version 4). */
const alertmanagerPayload = {
  version: '4',
  groupKey: '{}:{alertname="HighErrorRate"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'backstage-itsm',
  groupLabels: { alertname: 'HighErrorRate' },
  commonLabels: { alertname: 'HighErrorRate', severity: 'critical' },
  commonAnnotations: { summary: '5xx above 5%' },
  externalURL: 'http://alertmanager.example:9093',
  alerts: [
    {
      status: 'firing',
      labels: {
        alertname: 'HighErrorRate',
        severity: 'critical',
        backstage_entity: 'component:default/payments-api',
      },
      annotations: { summary: '5xx above 5%' },
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example/graph',
      fingerprint: 'c5d3e1f0a9b8c7d6',
    },
    {
      status: 'firing',
      labels: { alertname: 'HighErrorRate', service: 'ghost-service' },
      annotations: {},
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example/graph',
      fingerprint: 'aaaabbbbccccdddd',
    },
  ],
};

describe('alert webhooks with Backstage external access', () => {
  // The real auth and httpAuth services, reading backend.auth.externalAccess.
  const start = () =>
    startWithExternalAccess({ token: TOKEN, subject: 'alertmanager' });

  it('holds each token to the permission it is restricted to', async () => {
    const DEPLOY_TOKEN = 'deploy-pipeline-token';
    const { server } = await startWithExternalAccess(
      {
        token: TOKEN,
        subject: 'alertmanager',
        accessRestrictions: [
          { plugin: 'itsm', permission: 'itsm.alerts.receive' },
        ],
      },
      {
        token: DEPLOY_TOKEN,
        subject: 'deploy-pipeline',
        accessRestrictions: [
          { plugin: 'itsm', permission: 'itsm.gates.check' },
        ],
      },
    );
    const alerts = (token: string) =>
      request(server)
        .post('/api/itsm/alerts/alertmanager')
        .set('Authorization', `Bearer ${token}`)
        .send(alertmanagerPayload);
    const gate = (token: string) =>
      request(server)
        .get('/api/itsm/gates')
        .query({ entityRef: 'component:default/payments-api' })
        .set('Authorization', `Bearer ${token}`);

    // The deploy pipeline's token opens no incident, the alert source's asks no gate.
    const refused = await alerts(DEPLOY_TOKEN);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/itsm\.alerts\.receive/);
    expect((await gate(TOKEN)).status).toBe(403);
    // Nor does either read the search feed of the records.
    for (const token of [TOKEN, DEPLOY_TOKEN])
      expect(
        (
          await request(server)
            .get('/api/itsm/search/documents?kind=incident')
            .set('Authorization', `Bearer ${token}`)
        ).status,
      ).toBe(403);
    // Each does what it is for; the refused post wrote nothing (the first number).
    const received = await alerts(TOKEN);
    expect(received.status).toBe(200);
    expect(received.body.results[0].incident).toBe('INC-000001');
    expect((await gate(DEPLOY_TOKEN)).status).toBe(200);
  });

  it('takes an Alertmanager payload with a static token and answers for each alert', async () => {
    const { server } = await start();
    const res = await request(server)
      .post('/api/itsm/alerts/alertmanager')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(alertmanagerPayload);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      {
        fingerprint: 'c5d3e1f0a9b8c7d6',
        status: 'firing',
        outcome: 'created',
        entityRef: 'component:default/payments-api',
        incident: 'INC-000001',
      },
      {
        fingerprint: 'aaaabbbbccccdddd',
        status: 'firing',
        outcome: 'unknown_entity',
        entityRef: 'component:default/ghost-service',
        reason:
          'entityRef: component:default/ghost-service is not in the catalog',
      },
    ]);
    const again = await request(server)
      .post('/api/itsm/alerts/alertmanager')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(alertmanagerPayload);
    expect(again.body.results[0]).toMatchObject({
      outcome: 'updated',
      incident: 'INC-000001',
    });
  });

  it('refuses a caller without a token or with a wrong one (401), and says what is wrong with a bad payload (400)', async () => {
    const { server } = await start();
    const none = await request(server)
      .post('/api/itsm/alerts/alertmanager')
      .send(alertmanagerPayload);
    expect(none.status).toBe(401);
    const wrong = await request(server)
      .post('/api/itsm/alerts/grafana')
      .set('Authorization', 'Bearer not-the-token-at-all-0000')
      .send(alertmanagerPayload);
    expect(wrong.status).toBe(401);
    const badVersion = await request(server)
      .post('/api/itsm/alerts/alertmanager')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ ...alertmanagerPayload, version: '3' });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.message).toMatch(/version/);
    const noFingerprint = await request(server)
      .post('/api/itsm/alerts/grafana')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({
        status: 'firing',
        alerts: [{ status: 'firing', labels: {} }],
      });
    expect(noFingerprint.status).toBe(400);
    expect(noFingerprint.body.error.message).toMatch(/fingerprint/);
  });
});

describe('alert webhooks and users', () => {
  it('refuses a user (403): the webhooks are for machine callers', async () => {
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    const res = await request(server)
      .post('/api/itsm/alerts/grafana')
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({
        status: 'firing',
        orgId: 1,
        title: '[FIRING:1] HighLatency',
        state: 'alerting',
        message: 'p99 above 2s',
        alerts: [
          {
            status: 'firing',
            labels: { backstage_entity: 'payments-api' },
            fingerprint: 'f1',
            values: { A: 2.4 },
            valueString: "[ var='A' value=2.4 ]",
          },
        ],
      });
    expect(res.status).toBe(403);
    const nothing = await request(server)
      .get('/api/itsm/incidents')
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(nothing.body.items).toEqual([]);
  });
});
