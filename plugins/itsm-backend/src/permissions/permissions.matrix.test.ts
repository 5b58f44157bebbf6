import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/catalog';
import { testItsmConfig } from '../__testUtils__/backend';
import { permissionFramework } from '../__testUtils__/permissionFramework';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { as, userInfoFactory } from '../__testUtils__/users';

const WEEK = `from=${encodeURIComponent(
  '2027-03-01T00:00:00Z',
)}&to=${encodeURIComponent('2027-03-08T00:00:00Z')}`;

/**
 * Every endpoint × every kind of caller, under the ITSM permission policy as shipped
 * and under a restrictive configuration of it, through the real permission framework
 * (permission backend, policy, conditional decisions applied by the plugin), on
 * SQLite and PostgreSQL.
 */

jest.setTimeout(600_000);

const { databases, ids } = createTestDatabases();

type Kind = 'incident' | 'change' | 'request';
type Persona =
  | 'anonymous'
  | 'pat'
  | 'carol'
  | 'dave'
  | 'bob'
  | 'frank'
  | 'mallory';
type Signed = Exclude<Persona, 'anonymous'>;
type Policy = 'shipped' | 'restrictive';

/** Who each persona is (groups in src/__testUtils__/users.ts). */
const PERSONAS: Record<Persona, string> = {
  anonymous: 'anonymous (no token)',
  pat: 'plain user (team-identity)',
  carol: 'requester (team-storefront)',
  dave: 'assignment-group member and approver (team-payments)',
  bob: 'approver only (platform)',
  frank: 'admin (itsm-admins)',
  mallory: 'denied everything (in team-payments)',
};

/** The policy's configuration, as an organisation would write it in app-config. */
const POLICY_CONFIG: Record<Policy, object> = {
  shipped: { adminGroups: ['group:default/itsm-admins'] },
  restrictive: {
    adminGroups: ['group:default/itsm-admins'],
    readAccess: 'involved',
  },
};

/**
 * What each persona may do to the fixture records, raised by carol on payments-api
 * (assignment group team-payments): r read, c comment, u update (moves, edits,
 * work notes), w read work notes, a approve. The fixture change also names
 * payments-db (owner platform), so its first approval stage waits for team-payments
 * and platform; the request's first stage waits for team-payments.
 */
const ACCESS: Record<Policy, Record<Signed, Record<Kind, string>>> = {
  shipped: {
    pat: { incident: 'r', change: 'r', request: 'r' },
    carol: { incident: 'rc', change: 'rcu', request: 'rcu' },
    dave: { incident: 'rcuw', change: 'rcuwa', request: 'rcuwa' },
    bob: { incident: 'r', change: 'ra', request: 'r' },
    frank: { incident: 'rcuwa', change: 'rcuwa', request: 'rcuwa' },
    mallory: { incident: '', change: '', request: '' },
  },
  restrictive: {
    pat: { incident: '', change: '', request: '' },
    carol: { incident: 'rc', change: 'rcu', request: 'rcu' },
    dave: { incident: 'rcuw', change: 'rcuwa', request: 'rcuwa' },
    bob: { incident: '', change: 'ra', request: '' },
    frank: { incident: 'rcuwa', change: 'rcuwa', request: 'rcuwa' },
    mallory: { incident: '', change: '', request: '' },
  },
};

/** Who reads the committed change dave raised on payments-api (a conflict of the fixture change). */
const READS_DAVES_CHANGE: Record<Policy, Signed[]> = {
  shipped: ['pat', 'carol', 'dave', 'bob', 'frank'],
  restrictive: ['dave', 'frank'],
};

const SIGNED: Signed[] = ['pat', 'carol', 'dave', 'bob', 'frank', 'mallory'];
const EVERYONE: Persona[] = ['anonymous', ...SIGNED];

