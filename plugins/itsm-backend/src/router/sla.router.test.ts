import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/catalog';
import { as, userInfoFactory } from '../__testUtils__/users';

jest.setTimeout(60_000);

const sla = {
  calendars: { always: { type: '24x7' } },
  policies: [
    {
      name: 'Incidents',
      appliesTo: { kind: 'incident' },
      calendar: 'always',
      targets: { response: 'PT30M', resolution: 'PT8H' },
      pauseStates: ['on_hold'],
    },
  ],
};

/** Everyone may create; `readable` says whether anyone may read records. */
async function start(readable = true) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result:
          readable || r.permission.name.endsWith('.create')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })) as any,
    authorizeConditional: async requests =>
      requests.map(() => ({
        result: readable ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      })) as any,
  });
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities: testEntities }),
      permissions.factory,
      mockServices.rootConfig.factory({ data: { itsm: { sla } } }),
      userInfoFactory,
    ],
  });
  return server;
}

describe('SLA over HTTP', () => {
  it("shows a record's timers and the reports; validates the query", async () => {
    const server = await start();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set(as('alice'))
      .send({
        title: 'Checkout is slow',
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 2,
      });
    expect(created.status).toBe(201);

    const record = await request(server)
      .get(`/api/itsm/incidents/${created.body.number}/sla`)
      .set(as('bob'));
    expect(record.status).toBe(200);
    expect(record.body.policy).toEqual({
      name: 'Incidents',
      calendar: 'always',
      targets: { response: 'PT30M', resolution: 'PT8H' },
      warningThresholds: [0.5, 0.75],
      pauseStates: ['on_hold'],
    });
    expect(
      record.body.timers.map((t: any) => [t.metric, t.status, t.target]),
    ).toEqual([
      ['response', 'running', 30 * 60_000],
      ['resolution', 'running', 8 * 3_600_000],
    ]);
    expect(record.body.timers[0].explanation).toEqual([
      expect.objectContaining({ event: 'started', state: 'new', seq: 1 }),
    ]);

    const summary = await request(server)
      .get('/api/itsm/sla/summary')
      .set(as('bob'));
    expect(summary.status).toBe(200);
    expect(summary.body.trend).toHaveLength(13);
    expect(summary.body.compliance30).toEqual({
      met: 0,
      breached: 0,
      compliance: null,
    });

    const timers = await request(server)
      .get('/api/itsm/sla/timers')
      .query({ entityRef: 'component:default/payments-api', open: true })
      .set(as('bob'));
    expect(timers.status).toBe(200);
    expect(
      timers.body.items.map((t: any) => [t.number, t.metric, t.status]).sort(),
    ).toEqual([
      [created.body.number, 'resolution', 'running'],
      [created.body.number, 'response', 'running'],
    ]);

    const bySystem = await request(server)
      .get('/api/itsm/sla/compliance')
      .query({ groupBy: 'system', days: 90 })
      .set(as('bob'));
    expect(bySystem.status).toBe(200);
    expect(bySystem.body).toMatchObject({
      groupBy: 'system',
      days: 90,
      changeSuccess: [],
    });

    const bad = await request(server)
      .get('/api/itsm/sla/compliance')
      .query({ groupBy: 'tier' })
      .set(as('bob'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/groupBy/);
    const badRef = await request(server)
      .get('/api/itsm/sla/summary')
      .query({ system: 'not a ref' })
      .set(as('bob'));
    expect(badRef.status).toBe(400);

    const missing = await request(server)
      .get('/api/itsm/incidents/INC-999999/sla')
      .set(as('bob'));
    expect(missing.status).toBe(404);
  });

  it('shows nothing of records the caller may not read', async () => {
    const server = await start(false);
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set(as('alice'))
      .send({
        title: 'Checkout is slow',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 1,
      });
    expect(created.status).toBe(201);
    const summary = await request(server)
      .get('/api/itsm/sla/summary')
      .set(as('bob'));
    expect(summary.status).toBe(200);
    const timers = await request(server)
      .get('/api/itsm/sla/timers')
      .set(as('bob'));
    expect(timers.body.items).toEqual([]);
    const record = await request(server)
      .get(`/api/itsm/incidents/${created.body.number}/sla`)
      .set(as('bob'));
    // Not 403: that would tell bob the incident exists.
    expect(record.status).toBe(404);
    expect(record.body.error.message).toBe(
      `No incident ${created.body.number}`,
    );
  });
});
