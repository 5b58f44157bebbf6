import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/catalog';
import { as, userInfoFactory } from '../__testUtils__/users';

jest.setTimeout(60_000);

describe('service requests over HTTP', () => {
  let server: any;

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory(),
        userInfoFactory,
      ],
    }));
  });

  it('orders, approves, fulfils; refuses bad parameters and the wrong people', async () => {
    const bad = await request(server)
      .post('/api/itsm/requests')
      .set(as('alice'))
      .send({
        offeringRef: 'serviceoffering:default/new-database',
        parameters: { name: 'x', size: 'small' },
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'parameters.name must match pattern "^[a-z][a-z0-9_]{2,30}$"',
    );
    const none = await request(server).get('/api/itsm/requests').set(as('bob'));
    expect(none.body.items).toEqual([]);

    const created = await request(server)
      .post('/api/itsm/requests')
      .set(as('alice'))
      .send({
        offeringRef: 'serviceoffering:default/new-database',
        parameters: { name: 'refunds', size: 'medium', backups: true },
        description: 'For the refunds service',
      });
    expect(created.status).toBe(201);
    const number = created.body.number;
    const steps = await request(server)
      .get(`/api/itsm/requests/${number}/approvals`)
      .set(as('bob'));
    const queue = await request(server)
      .get('/api/itsm/approvals/pending')
      .set(as('bob'));
    expect(queue.body.items.map((i: any) => i.record)).toEqual([
      expect.objectContaining({ kind: 'request', number }),
    ]);
    const approved = await request(server)
      .post(`/api/itsm/requests/${number}/approvals`)
      .set(as('bob'))
      .send({ stepId: steps.body.items[0].id, decision: 'approved' });
    expect(approved.body.state).toBe('approved');

    const notOwner = await request(server)
      .post(`/api/itsm/requests/${number}/transitions`)
      .set(as('carol'))
      .send({ version: approved.body.version, to: 'in_fulfillment' });
    expect(notOwner.status).toBe(403);
    const started = await request(server)
      .post(`/api/itsm/requests/${number}/transitions`)
      .set(as('bob'))
      .send({ version: approved.body.version, to: 'in_fulfillment' });
    expect(started.status).toBe(200);
    const stale = await request(server)
      .post(`/api/itsm/requests/${number}/transitions`)
      .set(as('bob'))
      .send({ version: approved.body.version, to: 'fulfilled', note: 'x' });
    expect(stale.status).toBe(409);
    const fulfilled = await request(server)
      .post(`/api/itsm/requests/${number}/transitions`)
      .set(as('bob'))
      .send({
        version: started.body.version,
        to: 'fulfilled',
        note: 'Created on pg-01',
      });
    expect(fulfilled.body).toMatchObject({
      state: 'fulfilled',
      resolutionNote: 'Created on pg-01',
    });

    // The requester sees it among their requests, and the provider's CI lists it.
    const mine = await request(server)
      .get('/api/itsm/requests')
      .query({ requester: 'user:default/alice' })
      .set(as('alice'));
    expect(mine.body.items.map((r: any) => [r.number, r.state])).toEqual([
      [number, 'fulfilled'],
    ]);
    const onCi = await request(server)
      .get('/api/itsm/requests')
      .query({ entityRef: 'resource:default/payments-db' })
      .set(as('carol'));
    expect(onCi.body.items).toHaveLength(1);
  });
});