const WINDOW = {
  plannedStart: '2027-03-02T22:00:00Z',
  plannedEnd: '2027-03-02T23:00:00Z',
};
const PLANS = {
  implementationPlan: 'Deploy with the pipeline',
  backoutPlan: 'Redeploy the previous image',
  testPlan: 'Synthetic payment',
};

interface Fixture {
  number: string;
  version: number;
}

/** A record-addressed endpoint: the act it needs and what a permitted call answers. */
interface Endpoint {
  kind: Kind;
  method: 'get' | 'post' | 'patch';
  path: string; // {n} is the record number
  act: 'r' | 'c' | 'u' | 'a';
  success: number;
  body?: (record: Fixture, persona: Persona, steps: any[]) => object;
  /** Writes get a fresh record each, so that every call starts from the same state. */
  fresh?: boolean;
  /** Answers of the domain rules for callers the permissions let through. */
  domain?: Partial<Record<Persona, number>>;
}

/** The step a persona would decide: one of their groups', else the first open one. */
const stepFor = (persona: Persona, steps: any[]) => {
  const groups: Record<string, string> = {
    dave: 'group:default/team-payments',
    mallory: 'group:default/team-payments',
    bob: 'group:default/platform',
  };
  const open = steps.filter(s => s.state === 'pending');
  return (open.find(s => s.eligibleGroups.includes(groups[persona])) ?? open[0])
    .id;
};

const ENDPOINTS: Endpoint[] = [
  {
    kind: 'incident',
    method: 'get',
    path: '/incidents/{n}',
    act: 'r',
    success: 200,
  },
  {
    kind: 'incident',
    method: 'get',
    path: '/incidents/{n}/timeline',
    act: 'r',
    success: 200,
  },
  {
    kind: 'incident',
    method: 'get',
    path: '/incidents/{n}/sla',
    act: 'r',
    success: 200,
  },
  {
    kind: 'incident',
    method: 'patch',
    path: '/incidents/{n}',
    act: 'u',
    success: 200,
    fresh: true,
    body: r => ({ version: r.version, title: 'Payments fail for some cards' }),
  },
  {
    kind: 'incident',
    method: 'post',
    path: '/incidents/{n}/transitions',
    act: 'u',
    success: 200,
    fresh: true,
    body: r => ({ version: r.version, to: 'in_progress' }),
  },
  {
    kind: 'incident',
    method: 'post',
    path: '/incidents/{n}/comments',
    act: 'c',
    success: 201,
    body: () => ({ body: 'Still failing here', visibility: 'comment' }),
  },
  {
    kind: 'incident',
    method: 'post',
    path: '/incidents/{n}/comments',
    act: 'u',
    success: 201,
    body: () => ({ body: 'Card network says 502', visibility: 'work_note' }),
  },
  {
    kind: 'change',
    method: 'get',
    path: '/changes/{n}',
    act: 'r',
    success: 200,
  },
  {
    kind: 'change',
    method: 'get',
    path: '/changes/{n}/timeline',
    act: 'r',
    success: 200,
  },
  {
    kind: 'change',
    method: 'get',
    path: '/changes/{n}/approvals',
    act: 'r',
    success: 200,
  },
  {
    kind: 'change',
    method: 'get',
    path: '/changes/{n}/conflicts',
    act: 'r',
    success: 200,
  },
  {
    kind: 'change',
    method: 'get',
    path: '/changes/{n}/incidents',
    act: 'r',
    success: 200,
  },
  {
    kind: 'change',
    method: 'get',
    path: '/changes/{n}/sla',
    act: 'r',
    success: 200,
  },
  {
    kind: 'change',
    method: 'patch',
    path: '/changes/{n}',
    act: 'u',
    success: 200,
    fresh: true,
    body: r => ({ version: r.version, title: 'Upgrade payments to Node 24' }),
  },
  {
    kind: 'change',
    method: 'post',
    path: '/changes/{n}/transitions',
    act: 'u',
    success: 200,
    fresh: true,
    body: r => ({ version: r.version, to: 'draft' }),
  },
  {
    kind: 'change',
    method: 'post',
    path: '/changes/{n}/comments',
    act: 'c',
    success: 201,
    body: () => ({ body: 'Is the window fine?', visibility: 'comment' }),
  },
  {
    kind: 'change',
    method: 'post',
    path: '/changes/{n}/comments',
    act: 'u',
    success: 201,
    body: () => ({ body: 'Runbook checked', visibility: 'work_note' }),
  },
  {
    kind: 'change',
    method: 'post',
    path: '/changes/{n}/approvals',
    act: 'a',
    success: 200,
    fresh: true,
    body: (_r, persona, steps) => ({
      stepId: stepFor(persona, steps),
      decision: 'approved',
    }),
    // Admins may do what permissions guard; approving stays with the step's groups.
    domain: { frank: 403 },
  },
  {
    kind: 'request',
    method: 'get',
    path: '/requests/{n}',
    act: 'r',
    success: 200,
  },
  {
    kind: 'request',
    method: 'get',
    path: '/requests/{n}/timeline',
    act: 'r',
    success: 200,
  },
  {
    kind: 'request',
    method: 'get',
    path: '/requests/{n}/approvals',
    act: 'r',
    success: 200,
  },
  {
    kind: 'request',
    method: 'get',
    path: '/requests/{n}/sla',
    act: 'r',
    success: 200,
  },
  {
    kind: 'request',
    method: 'post',
    path: '/requests/{n}/transitions',
    act: 'u',
    success: 200,
    fresh: true,
    body: r => ({ version: r.version, to: 'canceled' }),
    // Only the requester cancels (a domain rule on top of the update permission).
    domain: { dave: 403, frank: 403 },
  },
  {
    kind: 'request',
    method: 'post',
    path: '/requests/{n}/comments',
    act: 'c',
    success: 201,
    body: () => ({ body: 'Needed by Friday', visibility: 'comment' }),
  },
  {
    kind: 'request',
    method: 'post',
    path: '/requests/{n}/comments',
    act: 'u',
    success: 201,
    body: () => ({ body: 'Checked the team', visibility: 'work_note' }),
  },
  {
    kind: 'request',
    method: 'post',
    path: '/requests/{n}/approvals',
    act: 'a',
    success: 200,
    fresh: true,
    body: (_r, persona, steps) => ({
      stepId: stepFor(persona, steps),
      decision: 'approved',
    }),
    domain: { frank: 403 },
  },
];

