import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { startWithExternalAccess, testItsmConfig } from '../__testUtils__/backend';
import { testEntities } from '../__testUtils__/catalog';
import { as, userInfoFactory } from '../__testUtils__/users';

jest.setTimeout(60_000);

const TOKEN = 'deploy-pipeline-static-token-0123456789';
const iso = (offsetMinutes: number) =>
  new Date(Date.now() + offsetMinutes * 60_000).toISOString();

describe('the deploy gate', () => {
  const start = (gates?: object) =>
    startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: { itsm: { ...testItsmConfig, ...(gates ? { gates } : {}) } },
        }),
        userInfoFactory,
      ],
    });
  const gate = (server: any, entityRef: string) =>
    request(server)
      .get('/api/itsm/gates')
      .query({ entityRef })
      .set('Authorization', mockCredentials.service.header());

  it('opens while a change is scheduled with its window open or implemented, and records each check on the change', async () => {
    const { server } = await start();
    const none = await gate(server, 'payments-api');
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      allowed: false,
      reason: 'no_approved_change',
    });

    const created = await request(server)
      .post('/api/itsm/changes')
      .set(as('alice'))
      .send({
        title: 'Roll out the new card router',
        entityRef: 'component:default/payments-api',
        type: 'standard',
        risk: 'low',
        plannedStart: iso(-30),
        plannedEnd: iso(60),
      });
    expect(created.body.error?.message).toBeUndefined();
    expect(created.status).toBe(201);
    const { number } = created.body;
    // A draft lets nothing through.
    expect((await gate(server, 'payments-api')).body.reason).toBe(
      'no_approved_change',
    );
    const move = async (to: string, version: number) => {
      const res = await request(server)
        .post(`/api/itsm/changes/${number}/transitions`)
        .set(as('alice'))
        .send({ to, version });
      expect(res.status).toBe(200);
      return res.body.version;
    };
    const scheduled = await move('scheduled', created.body.version);
    const open = await gate(server, 'component:default/payments-api');
    expect(open.body).toMatchObject({
      allowed: true,
      reason: 'change_window_open',
      change: { number, state: 'scheduled', type: 'standard' },
    });
    await move('implement', scheduled);
    expect((await gate(server, 'payments-api')).body).toMatchObject({
      allowed: true,
      reason: 'change_in_implementation',
      change: { number, state: 'implement' },
    });

    // Each check is on the change's timeline, by the caller.
    const timeline = await request(server)
      .get(`/api/itsm/changes/${number}/timeline`)
      .set(as('alice'));
    const checks = timeline.body.items.filter(
      (e: any) => e.type === 'gate_check',
    );
    expect(checks.map((e: any) => e.body)).toEqual([
      expect.stringContaining('allowed — '),
      expect.stringContaining(`allowed — ${number} is being implemented`),
    ]);
    // Another component's deploys are not let through by this change.
    expect((await gate(server, 'cart-service')).body.allowed).toBe(false);
  });

  it('lets deploys without a change through when configured, and answers bad input with 400', async () => {
    const { server } = await start({ allowWithoutChange: true });
    expect((await gate(server, 'payments-api')).body).toMatchObject({
      allowed: true,
      reason: 'no_change_required',
    });
    expect((await gate(server, 'a:b:c/d')).status).toBe(400);
    const missing = await request(server)
      .get('/api/itsm/gates')
      .set('Authorization', mockCredentials.service.header());
    expect(missing.status).toBe(400);
  });

  it('is for machine callers: a user gets 403', async () => {
    const { server } = await start();
    const res = await request(server)
      .get('/api/itsm/gates')
      .query({ entityRef: 'payments-api' })
      .set(as('alice'));
    expect(res.status).toBe(403);
  });

  it('takes a Backstage external access token (static), and refuses none or a wrong one', async () => {
    const { server } = await startWithExternalAccess({ token: TOKEN, subject: 'deploy-pipeline' });
    const ok = await request(server)
      .get('/api/itsm/gates?entityRef=payments-api')
      .set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.body.reason).toBe('no_approved_change');
    expect(
      (await request(server).get('/api/itsm/gates?entityRef=payments-api'))
        .status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .get('/api/itsm/gates?entityRef=payments-api')
          .set('Authorization', 'Bearer not-the-token-at-all-0000')
      ).status,
    ).toBe(401);
  });
});
