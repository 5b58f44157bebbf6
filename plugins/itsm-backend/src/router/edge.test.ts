import { Knex } from 'knex';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { v4 as uuid } from 'uuid';
import { spec } from '../schema/openapi.generated';
import { startItsmBackend, writtenState } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { as } from '../__testUtils__/users';
import { MAX_DEPTH } from './edge';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const incident = {
  title: 'Checkout is slow',
  entityRef: 'component:default/payments-api',
  impact: 2,
  urgency: 2,
};
const change = {
  title: 'Upgrade payments',
  entityRef: 'component:default/payments-api',
  type: 'normal',
  risk: 'moderate',
  plannedStart: '2026-11-24T22:00:00Z',
  plannedEnd: '2026-11-24T23:00:00Z',
};
const order = {
  offeringRef: 'serviceoffering:default/sandbox',
  parameters: { ttlDays: 3 },
};

/** A cursor as a client could forge one: any JSON, base64url-encoded. */
const forged = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** `{"a":{"a":…1…}}`, `levels` objects deep. */
const nested = (levels: number) =>
  `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe.each(ids)('the HTTP edge on %s', databaseId => {
  let knex: Knex;
  let server: any;
  let inc: any;
  let chg: any;
  let req: any;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    server = await startItsmBackend(knex);
    inc = (
      await request(server)
        .post('/api/itsm/incidents')
        .set(as('alice'))
        .send(incident)
    ).body;
    chg = (
      await request(server)
        .post('/api/itsm/changes')
        .set(as('alice'))
        .send(change)
    ).body;
    req = (
      await request(server)
        .post('/api/itsm/requests')
        .set(as('alice'))
        .send(order)
    ).body;
    if (
      `${inc.number} ${chg.number} ${req.number}` !==
      'INC-000001 CHG-000001 REQ-000001'
    )
      throw new Error(`Set-up failed: ${JSON.stringify([inc, chg, req])}`);
  });

  type Call = () => request.Test;
  const send =
    (method: 'post' | 'patch', path: string, body: unknown): Call =>
    () =>
      request(server)
        [method](`/api/itsm${path}`)
        .set(as('alice'))
        .set('content-type', 'application/json')
        .send(typeof body === 'string' ? body : JSON.stringify(body));
  const get =
    (path: string, query: Record<string, unknown> = {}): Call =>
    () =>
      request(server).get(`/api/itsm${path}`).query(query).set(as('alice'));

  /** The call is a 400 whose message matches, and nothing is written. */
  async function expectRefused(call: Call, message: RegExp) {
    const before = await writtenState(knex);
    const res = await call();
    expect({ status: res.status, message: res.body.error?.message }).toEqual({
      status: 400,
      message: expect.stringMatching(message),
    });
    expect(await writtenState(knex)).toEqual(before);
  }

  describe('NUL characters, which PostgreSQL cannot store, are a 400 naming the field', () => {
    it.each<[string, () => Call, RegExp]>([
      [
        'a title',
        () => send('post', '/incidents', { ...incident, title: 'a\u0000b' }),
        /^title must not contain the NUL character/,
      ],
      [
        'an item of a list',
        () =>
          send('post', '/changes', {
            ...change,
            affectedEntityRefs: ['component:default/cart-service', '\u0000'],
          }),
        /^affectedEntityRefs\[1\] must not contain the NUL/,
      ],
      [
        "a key of a request's parameters",
        () =>
          send('post', '/requests', {
            ...order,
            parameters: { nested: { 'x\u0000': 1 } },
          }),
        /^a key of parameters\.nested must not contain the NUL/,
      ],
      [
        'a comment',
        () =>
          send('post', `/incidents/${inc.number}/comments`, {
            body: 'root cause\u0000',
            visibility: 'work_note',
          }),
        /^body must not contain the NUL/,
      ],
      [
        'an approval step id',
        () =>
          send('post', `/requests/${req.number}/approvals`, {
            stepId: '\u0000',
            decision: 'approved',
          }),
        /^stepId must not contain the NUL/,
      ],
      [
        'a query parameter',
        () => get('/incidents', { q: 'slow\u0000' }),
        /^query parameter q must not contain the NUL/,
      ],
      [
        'a repeated query parameter',
        () => get('/changes', { assignmentGroup: ['a', 'b\u0000'] }),
        /^query parameter assignmentGroup\[1\] must not contain the NUL/,
      ],
      [
        'a path parameter',
        () => get('/incidents/INC%00'),
        /^path parameter id must not contain the NUL/,
      ],
    ])('in %s', async (_where, call, message) => {
      await expectRefused(call(), message);
    });
  });

  it('refuses lone surrogates instead of storing a replacement character', async () => {
    await expectRefused(
      send('patch', `/incidents/${inc.number}`, {
        version: inc.version,
        title: 'broken \ud83d half',
      }),
      /^title is not well-formed Unicode/,
    );
    await expectRefused(
      send('post', '/requests', { ...order, parameters: { '\udc00': 1 } }),
      /^a key of parameters is not well-formed Unicode/,
    );
    // A whole pair is a character like any other.
    const emoji = await send('patch', `/incidents/${inc.number}`, {
      version: inc.version,
      title: 'Checkout is slow 🐢',
    })();
    expect(emoji.status).toBe(200);
    expect(emoji.body.title).toBe('Checkout is slow 🐢');
    inc = emoji.body;
  });

  it('refuses bodies nested deeper than the limit without overflowing the stack', async () => {
    // parameters is the 2nd level: MAX_DEPTH - 1 levels fit inside it.
    await expectRefused(
      send(
        'post',
        '/requests',
        `{"offeringRef":"${order.offeringRef}","parameters":${nested(
          MAX_DEPTH,
        )}}`,
      ),
      new RegExp(`^parameters(\\.a)+ is nested deeper than ${MAX_DEPTH}`),
    );
    // JSON.parse reads 100,000 levels; recursion over them would overflow.
    await expectRefused(
      send('post', '/incidents', '['.repeat(100_000) + ']'.repeat(100_000)),
      /^body(\[0\])+ is nested deeper than/,
    );
    const deepest = await send(
      'post',
      '/requests',
      `{"offeringRef":"${order.offeringRef}","parameters":${nested(
        MAX_DEPTH - 1,
      )}}`,
    )();
    expect(deepest.status).toBe(201);
    req = (await get(`/requests/${req.number}`)()).body;
  });

  it('refuses numbers that JSON.parse made infinite, and oversized bodies', async () => {
    await expectRefused(
      send(
        'post',
        '/requests',
        `{"offeringRef":"${order.offeringRef}","parameters":{"ttl":1e400}}`,
      ),
      /^parameters\.ttl is not a finite number/,
    );
    await expectRefused(
      send('post', '/incidents', {
        ...incident,
        description: 'x'.repeat(1_100_000),
      }),
      /too large/,
    );
  });

  it('answers malformed percent-encoding in the path with a 400', async () => {
    await expectRefused(
      get('/incidents/%E0%A4%A'),
      /^path parameter id is not valid percent-encoding/,
    );
    await expectRefused(
      send('post', '/changes/%/comments', { body: 'x', visibility: 'comment' }),
      /^path parameter id is not valid percent-encoding/,
    );
    await expectRefused(get('/%zz'), /^the path is not valid percent-encoding/);
  });

  it('answers routes the API does not have with a 404 in the error body', async () => {
    for (const path of ['/incidents//sla', '/nothing', '/changes/CHG-1/x']) {
      const res = await get(path)();
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 404,
        message: expect.stringMatching(/is not a route/),
      });
    }
  });

  it('takes entity refs in a query as written, without percent-encoding', async () => {
    const res = await request(server)
      .get(
        '/api/itsm/incidents?entityRef=component:default/payments-api&assignmentGroup=group:default/team-payments',
      )
      .set(as('alice'));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => i.number)).toEqual([inc.number]);
  });

  describe('HEAD is checked as the GET it runs as', () => {
    const head = (path: string, caller = as('alice')) =>
      request(server).head(`/api/itsm${path}`).set(caller);
    const service = { Authorization: mockCredentials.service.header() };
    const dba = encodeURIComponent('group:default/dba');

    it.each([
      '/incidents?state=new',
      `/incidents?assignmentGroup=${dba}`,
      '/changes?type=normal',
      '/sla/timers?status=running',
    ])('answers a valid %s as GET does, without a body', async path => {
      const res = await head(path);
      expect(res.status).toBe(200);
      expect(res.text).toBeUndefined();
    });

    it.each([
      '/known-errors',
      '/incidents?entityRef%5Ba%5D=1',
      '/incidents?q%5Ba%5D=1',
      '/incidents?limit=x',
      '/incidents?limit=0',
      '/incidents?limit=100000',
      '/sla/compliance?days=x',
      '/sla/timers?days=x',
    ])('refuses %s with a 400, never a 500', async path => {
      expect((await head(path)).status).toBe(400);
    });

    it('refuses an invalid search feed request of a service with a 400', async () => {
      for (const path of [
        '/search/documents',
        '/search/documents?kind=incident&kind=change',
      ])
        expect((await head(path, service)).status).toBe(400);
    });
  });

  describe('impossible calendar dates are a 400, never moved to another day', () => {
    it.each<[string, () => Call, RegExp]>([
      [
        'a new change',
        () =>
          send('post', '/changes', {
            ...change,
            plannedStart: '2026-02-30T10:00:00Z',
            plannedEnd: '2026-03-05T10:00:00Z',
          }),
        /plannedStart must match format "date-time"/,
      ],
      [
        'an update',
        () =>
          send('patch', `/changes/${chg.number}`, {
            version: chg.version,
            plannedEnd: '2026-11-31T23:00:00Z',
          }),
        /plannedEnd must match format "date-time"/,
      ],
      [
        'the calendar',
        () =>
          get('/change-calendar', {
            from: '2026-02-29T00:00:00Z',
            to: '2026-03-05T00:00:00Z',
          }),
        /from must match format "date-time"/,
      ],
      [
        'an hour that does not exist',
        () =>
          get('/change-calendar', {
            from: '2026-02-01T00:00:00Z',
            to: '2026-03-01T24:00:00Z',
          }),
        /to must match format "date-time"/,
      ],
      [
        'the year 0, which PostgreSQL does not have',
        () =>
          send('post', '/changes', {
            ...change,
            plannedStart: '0000-12-31T10:00:00Z',
          }),
        /plannedStart must match format "date-time"/,
      ],
    ])('in %s', async (_where, call, message) => {
      await expectRefused(call(), message);
    });

    it('while real dates, leap days and offsets are read as given', async () => {
      const moved = await send('patch', `/changes/${chg.number}`, {
        version: chg.version,
        plannedStart: '2028-02-29T23:30:00-01:00',
        plannedEnd: '2028-03-01T02:00:00.5Z',
      })();
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        plannedStart: '2028-03-01T00:30:00.000Z',
        plannedEnd: '2028-03-01T02:00:00.500Z',
      });
      chg = moved.body;
      const calendar = await get('/change-calendar', {
        from: '2028-02-29T00:00:00Z',
        to: '2028-03-02T00:00:00Z',
      })();
      expect(calendar.body.changes.map((c: any) => c.number)).toEqual([
        chg.number,
      ]);
    });
  });

  describe('titles and comments of white space only are a 400 naming the field', () => {
    const blank = ' \t\n ';
    it.each<[string, () => Call, RegExp]>([
      [
        'a new incident',
        () => send('post', '/incidents', { ...incident, title: blank }),
        /^title must not be blank$/,
      ],
      [
        'a new change',
        () => send('post', '/changes', { ...change, title: blank }),
        /^title must not be blank$/,
      ],
      [
        'a new request',
        () => send('post', '/requests', { ...order, title: blank }),
        /^title must not be blank$/,
      ],
      [
        'an incident update',
        () =>
          send('patch', `/incidents/${inc.number}`, {
            version: inc.version,
            title: blank,
          }),
        /^title must not be blank$/,
      ],
      [
        'a change update',
        () =>
          send('patch', `/changes/${chg.number}`, {
            version: chg.version,
            title: blank,
          }),
        /^title must not be blank$/,
      ],
      ...(['incidents', 'changes', 'requests'] as const).flatMap(kind =>
        (['comment', 'work_note'] as const).map(
          (visibility): [string, () => Call, RegExp] => [
            `a ${visibility} on ${kind}`,
            () =>
              send(
                'post',
                `/${kind}/${
                  { incidents: inc, changes: chg, requests: req }[kind].number
                }/comments`,
                {
                  body: blank,
                  visibility,
                },
              ),
            /^body must not be blank$/,
          ],
        ),
      ),
    ])('in %s', async (_where, call, message) => {
      await expectRefused(call(), message);
    });
  });

  describe('cursors other than the ones the API returns are a 400', () => {
    const at = '2026-11-24T22:00:00.000Z';
    it.each<[string, unknown]>([
      ['not base64 JSON', 'abc'],
      ['a date Date.parse reads', forged(['1', uuid()])],
      ['a date without milliseconds', forged(['2026-11-24T22:00:00Z', uuid()])],
      ['an impossible date', forged(['2026-02-30T22:00:00.000Z', uuid()])],
      ['an id of another shape', forged([at, "x' or '1'='1"])],
      ['a NUL in the id', forged([at, `${uuid()}\u0000`])],
      ['more values', forged([at, uuid(), 'response', 1])],
    ])('for records: %s', async (_what, cursor) => {
      for (const kind of ['incidents', 'changes', 'requests']) {
        await expectRefused(
          get(`/${kind}`, { cursor }),
          /^cursor is not a cursor returned by this API$/,
        );
      }
    });

    it.each<[string, unknown]>([
      ['a record cursor', forged([at, uuid()])],
      ['the old id/metric/cycle form', forged([at, `${uuid()}/response/1`])],
      ['a cycle that is not a number', forged([at, uuid(), 'response', 'NaN'])],
      ['a cycle beyond int32', forged([at, uuid(), 'response', 2 ** 31])],
      ['an unknown metric', forged([at, uuid(), 'uptime', 1])],
    ])('for SLA timers: %s', async (_what, cursor) => {
      await expectRefused(
        get('/sla/timers', { cursor }),
        /^cursor is not a cursor returned by this API$/,
      );
    });

    it('while the cursors it returns page on', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await get('/incidents', {
          limit: 1,
          ...(cursor ? { cursor } : {}),
        })();
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i: any) => i.number));
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await get('/incidents')();
      expect(seen).toEqual(all.body.items.map((i: any) => i.number));

      const timers: string[] = [];
      do {
        const page = await get('/sla/timers', {
          limit: 1,
          ...(cursor ? { cursor } : {}),
        })();
        expect(page.status).toBe(200);
        timers.push(
          ...page.body.items.map((t: any) => `${t.number}/${t.metric}`),
        );
        cursor = page.body.nextCursor;
      } while (cursor);
      const allTimers = await get('/sla/timers')();
      expect(timers.length).toBeGreaterThan(2);
      expect(timers).toEqual(
        allTimers.body.items.map((t: any) => `${t.number}/${t.metric}`),
      );
    });
  });

  it('refuses versions beyond a 32-bit integer, which PostgreSQL cannot compare', async () => {
    await expectRefused(
      send('post', `/incidents/${inc.number}/transitions`, {
        version: 2 ** 31,
        to: 'in_progress',
      }),
      /version must be <= 2147483647/,
    );
  });

  it('folds the case of ASCII letters in searches, and only those, on both engines', async () => {
    const created = await send('post', '/incidents', {
      ...incident,
      title: 'Échec du paiement 100% ABC_x',
    })();
    expect(created.status).toBe(201);
    const found = async (q: string) =>
      (await get('/incidents', { q })()).body.items.map((i: any) => i.title);
    const title = created.body.title;
    expect(await found('abc_X')).toEqual([title]);
    expect(await found('ÉCHEC')).toEqual([title]);
    expect(await found('100%')).toEqual([title]);
    expect(await found('échec')).toEqual([]);
    expect(await found('abc%x')).toEqual([]);
    expect(await found(created.body.number.toLowerCase())).toEqual([title]);
  });

  it('answers catalog values too long for their column with a 409 naming the entity, and writes nothing', async () => {
    const before = await writtenState(knex);
    const tier = await request(server)
      .post('/api/itsm/incidents')
      .set(as('alice'))
      .send({ ...incident, entityRef: 'component:default/overlong-tier' });
    expect(tier.status).toBe(409);
    expect(tier.body.error.message).toBe(
      'component:default/overlong-tier: annotation itsm.backstage.io/tier is longer than 64 characters; fix it in the catalog',
    );
    const title = await request(server)
      .post('/api/itsm/requests')
      .set(as('alice'))
      .send({
        offeringRef: 'serviceoffering:default/overlong-title',
        parameters: {},
      });
    expect(title.status).toBe(409);
    expect(title.body.error.message).toMatch(
      /^serviceoffering:default\/overlong-title: metadata.title is longer than 200 characters/,
    );
    expect(await writtenState(knex)).toEqual(before);
  });

  it('bounds every string the API stores by its column', async () => {
    const lengths = await varcharLengths(knex);
    const schemas = spec.components.schemas as Record<string, any>;
    /** The string schema a field holds: through refs, the non-null choice, items. */
    const stringOf = (s: any): any => {
      if (s.$ref) return stringOf(schemas[s.$ref.split('/').pop()]);
      if (s.oneOf) return stringOf(s.oneOf.find((o: any) => o.type !== 'null'));
      if (s.type === 'array') return stringOf(s.items);
      return s;
    };
    const maxLength = (schema: string, field: string) =>
      stringOf(schemas[schema].properties[field]).maxLength;
    const stored: [string, string, string][] = [
      ['CreateIncident', 'title', 'itsm_records.title'],
      ['UpdateIncident', 'title', 'itsm_records.title'],
      ['CreateChange', 'title', 'itsm_records.title'],
      ['UpdateChange', 'title', 'itsm_records.title'],
      ['CreateServiceRequest', 'title', 'itsm_records.title'],
      ['CreateIncident', 'entityRef', 'itsm_records.entity_ref'],
      ['CreateChange', 'entityRef', 'itsm_records.entity_ref'],
      ['CreateIncident', 'affectedEntityRefs', 'itsm_record_cis.entity_ref'],
      ['UpdateChange', 'affectedEntityRefs', 'itsm_record_cis.entity_ref'],
      ['CreateIncident', 'assignee', 'itsm_records.assignee'],
      ['UpdateIncident', 'assignee', 'itsm_records.assignee'],
      ['CreateChange', 'assignmentGroup', 'itsm_records.assignment_group'],
      ['UpdateChange', 'assignmentGroup', 'itsm_records.assignment_group'],
      ['CreateServiceRequest', 'offeringRef', 'itsm_requests.offering_ref'],
    ];
    for (const [schema, field, column] of stored) {
      expect({ [`${schema}.${field}`]: maxLength(schema, field) }).toEqual({
        [`${schema}.${field}`]: expect.any(Number),
      });
      expect(maxLength(schema, field)).toBeLessThanOrEqual(lengths[column]);
    }
  });
});

/** `table.column` → declared varchar length, read from the engine. */
async function varcharLengths(knex: Knex): Promise<Record<string, number>> {
  const lengths: Record<string, number> = {};
  if (knex.client.config.client.includes('sqlite')) {
    const tables = await knex('sqlite_master')
      .where({ type: 'table' })
      .andWhere('name', 'like', 'itsm_%')
      .pluck('name');
    for (const table of tables) {
      for (const col of await knex.raw(`pragma table_info(??)`, [table])) {
        const m = /^varchar\((\d+)\)$/i.exec(col.type);
        if (m) lengths[`${table}.${col.name}`] = Number(m[1]);
      }
    }
  } else {
    const rows = await knex('information_schema.columns')
      .where('table_name', 'like', 'itsm_%')
      .whereNotNull('character_maximum_length')
      .select('table_name', 'column_name', 'character_maximum_length');
    for (const row of rows)
      lengths[`${row.table_name}.${row.column_name}`] = Number(
        row.character_maximum_length,
      );
  }
  return lengths;
}
