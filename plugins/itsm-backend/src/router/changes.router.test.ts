import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { as, userInfoFactory } from '../__testUtils__/users';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const plan = {
  entityRef: 'component:default/payments-api',
  type: 'normal',
  risk: 'moderate',
  plannedStart: '2026-11-24T22:00:00Z',
  plannedEnd: '2026-11-24T23:00:00Z',
  implementationPlan: 'Deploy through the pipeline',
  backoutPlan: 'Redeploy the previous image',
  testPlan: 'Synthetic payment',
};

describe.each(ids)('change management over HTTP on %s', databaseId => {
  let knex: Knex;
  let server: any;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    ({ server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory(),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            itsm: {
              changes: {
                platformGroup: 'group:default/platform',
                freezeWindows: [
                  {
                    name: 'Black Friday',
                    start: '2026-11-27T00:00:00Z',
                    end: '2026-11-30T00:00:00Z',
                  },
                ],
              },
            },
          },
        }),
        userInfoFactory,
      ],
    }));
  });

  /** Raises a change as alice and takes it to authorize. */
  async function authorizing(body: Record<string, unknown> = {}) {
    const created = await request(server)
      .post('/api/itsm/changes')
      .set(as('alice'))
      .send({ title: 'Upgrade payments', ...plan, ...body });
    expect(created.status).toBe(201);
    let change = created.body;
    for (const to of ['assess', 'authorize']) {
      const moved = await request(server)
        .post(`/api/itsm/changes/${change.number}/transitions`)
        .set(as('alice'))
        .send({ version: change.version, to });
      expect(moved.status).toBe(200);
      change = moved.body;
    }
    const steps = await request(server)
      .get(`/api/itsm/changes/${change.number}/approvals`)
      .set(as('bob'));
    return { change, steps: steps.body.items as any[] };
  }

  const decide = (number: string, who: string, body: object) =>
    request(server)
      .post(`/api/itsm/changes/${number}/approvals`)
      .set(as(who))
      .send(body);

  it('rejects bad input with a 400 that names the field, and stores nothing', async () => {
    const before = await request(server)
      .get('/api/itsm/changes')
      .set(as('bob'));
    const bad = await request(server)
      .post('/api/itsm/changes')
      .set(as('alice'))
      .send({ ...plan, title: 'x', risk: 'extreme' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/risk/);
    const badDate = await request(server)
      .post('/api/itsm/changes')
      .set(as('alice'))
      .send({ ...plan, title: 'x', plannedStart: 'tomorrow' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/plannedStart/);
    const after = await request(server).get('/api/itsm/changes').set(as('bob'));
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('routes, refuses and records approval decisions', async () => {
    const { change, steps } = await authorizing();
    expect(steps).toEqual([
      expect.objectContaining({
        eligibleGroups: ['group:default/team-payments'],
        state: 'pending',
      }),
    ]);
    const body = { stepId: steps[0].id, decision: 'approved' };

    const self = await decide(change.number, 'alice', body);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe(
      `user:default/alice requested ${change.number} and cannot approve it`,
    );
    const outsider = await decide(change.number, 'carol', body);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toMatch(
      /requires membership of group:default\/team-payments$/,
    );
    const queue = await request(server)
      .get('/api/itsm/approvals/pending')
      .set(as('dave'));
    expect(queue.body.items.map((i: any) => i.record.number)).toContain(
      change.number,
    );

    const approved = await decide(change.number, 'dave', {
      ...body,
      comment: 'Looks good',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('scheduled');
    const again = await decide(change.number, 'erin', body);
    expect(again.status).toBe(409);

    const calendar = await request(server)
      .get('/api/itsm/change-calendar')
      .query({
        from: '2026-11-24T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
        entityRef: 'component:default/payments-api',
      })
      .set(as('carol'));
    expect(calendar.status).toBe(200);
    expect(calendar.body.changes.map((c: any) => c.number)).toContain(
      change.number,
    );
    expect(calendar.body.freezes.map((f: any) => f.name)).toEqual([
      'Black Friday',
    ]);
  });

  it('applies two approvers deciding at the same moment one after the other', async () => {
    const { change, steps } = await authorizing({
      affectedEntityRefs: ['component:default/cart-service'],
    });
    const payments = steps.find(s =>
      s.eligibleGroups.includes('group:default/team-payments'),
    );
    const storefront = steps.find(s =>
      s.eligibleGroups.includes('group:default/team-storefront'),
    );
    const [a, b] = await Promise.all([
      decide(change.number, 'dave', {
        stepId: payments.id,
        decision: 'approved',
      }),
      decide(change.number, 'carol', {
        stepId: storefront.id,
        decision: 'approved',
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const final = await request(server)
      .get(`/api/itsm/changes/${change.number}`)
      .set(as('bob'));
    // Both decisions applied (neither lost), and the second one scheduled it.
    expect(final.body).toMatchObject({
      state: 'scheduled',
      version: change.version + 2,
    });
    const timeline = await request(server)
      .get(`/api/itsm/changes/${change.number}/timeline`)
      .set(as('bob'));
    expect(
      timeline.body.items.filter((e: any) => e.type === 'approval_decided'),
    ).toHaveLength(2);
  });

  it('lets exactly one of two members decide the same step', async () => {
    const { change, steps } = await authorizing();
    const results = await Promise.all([
      decide(change.number, 'dave', {
        stepId: steps[0].id,
        decision: 'approved',
      }),
      decide(change.number, 'erin', {
        stepId: steps[0].id,
        decision: 'rejected',
        comment: 'Not this week',
      }),
    ]);
    expect(results.map(r => r.status).sort()).toEqual([200, 409]);
    const winner = results.find(r => r.status === 200)!;
    const approvals = await request(server)
      .get(`/api/itsm/changes/${change.number}/approvals`)
      .set(as('bob'));
    const [step] = approvals.body.items;
    expect(step.state).toBe(
      winner.body.state === 'scheduled' ? 'approved' : 'rejected',
    );
    expect(winner.body.state).toBe(
      step.state === 'approved' ? 'scheduled' : 'draft',
    );
  });

  it('keeps an approval racing a cancel consistent: one applies, the other gets 409', async () => {
    for (let i = 0; i < 5; i++) {
      const { change, steps } = await authorizing();
      const [approve, cancel] = await Promise.all([
        decide(change.number, 'dave', {
          stepId: steps[0].id,
          decision: 'approved',
        }),
        request(server)
          .post(`/api/itsm/changes/${change.number}/transitions`)
          .set(as('alice'))
          .send({ version: change.version, to: 'canceled' }),
      ]);
      expect([approve.status, cancel.status].sort()).toEqual([200, 409]);
      const final = await request(server)
        .get(`/api/itsm/changes/${change.number}`)
        .set(as('bob'));
      const approvals = await request(server)
        .get(`/api/itsm/changes/${change.number}/approvals`)
        .set(as('bob'));
      const [step] = approvals.body.items;
      // Whichever came first decided the outcome, and the record and step agree on it.
      const expected =
        approve.status === 200
          ? { change: 'scheduled', step: 'approved' }
          : { change: 'canceled', step: 'canceled' };
      expect({ change: final.body.state, step: step.state }).toEqual(expected);
      expect(final.body.version).toBe(change.version + 1);
    }
  });
});
