import request from 'supertest';
import { startItsmBackend, testItsmConfig } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { as } from '../__testUtils__/users';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const API = 'component:default/payments-api';
const SYSTEM = 'system:default/payments';

describe.each(ids)(
  'major incidents over HTTP under the ITSM policy on %s',
  databaseId => {
    let server: any;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      server = await startItsmBackend(knex, {
        itsm: {
          ...testItsmConfig,
          incidents: { majorIncidentGroup: 'group:default/platform' },
          permissions: {
            adminGroups: ['group:default/itsm-admins'],
            readAccess: 'everyone',
          },
        },
        permissionPolicy: true,
      });
    });

    const post = (path: string, body: object, who: string) =>
      request(server).post(`/api/itsm${path}`).set(as(who)).send(body);
    const get = (path: string, who: string) =>
      request(server).get(`/api/itsm${path}`).set(as(who));

    it('proposes (workers only), accepts (the major-incident group, not the proposer), links children, posts stakeholder updates and shows the banner', async () => {
      const report = (title: string, entityRef = API) =>
        post(
          '/incidents',
          { title, entityRef, impact: 2, urgency: 2 },
          'alice',
        );
      const major = (await report('Payments API down')).body;
      const child = (await report('Cannot pay')).body;

      // carol reads it (readAccess everyone) but does not work payments incidents.
      const byCarol = await post(
        `/incidents/${major.number}/major`,
        { action: 'propose', reason: 'Looks bad' },
        'carol',
      );
      expect(byCarol.status).toBe(403);
      const proposed = await post(
        `/incidents/${major.number}/major`,
        { action: 'propose', reason: 'All card payments fail' },
        'alice',
      );
      expect(proposed.status).toBe(200);
      expect(proposed.body.major.state).toBe('proposed');
      const selfAccept = await post(
        `/incidents/${major.number}/major`,
        { action: 'accept', reason: 'me' },
        'alice',
      );
      expect(selfAccept.status).toBe(403);
      const blank = await post(
        `/incidents/${major.number}/major`,
        { action: 'accept', reason: '' },
        'bob',
      );
      expect(blank.status).toBe(400);
      const accepted = await post(
        `/incidents/${major.number}/major`,
        { action: 'accept', reason: 'Revenue impact' },
        'bob',
      );
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        priority: 'P1',
        major: { state: 'accepted', decidedBy: 'user:default/bob' },
      });

      const linked = await post(
        `/incidents/${major.number}/children`,
        { incident: child.number },
        'alice',
      );
      expect(linked.status).toBe(200);
      expect(linked.body.parent).toBe(major.number);
      const children = await get(
        `/incidents/${major.number}/children`,
        'carol',
      );
      expect(children.body.items.map((i: any) => i.number)).toEqual([
        child.number,
      ]);

      const update = await post(
        `/incidents/${major.number}/stakeholder-updates`,
        { body: 'Failover in progress' },
        'bob',
      );
      expect(update.status).toBe(201);
      expect(update.body.type).toBe('stakeholder_update');
      const byCarolUpdate = await post(
        `/incidents/${major.number}/stakeholder-updates`,
        { body: 'Mine' },
        'carol',
      );
      expect(byCarolUpdate.status).toBe(403);

      const banners = await get(
        `/major-incidents?entityRef=${encodeURIComponent(SYSTEM)}`,
        'carol',
      );
      expect(banners.status).toBe(200);
      expect(banners.body.items).toEqual([
        expect.objectContaining({
          number: major.number,
          childCount: 1,
          latestUpdate: expect.objectContaining({
            body: 'Failover in progress',
          }),
        }),
      ]);
      const impact = await get(`/incidents/${major.number}/impact`, 'carol');
      expect(impact.body.impacted.map((e: any) => e.entityRef)).toContain(
        SYSTEM,
      );
    });
  },
);