/** What the persona gets from an endpoint on the fixture of its kind. */
function expected(policy: Policy, persona: Persona, endpoint: Endpoint) {
  if (persona === 'anonymous') return 401;
  const access = ACCESS[policy][persona][endpoint.kind];
  if (!access.includes('r')) return 404;
  if (endpoint.act !== 'r' && !access.includes(endpoint.act)) return 403;
  return endpoint.domain?.[persona] ?? endpoint.success;
}

/** What a refusal says: a 404 word for word what a missing record answers. */
function messageFor(status: number, endpoint: Endpoint, record: Fixture) {
  if (status === 404) return `No ${endpoint.kind} ${record.number}`;
  if (status >= 400) return expect.stringMatching(/\S/);
  return 'none';
}

const headers = (persona: Persona) =>
  persona === 'anonymous' ? {} : as(persona);

describe.each(ids)('permissions on %s', databaseId => {
  describe.each(['shipped', 'restrictive'] as Policy[])(
    'under the %s policy',
    policy => {
      let server: any;
      const call = (
        persona: Persona,
        method: 'get' | 'post' | 'patch',
        path: string,
        body?: object,
      ) => {
        const req = request(server)
          [method](`/api/itsm${path}`)
          .set(headers(persona));
        return body ? req.send(body) : req;
      };
      const ok = async (
        persona: Persona,
        method: 'get' | 'post' | 'patch',
        path: string,
        body?: object,
      ) => {
        const res = await call(persona, method, path, body);
        if (res.status >= 300)
          throw new Error(
            `${persona} ${method} ${path}: ${res.status} ${JSON.stringify(
              res.body,
            )}`,
          );
        return res.body;
      };

      // Fixture records, each raised by carol, the requester.
      const raise = {
        incident: () =>
          ok('carol', 'post', '/incidents', {
            title: `Payments fail ${Math.random()}`,
            entityRef: 'component:default/payments-api',
            impact: 2,
            urgency: 2,
          }),
        change: async () => {
          let change = await ok('carol', 'post', '/changes', {
            title: `Upgrade payments ${Math.random()}`,
            entityRef: 'component:default/payments-api',
            affectedEntityRefs: ['resource:default/payments-db'],
            type: 'normal',
            risk: 'moderate',
            ...WINDOW,
            ...PLANS,
          });
          for (const to of ['assess', 'authorize'])
            change = await ok(
              'carol',
              'post',
              `/changes/${change.number}/transitions`,
              {
                version: change.version,
                to,
              },
            );
          return change;
        },
        request: () =>
          ok('carol', 'post', '/requests', {
            offeringRef: 'serviceoffering:default/repo-access',
            parameters: { role: 'read' },
          }),
      };
      const stepsOf = (kind: Kind, number: string) =>
        kind === 'incident'
          ? Promise.resolve([])
          : ok('frank', 'get', `/${kind}s/${number}/approvals`).then(
              b => b.items,
            );

      const shared = {} as Record<Kind, Fixture> & { davesChange: Fixture };

      beforeAll(async () => {
        const knex = await databases.init(databaseId);
        ({ server } = await startTestBackend({
          features: [
            itsmPlugin,
            ...permissionFramework({ denied: ['user:default/mallory'] }),
            catalogServiceMock.factory({ entities: testEntities }),
            mockServices.database.factory({ knex }),
            // No token means no user (the mock's default would be a signed-in user).
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
            mockServices.rootConfig.factory({
              data: {
                permission: { enabled: true },
                itsm: { ...testItsmConfig, permissions: POLICY_CONFIG[policy] },
              },
            }),
            userInfoFactory,
          ],
        }));
        shared.incident = await raise.incident();
        shared.change = await raise.change();
        shared.request = await raise.request();
        // A work note and a comment on each record.
        for (const kind of ['incident', 'change', 'request'] as Kind[]) {
          const n = shared[kind].number;
          await ok('dave', 'post', `/${kind}s/${n}/comments`, {
            body: `Internal: ${kind} root cause suspected in the card network`,
            visibility: 'work_note',
          });
          await ok('carol', 'post', `/${kind}s/${n}/comments`, {
            body: 'Any news?',
            visibility: 'comment',
          });
        }
        // The incident was caused by the change.
        const inc = await ok(
          'dave',
          'get',
          `/incidents/${shared.incident.number}`,
        );
        shared.incident = await ok(
          'dave',
          'patch',
          `/incidents/${inc.number}`,
          {
            version: inc.version,
            causedByChange: shared.change.number,
          },
        );
        // Dave's standard change on payments-api in the same window: a conflict.
        let theirs = await ok('dave', 'post', '/changes', {
          title: 'Scale payments-api',
          entityRef: 'component:default/payments-api',
          type: 'standard',
          risk: 'low',
          ...WINDOW,
        });
        theirs = await ok(
          'dave',
          'post',
          `/changes/${theirs.number}/transitions`,
          {
            version: theirs.version,
            to: 'scheduled',
          },
        );
        shared.davesChange = theirs;
      });

      describe.each(EVERYONE)('as %s', persona => {
        const role = PERSONAS[persona];

        it.each(
          ENDPOINTS.map(
            e => [`${e.method.toUpperCase()} ${e.path} (${e.act})`, e] as const,
          ),
        )(`${role}: %s`, async (_name, endpoint) => {
          const record = endpoint.fresh
            ? await raise[endpoint.kind]()
            : shared[endpoint.kind];
          const steps = endpoint.body
            ? await stepsOf(endpoint.kind, record.number)
            : [];
          const res = await call(
            persona,
            endpoint.method,
            endpoint.path.replace('{n}', record.number),
            endpoint.body?.(record, persona, steps),
          );
          const want = expected(policy, persona, endpoint);
          // A 404 reads word for word what a missing record answers (no existence
          // oracle); every refusal says why.
          expect({
            status: res.status,
            message: res.status >= 400 ? res.body.error?.message : 'none',
          }).toEqual({
            status: want,
            message: messageFor(want, endpoint, record),
          });
        });

        if (persona === 'anonymous') {
          it.each([
            ['get', '/incidents'],
            ['post', '/incidents'],
            ['get', '/changes'],
            ['post', '/changes'],
            ['get', `/change-calendar?${WEEK}`],
            ['get', '/approvals/pending'],
            ['get', '/requests'],
            ['post', '/requests'],
            ['get', '/sla/summary'],
            ['get', '/sla/compliance'],
            ['get', '/sla/timers'],
          ] as const)('anonymous: %s %s is 401', async (method, path) => {
            const res = await call(
              persona,
              method,
              path,
              method === 'post' ? {} : undefined,
            );
            expect(res.status).toBe(401);
          });
          return;
        }
        const access = (kind: Kind) => ACCESS[policy][persona][kind];
        const reads = (kind: Kind) => access(kind).includes('r');

        it(`${role}: lists show the records they may read, nothing else`, async () => {
          for (const kind of ['incident', 'change', 'request'] as Kind[]) {
            const record = shared[kind];
            const list = await ok(
              persona,
              'get',
              `/${kind}s?q=${record.number}`,
            );
            expect(list.items.map((i: any) => i.number)).toEqual(
              reads(kind) ? [record.number] : [],
            );
          }
          const calendar = await ok(persona, 'get', `/change-calendar?${WEEK}`);
          const numbers = calendar.changes.map((c: any) => c.number);
          expect(numbers.includes(shared.change.number)).toBe(reads('change'));
          expect(numbers.includes(shared.davesChange.number)).toBe(
            READS_DAVES_CHANGE[policy].includes(persona),
          );
          const timers = await ok(persona, 'get', '/sla/timers?limit=200');
          expect(
            timers.items.some((t: any) => t.number === shared.incident.number),
          ).toBe(reads('incident'));
          await ok(persona, 'get', '/sla/summary');
          await ok(persona, 'get', '/sla/compliance');
        });

        it(`${role}: the approval queue shows only steps they may decide on records they may read`, async () => {
          const queue = await ok(persona, 'get', '/approvals/pending');
          // Write cells raise more records; this looks at the shared ones.
          const mine = [shared.change.number, shared.request.number];
          const numbers = queue.items
            .map((i: any) => i.record.number)
            .filter((n: string) => mine.includes(n))
            .sort();
          const decides = (kind: Kind) =>
            access(kind).includes('a') && persona !== 'frank';
          expect(numbers).toEqual(
            [
              ...(decides('change') ? [shared.change.number] : []),
              ...(decides('request') ? [shared.request.number] : []),
            ].sort(),
          );
        });

        it(`${role}: related records only when readable; work notes only for workers`, async () => {
          // What a GET shows (picked from its body), or its status when refused.
          const view = async (path: string, pick: (body: any) => unknown) => {
            const res = await call(persona, 'get', path);
            return res.status === 200 ? pick(res.body) : res.status;
          };
          const chg = shared.change.number;
          const inc = shared.incident.number;
          expect({
            conflicts: await view(`/changes/${chg}/conflicts`, b =>
              b.conflicts.map((c: any) => c.change.number),
            ),
            caused: await view(`/changes/${chg}/incidents`, b =>
              b.items.map((i: any) => i.number),
            ),
            causedBy: await view(`/incidents/${inc}`, b => b.causedByChange),
          }).toEqual({
            conflicts: reads('change')
              ? READS_DAVES_CHANGE[policy]
                  .filter(p => p === persona)
                  .map(() => shared.davesChange.number)
              : 404,
            caused: reads('change')
              ? [inc].filter(() => reads('incident'))
              : 404,
            causedBy: reads('incident')
              ? [chg].find(() => reads('change')) ?? null
              : 404,
          });
          for (const kind of ['incident', 'change', 'request'] as Kind[]) {
            const types = await view(
              `/${kind}s/${shared[kind].number}/timeline`,
              b => b.items.map((e: any) => e.type),
            );
            expect({
              kind,
              comments: Array.isArray(types) && types.includes('comment'),
              notes: Array.isArray(types) && types.includes('work_note'),
            }).toEqual({
              kind,
              comments: reads(kind),
              notes: access(kind).includes('w'),
            });
          }
        });

        it(`${role}: may report, order and raise unless denied everything`, async () => {
          const want = persona === 'mallory' ? 403 : 201;
          const bodies: Array<[string, object]> = [
            [
              '/incidents',
              {
                title: 'Checkout is slow',
                entityRef: 'component:default/checkout-web',
                impact: 3,
                urgency: 3,
              },
            ],
            [
              '/changes',
              {
                title: 'Tune checkout caching',
                entityRef: 'component:default/checkout-web',
                type: 'normal',
                risk: 'low',
              },
            ],
            [
              '/requests',
              {
                offeringRef: 'serviceoffering:default/new-database',
                parameters: { name: 'orders_db', size: 'small' },
              },
            ],
          ];
          for (const [path, body] of bodies) {
            const res = await call(persona, 'post', path, body);
            expect({ path, status: res.status, body: res.body }).toMatchObject({
              status: want,
            });
          }
        });
      });

      it('linking a causing change needs reading it, and writes nothing when refused', async () => {
        // Carol's change on the storefront: dave is not involved in it.
        const foreign = await ok('carol', 'post', '/changes', {
          title: 'Cart cache flush',
          entityRef: 'component:default/cart-service',
          type: 'normal',
          risk: 'low',
        });
        const before = await ok(
          'frank',
          'get',
          `/changes/${foreign.number}/timeline`,
        );
        const incident = await raise.incident();
        const res = await call(
          'dave',
          'patch',
          `/incidents/${incident.number}`,
          {
            version: incident.version,
            causedByChange: foreign.number,
          },
        );
        const after = await ok(
          'frank',
          'get',
          `/changes/${foreign.number}/timeline`,
        );
        // Under the restrictive policy dave may not read carol's change.
        const refused = policy === 'restrictive';
        expect({
          status: res.status,
          message: res.body.error?.message,
          linked: res.body.causedByChange,
          foreignTimeline: after.items.length,
          version: (await ok('frank', 'get', `/incidents/${incident.number}`))
            .version,
        }).toEqual(
          refused
            ? {
                status: 400,
                message: `causedByChange: there is no change ${foreign.number} that you may read`,
                linked: undefined,
                foreignTimeline: before.items.length,
                version: incident.version,
              }
            : {
                status: 200,
                message: undefined,
                linked: foreign.number,
                foreignTimeline: before.items.length + 1,
                version: incident.version + 1,
              },
        );
        // A change that does not exist is answered the same way as an unreadable one.
        const missing = await call(
          'dave',
          'patch',
          `/incidents/${incident.number}`,
          {
            version: incident.version,
            causedByChange: 'CHG-999999',
          },
        );
        expect(missing.status).toBe(400);
        expect(missing.body.error.message).toBe(
          'causedByChange: there is no change CHG-999999 that you may read',
        );
      });
    },
  );
});
