import { Knex } from 'knex';
import request from 'supertest';
import {
  startItsmBackend,
  testItsmConfig,
  writtenState,
} from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { as } from '../__testUtils__/users';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const API = 'component:default/payments-api';

describe.each(ids)('problem management over HTTP on %s', databaseId => {
  let knex: Knex;
  let server: any;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    server = await startItsmBackend(knex);
  });

  const post = (path: string, body: object, who = 'alice') =>
    request(server).post(`/api/itsm${path}`).set(as(who)).send(body);
  const get = (path: string, who = 'alice') =>
    request(server).get(`/api/itsm${path}`).set(as(who));

  it('goes from recurring incidents to a known error that new reports attach to', async () => {
    const incidents = [];
    for (let i = 0; i < 3; i++) {
      const created = await post('/incidents', {
        title: `Checkout times out ${i}`,
        entityRef: API,
        impact: 2,
        urgency: 2,
      });
      expect(created.status).toBe(201);
      incidents.push(created.body.number);
    }

    const candidates = await get(
      `/problem-candidates?entityRef=${encodeURIComponent(API)}`,
    );
    expect(candidates.status).toBe(200);
    expect(candidates.body).toMatchObject({
      minIncidents: 3,
      days: 30,
      items: [{ entityRef: API, incidentCount: 3 }],
    });

    const opened = await post(
      '/problems',
      {
        title: 'Connection pool exhausted',
        entityRef: API,
        impact: 2,
        urgency: 1,
        incidents: candidates.body.items[0].incidents,
      },
      'dave',
    );
    expect(opened.status).toBe(201);
    const problem = opened.body;
    expect(problem).toMatchObject({
      kind: 'problem',
      state: 'new',
      incidentCount: 3,
    });
    expect((await get(`/incidents/${incidents[0]}`)).body.problem).toBe(
      problem.number,
    );
    expect(
      (await get(`/problems/${problem.number}/incidents`)).body.items,
    ).toHaveLength(3);
    expect(
      (await get(`/problem-candidates?entityRef=${encodeURIComponent(API)}`))
        .body.items,
    ).toEqual([]);

    // A known error needs its cause and workaround; a refused edit writes nothing.
    const before = await writtenState(knex);
    const refused = await request(server)
      .patch(`/api/itsm/problems/${problem.number}`)
      .set(as('dave'))
      .send({ version: 1, knownError: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'rootCause is required for a known error; workaround is required for a known error',
    );
    expect(await writtenState(knex)).toEqual(before);

    const known = await request(server)
      .patch(`/api/itsm/problems/${problem.number}`)
      .set(as('dave'))
      .send({
        version: 1,
        rootCause: 'Pool of 10 connections',
        workaround: 'Restart the checkout pods',
        knownError: true,
      });
    expect(known.status).toBe(200);
    expect(known.body.knownError).toBe(true);
    const timeline = await get(`/incidents/${incidents[1]}/timeline`);
    expect(timeline.body.items.map((e: any) => e.type)).toContain('workaround');

    const found = await get(
      `/known-errors?entityRef=${encodeURIComponent(API)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      expect.objectContaining({
        number: problem.number,
        workaround: 'Restart the checkout pods',
        matchedEntityRef: API,
      }),
    ]);
    const onlyKnown = await get('/problems?knownError=true');
    expect(onlyKnown.body.items.map((p: any) => p.number)).toEqual([
      problem.number,
    ]);

    const attached = await post('/incidents', {
      title: 'Checkout times out again',
      entityRef: API,
      impact: 3,
      urgency: 2,
      problem: problem.number,
    });
    expect(attached.status).toBe(201);
    expect(attached.body.problem).toBe(problem.number);

    const fix = await post('/changes', {
      title: 'Raise the pool size',
      entityRef: API,
      type: 'standard',
      risk: 'low',
      plannedStart: '2026-12-24T10:00:00Z',
      plannedEnd: '2026-12-24T11:00:00Z',
      problem: problem.number,
    });
    expect(fix.status).toBe(201);
    expect(fix.body.problem).toBe(problem.number);
    expect(
      (await get(`/problems/${problem.number}/changes`)).body.items,
    ).toEqual([expect.objectContaining({ number: fix.body.number })]);

    const unlinked = await request(server)
      .delete(`/api/itsm/problems/${problem.number}/incidents/${incidents[2]}`)
      .set(as('dave'));
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.incidentCount).toBe(3);
    const relinked = await post(
      `/problems/${problem.number}/incidents`,
      { incident: incidents[2] },
      'dave',
    );
    expect(relinked.status).toBe(200);
    expect(relinked.body.incidentCount).toBe(4);
    expect((await get(`/problems/${problem.number}/sla`)).status).toBe(200);
    const work = await get('/my-work', 'dave');
    expect(work.status).toBe(200);
    expect(work.body).toMatchObject({
      myGroups: { problem: 1, incident: 4 },
      groups: ['group:default/team-payments'],
    });
  });

  it('answers bad input with 400 and unknown records with 404', async () => {
    expect((await get('/known-errors')).status).toBe(400);
    expect((await get('/known-errors?entityRef=nope')).status).toBe(400);
    expect((await get('/problems/PRB-999999')).status).toBe(404);
    expect(
      (await post('/problems/PRB-999999/incidents', { incident: '' })).status,
    ).toBe(400);
    const noIncident = await post('/problems', {
      title: 'x',
      entityRef: API,
      impact: 2,
      urgency: 2,
      incidents: ['INC-999999'],
    });
    expect(noIncident.status).toBe(400);
    expect(noIncident.body.error.message).toBe(
      'incidents: there is no incident INC-999999 that you may read',
    );
    const badMove = await post('/problems', {
      title: 'y',
      entityRef: API,
      impact: 2,
      urgency: 2,
    });
    const moved = await post(`/problems/${badMove.body.number}/transitions`, {
      version: 1,
      to: 'closed',
    });
    expect(moved.status).toBe(409);
  });
});

describe.each(ids)(
  'problems under the ITSM policy (readAccess: involved) on %s',
  databaseId => {
    let server: any;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      server = await startItsmBackend(knex, {
        itsm: {
          ...testItsmConfig,
          permissions: {
            adminGroups: ['group:default/itsm-admins'],
            readAccess: 'involved',
          },
        },
        permissionPolicy: true,
      });
    });

    it('publishes known errors to everyone and keeps the rest to those involved', async () => {
      const open = (title: string) =>
        request(server)
          .post('/api/itsm/problems')
          .set(as('dave'))
          .send({ title, entityRef: API, impact: 2, urgency: 2 });
      const published = (await open('Pool exhausted')).body;
      const hidden = (await open('Still analysing')).body;
      const edit = await request(server)
        .patch(`/api/itsm/problems/${published.number}`)
        .set(as('dave'))
        .send({
          version: 1,
          rootCause: 'Pool of 10',
          workaround: 'Restart',
          knownError: true,
        });
      expect(edit.status).toBe(200);

      const carolSees = await request(server)
        .get(`/api/itsm/known-errors?entityRef=${encodeURIComponent(API)}`)
        .set(as('carol'));
      expect(carolSees.body.items.map((k: any) => k.number)).toEqual([
        published.number,
      ]);
      const list = await request(server)
        .get('/api/itsm/problems')
        .set(as('carol'));
      expect(list.body.items.map((p: any) => p.number)).toEqual([
        published.number,
      ]);
      expect(
        (
          await request(server)
            .get(`/api/itsm/problems/${hidden.number}`)
            .set(as('carol'))
        ).status,
      ).toBe(404);
      // Reading a known error is not working it.
      const carolEdits = await request(server)
        .patch(`/api/itsm/problems/${published.number}`)
        .set(as('carol'))
        .send({ version: 2, workaround: 'Mine' });
      expect(carolEdits.status).toBe(403);
    });
  },
);
