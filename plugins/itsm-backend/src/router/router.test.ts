import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/catalog';

jest.setTimeout(60_000);

const alice = mockCredentials.user('user:default/alice');
const asAlice = {
  Authorization: mockCredentials.user.header('user:default/alice'),
};
const asBob = {
  Authorization: mockCredentials.user.header('user:default/bob'),
};

async function startBackend(
  permissionResult:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities: testEntities }),
      mockServices.permissions.factory({ result: permissionResult }),
    ],
  });
  return server;
}

const valid = {
  title: 'Checkout is slow',
  description: 'p99 at 4s',
  entityRef: 'component:default/payments-api',
  impact: 1,
  urgency: 2,
};

describe('itsm router', () => {
  it('creates, reads, lists, updates and transitions an incident', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set(asAlice)
      .send(valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'INC-000001',
      requester: alice.principal.userEntityRef,
      assignmentGroup: 'group:default/team-payments',
      priority: 'P2',
      state: 'new',
    });

    const got = await request(server)
      .get('/api/itsm/incidents/INC-000001')
      .set(asBob);
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(created.body.id);

    const list = await request(server)
      .get('/api/itsm/incidents')
      .query({
        entityRef: 'component:default/payments-api',
        open: 'true',
        limit: '10',
      })
      .set(asBob);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.number)).toEqual(['INC-000001']);

    const filtered = await request(server)
      .get('/api/itsm/incidents?state=resolved&state=closed')
      .set(asBob);
    expect(filtered.body.items).toEqual([]);

    const patched = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .set(asBob)
      .send({ version: 1, assignee: 'user:default/bob' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      version: 2,
      assignee: 'user:default/bob',
    });

    const stale = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .set(asAlice)
      .send({ version: 1, title: 'overwrite' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/version 1 is stale/);

    const illegal = await request(server)
      .post(`/api/itsm/incidents/INC-000001/transitions`)
      .set(asBob)
      .send({ version: 2, to: 'closed' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.message).toMatch(
      /allowed: in_progress, on_hold, resolved, canceled/,
    );

    const unguarded = await request(server)
      .post(`/api/itsm/incidents/INC-000001/transitions`)
      .set(asBob)
      .send({ version: 2, to: 'resolved' });
    expect(unguarded.status).toBe(400);
    expect(unguarded.body.error.message).toMatch(/resolutionCode is required/);

    const resolved = await request(server)
      .post(`/api/itsm/incidents/INC-000001/transitions`)
      .set(asBob)
      .send({
        version: 2,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Scaled up',
      });
    expect(resolved.status).toBe(200);
    expect(resolved.body.state).toBe('resolved');

    const note = await request(server)
      .post(`/api/itsm/incidents/INC-000001/comments`)
      .set(asBob)
      .send({ body: 'root cause: pool size', visibility: 'work_note' });
    expect(note.status).toBe(201);

    const timeline = await request(server)
      .get(`/api/itsm/incidents/INC-000001/timeline`)
      .set(asAlice);
    expect(timeline.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'field_changed',
      'state_changed',
      'work_note',
    ]);
  });

  it.each([
    [
      'an unknown field',
      { ...valid, severity: 'sev1' },
      /must NOT have additional properties|severity/,
    ],
    ['a wrong type', { ...valid, impact: 'high' }, /impact/],
    ['an out-of-range level', { ...valid, urgency: 4 }, /urgency/],
    ['a missing title', { ...valid, title: undefined }, /title/],
    ['an oversized title', { ...valid, title: 'x'.repeat(201) }, /title/],
    [
      'oversized text',
      { ...valid, description: 'x'.repeat(20001) },
      /description/,
    ],
    [
      'a malformed entity ref',
      { ...valid, entityRef: 'payments api' },
      /entityRef: 'payments api' is not a valid entity ref/,
    ],
    [
      'an entity not in the catalog',
      { ...valid, entityRef: 'component:default/ghost' },
      /entityRef: component:default\/ghost is not in the catalog/,
    ],
  ])(
    'rejects %s with a 400 and writes nothing',
    async (_name, body, message) => {
      const server = await startBackend();
      const res = await request(server)
        .post('/api/itsm/incidents')
        .set(asAlice)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const list = await request(server)
        .get('/api/itsm/incidents')
        .set(asAlice);
      expect(list.body.items).toEqual([]);
    },
  );

  it('rejects bad updates, transitions, queries and unknown ids', async () => {
    const server = await startBackend();
    await request(server)
      .post('/api/itsm/incidents')
      .set(asAlice)
      .send(valid)
      .expect(201);
    const noVersion = await request(server)
      .patch('/api/itsm/incidents/INC-000001')
      .set(asAlice)
      .send({ title: 'x' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toMatch(/version/);
    const badState = await request(server)
      .post('/api/itsm/incidents/INC-000001/transitions')
      .set(asAlice)
      .send({ version: 1, to: 'done' });
    expect(badState.status).toBe(400);
    const badQuery = await request(server)
      .get('/api/itsm/incidents?limit=100000')
      .set(asAlice);
    expect(badQuery.status).toBe(400);
    const badCursor = await request(server)
      .get('/api/itsm/incidents?cursor=abc')
      .set(asAlice);
    expect(badCursor.status).toBe(400);
    const unknown = await request(server)
      .get('/api/itsm/incidents/INC-000404')
      .set(asAlice);
    expect(unknown.status).toBe(404);
    const current = await request(server)
      .get('/api/itsm/incidents/INC-000001')
      .set(asAlice);
    expect(current.body.version).toBe(1);
  });

  it('needs a user and a permission for every write', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const anonymous = await request(server)
      .post('/api/itsm/incidents')
      .set({ Authorization: mockCredentials.none.header() })
      .send(valid);
    expect(anonymous.status).toBe(401);
    const denied = await request(server)
      .post('/api/itsm/incidents')
      .set(asAlice)
      .send(valid);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/itsm.incident.create/);
    const list = await request(server).get('/api/itsm/incidents').set(asAlice);
    expect(list.body).toEqual({ items: [] });
  });

  it('answers the blast radius of an incident, its CIs kept apart (404 for an unknown one)', async () => {
    const server = await startBackend();
    await request(server).post('/api/itsm/incidents').set(asAlice).send(valid);
    const res = await request(server)
      .get('/api/itsm/incidents/INC-000001/impact')
      .set(asAlice);
    expect(res.status).toBe(200);
    expect(res.body.cis).toEqual(['component:default/payments-api']);
    expect(res.body.impacted).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityRef: 'system:default/payments',
          origin: 'component:default/payments-api',
          path: [{ relation: 'partOf', entityRef: 'system:default/payments' }],
        }),
      ]),
    );
    expect(res.body.limits).toEqual({ maxDepth: 6, maxEntities: 1000 });
    const unknown = await request(server)
      .get('/api/itsm/changes/CHG-000404/impact')
      .set(asAlice);
    expect(unknown.status).toBe(404);
  });
});
