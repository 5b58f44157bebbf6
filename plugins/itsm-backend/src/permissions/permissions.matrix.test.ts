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
const API = 'component:default/payments-api';
const DB = 'resource:default/payments-db';

/**
 * Every endpoint × every kind of caller, under the ITSM permission policy as shipped
 * and under a restrictive configuration of it, through the real permission framework
 * (permission backend, policy, conditional decisions applied by the plugin), on
 * SQLite and PostgreSQL.
 */

jest.setTimeout(600_000);

const { databases, ids } = createTestDatabases();

type Kind = 'incident' | 'change' | 'request' | 'problem';
/** The fixture of each kind, and a problem published as a known error. */
type Subject = Kind | 'knownError';
type Method = 'get' | 'post' | 'patch' | 'delete';
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
 *
 * Problems (`problem`: in analysis; `knownError`: published as a known error) differ
 * from incidents where the policy says so:
 * - carol, their requester, reads them but may not comment: a problem's comments
 *   take itsm.problem.update, which only its workers (assignee, assignment group)
 *   have; an incident's requester comments with itsm.incident.comment.
 * - frank has no `a`: problems have no approvals.
 * - Under `readAccess: involved` a published known error is readable by everyone
 *   (IS_PUBLISHED_KNOWN_ERROR), so pat and bob read it where they read no incident
 *   of carol's; reading it is not working it (no c, u or w).
 */
const ACCESS: Record<Policy, Record<Signed, Record<Subject, string>>> = {
  shipped: {
    pat: {
      incident: 'r',
      change: 'r',
      request: 'r',
      problem: 'r',
      knownError: 'r',
    },
    carol: {
      incident: 'rc',
      change: 'rcu',
      request: 'rcu',
      problem: 'r',
      knownError: 'r',
    },
    dave: {
      incident: 'rcuw',
      change: 'rcuwa',
      request: 'rcuwa',
      problem: 'rcuw',
      knownError: 'rcuw',
    },
    bob: {
      incident: 'r',
      change: 'ra',
      request: 'r',
      problem: 'r',
      knownError: 'r',
    },
    frank: {
      incident: 'rcuwa',
      change: 'rcuwa',
      request: 'rcuwa',
      problem: 'rcuw',
      knownError: 'rcuw',
    },
    mallory: {
      incident: '',
      change: '',
      request: '',
      problem: '',
      knownError: '',
    },
  },
  restrictive: {
    pat: {
      incident: '',
      change: '',
      request: '',
      problem: '',
      knownError: 'r',
    },
    carol: {
      incident: 'rc',
      change: 'rcu',
      request: 'rcu',
      problem: 'r',
      knownError: 'r',
    },
    dave: {
      incident: 'rcuw',
      change: 'rcuwa',
      request: 'rcuwa',
      problem: 'rcuw',
      knownError: 'rcuw',
    },
    bob: {
      incident: '',
      change: 'ra',
      request: '',
      problem: '',
      knownError: 'r',
    },
    frank: {
      incident: 'rcuwa',
      change: 'rcuwa',
      request: 'rcuwa',
      problem: 'rcuw',
      knownError: 'rcuw',
    },
    mallory: {
      incident: '',
      change: '',
      request: '',
      problem: '',
      knownError: '',
    },
  },
};

/** Who reads the committed change dave raised on payments-api (a conflict of the fixture change). */
const READS_DAVES_CHANGE: Record<Policy, Signed[]> = {
  shipped: ['pat', 'carol', 'dave', 'bob', 'frank'],
  restrictive: ['dave', 'frank'],
};

/**
 * Who reads the change dave raised to fix the fixture problem (on payments-api, not
 * yet in approval): as for his other change, its requester and assignment group.
 */
const READS_FIX_CHANGE = READS_DAVES_CHANGE;

/**
 * Who reads the incidents on payments-db (assignment group platform) that no problem
 * explains: three carol reported, one pat did. Three readable ones make a problem
 * candidate.
 */
const READS_DB_INCIDENTS: Record<Policy, Record<'carol' | 'pat', Signed[]>> = {
  shipped: {
    carol: ['pat', 'carol', 'dave', 'bob', 'frank'],
    pat: ['pat', 'carol', 'dave', 'bob', 'frank'],
  },
  restrictive: {
    carol: ['carol', 'bob', 'frank'],
    pat: ['pat', 'bob', 'frank'],
  },
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
  /** The incident a fresh problem comes with (linked to it, or not yet). */
  incident?: string;
}

/** A record-addressed endpoint: the act it needs and what a permitted call answers. */
interface Endpoint {
  kind: Kind;
  /** The published known error rather than the fixture of the kind. */
  on?: 'knownError';
  method: Method;
  path: string; // {n} is the record number, {i} the incident it came with
  act: 'r' | 'c' | 'u' | 'a';
  success: number;
  body?: (record: Fixture, persona: Persona, steps: any[]) => object;
  /** Writes get a fresh record each, so that every call starts from the same state. */
  fresh?: boolean;
  /** The incident a fresh problem comes with: linked to it, or a spare one to link. */
  incident?: 'linked' | 'spare';
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

/** The problem endpoints, on the fixture problem or on the published known error. */
function problemEndpoints(on?: 'knownError'): Endpoint[] {
  const rows: Array<Omit<Endpoint, 'kind' | 'on'>> = [
    { method: 'get', path: '/problems/{n}', act: 'r', success: 200 },
    { method: 'get', path: '/problems/{n}/timeline', act: 'r', success: 200 },
    { method: 'get', path: '/problems/{n}/sla', act: 'r', success: 200 },
    { method: 'get', path: '/problems/{n}/incidents', act: 'r', success: 200 },
    { method: 'get', path: '/problems/{n}/changes', act: 'r', success: 200 },
    {
      method: 'patch',
      path: '/problems/{n}',
      act: 'u',
      success: 200,
      fresh: true,
      body: r => ({ version: r.version, title: 'Card network timeouts' }),
    },
    {
      method: 'post',
      path: '/problems/{n}/transitions',
      act: 'u',
      success: 200,
      fresh: true,
      body: r => ({ version: r.version, to: 'assess' }),
    },
    // A problem's comments take its update permission (see ACCESS).
    {
      method: 'post',
      path: '/problems/{n}/comments',
      act: 'c',
      success: 201,
      body: () => ({ body: 'Seen again at noon', visibility: 'comment' }),
    },
    {
      method: 'post',
      path: '/problems/{n}/comments',
      act: 'u',
      success: 201,
      body: () => ({ body: 'Pool metrics attached', visibility: 'work_note' }),
    },
    // Linking from the problem's page: working the problem, reading the incident
    // (carol's on payments-api, which everyone who works the problem reads).
    {
      method: 'post',
      path: '/problems/{n}/incidents',
      act: 'u',
      success: 200,
      fresh: true,
      incident: 'spare',
      body: r => ({ incident: r.incident }),
    },
    {
      method: 'delete',
      path: '/problems/{n}/incidents/{i}',
      act: 'u',
      success: 200,
      fresh: true,
      incident: 'linked',
    },
  ];
  return rows.map(row => ({ ...row, kind: 'problem', on }));
}

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
  ...problemEndpoints(),
  ...problemEndpoints('knownError'),
];

/** What the persona gets from an endpoint on the fixture of its kind. */
function expected(policy: Policy, persona: Persona, endpoint: Endpoint) {
  if (persona === 'anonymous') return 401;
  const access = ACCESS[policy][persona][endpoint.on ?? endpoint.kind];
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
        method: Method,
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
        method: Method,
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
      /** A problem carol raised, with the incident an endpoint needs. */
      const openProblem = async (
        incident?: 'linked' | 'spare',
      ): Promise<Fixture> => {
        const spare = incident ? (await raise.incident()).number : undefined;
        const problem = await ok('carol', 'post', '/problems', {
          title: `Card network timeouts ${Math.random()}`,
          entityRef: API,
          impact: 2,
          urgency: 2,
          symptoms: 'Payments fail with 502 from the card network',
          ...(incident === 'linked' ? { incidents: [spare] } : {}),
        });
        return { ...problem, incident: spare };
      };
      /** The same, published as a known error by the team that works it. */
      const openKnownError = async (
        incident?: 'linked' | 'spare',
      ): Promise<Fixture> => {
        const problem = await openProblem(incident);
        const published = await ok(
          'dave',
          'patch',
          `/problems/${problem.number}`,
          {
            version: problem.version,
            rootCause: 'The card network drops idle connections',
            workaround: 'Retry the payment',
            knownError: true,
          },
        );
        return { ...published, incident: problem.incident };
      };
      const raiseFresh: Record<
        Subject,
        (incident?: 'linked' | 'spare') => Promise<Fixture>
      > = { ...raise, problem: openProblem, knownError: openKnownError };
      const APPROVABLE: Kind[] = ['change', 'request'];
      const stepsOf = (kind: Kind, number: string) =>
        APPROVABLE.includes(kind)
          ? ok('frank', 'get', `/${kind}s/${number}/approvals`).then(
              b => b.items,
            )
          : Promise.resolve([]);

      const shared = {} as Record<Subject, Fixture> & {
        davesChange: Fixture;
        fixChange: Fixture;
        knownErrorFix: Fixture;
        dbIncidents: Array<{ number: string; by: 'carol' | 'pat' }>;
      };

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
        // The problem behind the fixture incident, and a published known error with
        // an incident of carol's: each with a work note and a comment of the team that
        // works it (their requester may not comment).
        shared.problem = await openProblem();
        await ok(
          'dave',
          'post',
          `/problems/${shared.problem.number}/incidents`,
          {
            incident: shared.incident.number,
          },
        );
        shared.knownError = await openKnownError('linked');
        for (const subject of ['problem', 'knownError'] as const) {
          const n = shared[subject].number;
          await ok('dave', 'post', `/problems/${n}/comments`, {
            body: 'Internal: idle connections dropped after 60 s',
            visibility: 'work_note',
          });
          await ok('dave', 'post', `/problems/${n}/comments`, {
            body: 'We are on it',
            visibility: 'comment',
          });
        }
        // Dave's changes to fix them.
        shared.fixChange = await ok('dave', 'post', '/changes', {
          title: 'Keep card network connections alive',
          entityRef: API,
          type: 'normal',
          risk: 'low',
          problem: shared.problem.number,
        });
        shared.knownErrorFix = await ok('dave', 'post', '/changes', {
          title: 'Retry payments in the client',
          entityRef: API,
          type: 'normal',
          risk: 'low',
          problem: shared.knownError.number,
        });
        // Recurring incidents on payments-db that no problem explains.
        shared.dbIncidents = [];
        for (const by of ['carol', 'carol', 'carol', 'pat'] as const) {
          const created = await ok(by, 'post', '/incidents', {
            title: `Replica lag ${Math.random()}`,
            entityRef: DB,
            impact: 3,
            urgency: 3,
          });
          shared.dbIncidents.push({ number: created.number, by });
        }
      });

      describe.each(EVERYONE)('as %s', persona => {
        const role = PERSONAS[persona];

        it.each(
          ENDPOINTS.map(
            e =>
              [
                `${e.method.toUpperCase()} ${e.path} (${e.act})${
                  e.on ? ' on a known error' : ''
                }`,
                e,
              ] as const,
          ),
        )(`${role}: %s`, async (_name, endpoint) => {
          const subject = endpoint.on ?? endpoint.kind;
          const record = endpoint.fresh
            ? await raiseFresh[subject](endpoint.incident)
            : shared[subject];
          const steps = endpoint.body
            ? await stepsOf(endpoint.kind, record.number)
            : [];
          const res = await call(
            persona,
            endpoint.method,
            endpoint.path
              .replace('{n}', record.number)
              .replace('{i}', record.incident ?? ''),
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
            ['get', '/problems'],
            ['post', '/problems'],
            ['get', `/known-errors?entityRef=${encodeURIComponent(API)}`],
            ['get', '/problem-candidates'],
            ['get', '/problem-kpis'],
            ['get', '/my-work'],
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
        const access = (kind: Subject) => ACCESS[policy][persona][kind];
        const reads = (kind: Subject) => access(kind).includes('r');

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

        it(`${role}: may open a problem unless denied everything`, async () => {
          const res = await call(persona, 'post', '/problems', {
            title: 'Checkout hangs after deploys',
            entityRef: 'component:default/checkout-web',
            impact: 3,
            urgency: 3,
          });
          expect({ status: res.status, body: res.body }).toMatchObject({
            status: persona === 'mallory' ? 403 : 201,
          });
        });

        it(`${role}: problem lists, known errors, candidates and KPIs count only what they may read`, async () => {
          const fixtures = [shared.problem.number, shared.knownError.number];
          const onApi = `entityRef=${encodeURIComponent(API)}`;
          for (const subject of ['problem', 'knownError'] as const) {
            const { number } = shared[subject];
            const list = await ok(persona, 'get', `/problems?q=${number}`);
            expect({
              subject,
              listed: list.items.map((i: any) => i.number),
            }).toEqual({ subject, listed: reads(subject) ? [number] : [] });
          }
          // Every problem on payments-api is carol's, worked by team-payments: who may
          // not read problems sees the published known errors only.
          const problems = (
            await ok(persona, 'get', `/problems?${onApi}&limit=200`)
          ).items;
          const numbers = problems.map((p: any) => p.number);
          const unpublished = (
            await ok(
              persona,
              'get',
              `/problems?${onApi}&knownError=false&limit=200`,
            )
          ).items;
          const known = await ok(persona, 'get', `/known-errors?${onApi}`);
          const knownNumbers = known.items.map((k: any) => k.number);
          expect({
            fixtures: fixtures.filter(n => numbers.includes(n)),
            unpublished: unpublished.map((p: any) => p.number).sort(),
            published: [
              ...new Set(problems.map((p: any) => p.knownError)),
            ].sort(),
            knownErrors: fixtures.filter(n => knownNumbers.includes(n)),
            knownErrorsListed: knownNumbers.every((n: string) =>
              numbers.includes(n),
            ),
          }).toEqual({
            fixtures: [
              ...[shared.problem.number].filter(() => reads('problem')),
              ...[shared.knownError.number].filter(() => reads('knownError')),
            ],
            unpublished: problems
              .filter((p: any) => !p.knownError)
              .map((p: any) => p.number)
              .sort(),
            published: [
              ...[false].filter(() => reads('problem')),
              ...[true].filter(() => reads('knownError')),
            ],
            knownErrors: [shared.knownError.number].filter(() =>
              reads('knownError'),
            ),
            knownErrorsListed: true,
          });

          // Candidates count the incidents on payments-db the persona reads.
          const readable = shared.dbIncidents
            .filter(i => READS_DB_INCIDENTS[policy][i.by].includes(persona))
            .map(i => i.number)
            .sort();
          const candidates = await ok(
            persona,
            'get',
            `/problem-candidates?entityRef=${encodeURIComponent(DB)}`,
          );
          expect({
            ...candidates,
            items: candidates.items.map((c: any) => ({
              entityRef: c.entityRef,
              incidentCount: c.incidentCount,
              incidents: [...c.incidents].sort(),
            })),
          }).toEqual({
            minIncidents: 3,
            days: 30,
            items: [
              {
                entityRef: DB,
                incidentCount: readable.length,
                incidents: readable,
              },
            ].filter(() => readable.length >= 3),
          });

          // The KPIs of payments-api count what the lists show the persona.
          const kpis = await ok(persona, 'get', `/problem-kpis?${onApi}`);
          const open = (
            await ok(persona, 'get', `/problems?${onApi}&open=true&limit=200`)
          ).items;
          const incidents = (
            await ok(persona, 'get', `/incidents?${onApi}&limit=200`)
          ).items;
          // (Every linked incident here is linked to a problem of carol's, which
          // whoever reads the incident reads too: the list shows every link.)
          const linked = incidents.filter((i: any) => i.problem).length;
          expect({
            ...kpis,
            medianOpenAgeMs: Number.isInteger(kpis.medianOpenAgeMs),
          }).toEqual({
            openProblems: open.length,
            knownErrors: open.filter((p: any) => p.knownError).length,
            incidents: incidents.length,
            linkedIncidentShare: incidents.length
              ? linked / incidents.length
              : null,
            // A median of the open ones, none without.
            medianOpenAgeMs: open.length > 0,
            days: 90,
          });
          expect({
            unpublished: kpis.openProblems > kpis.knownErrors,
            knownErrors: kpis.knownErrors > 0,
          }).toEqual({
            unpublished: reads('problem'),
            knownErrors: reads('knownError'),
          });

          // My work counts the open problems of the persona's groups they may read.
          const work = await ok(persona, 'get', '/my-work');
          const groups = work.groups
            .map((g: string) => `assignmentGroup=${encodeURIComponent(g)}`)
            .join('&');
          const ofGroups = await ok(
            persona,
            'get',
            `/problems?open=true&limit=200&${groups}`,
          );
          expect({
            groups: work.groups.length > 0,
            count: work.myGroups.problem,
          }).toEqual({
            groups: true,
            count: ofGroups.items.length,
          });
        });

        it(`${role}: a problem's related records only when readable; work notes only for workers`, async () => {
          const view = async (path: string, pick: (body: any) => unknown) => {
            const res = await call(persona, 'get', path);
            return res.status === 200 ? pick(res.body) : res.status;
          };
          const prb = shared.problem.number;
          const inc = shared.incident.number;
          const fix = shared.fixChange.number;
          const readsFix = READS_FIX_CHANGE[policy].includes(persona);
          const numbers = (b: any) => b.items.map((i: any) => i.number);
          const known = shared.knownError;
          expect({
            incidents: await view(`/problems/${prb}/incidents`, numbers),
            changes: await view(`/problems/${prb}/changes`, numbers),
            // Who reads a known error only because it is published sees none of the
            // incidents and changes of others linked to it.
            knownErrorIncidents: await view(
              `/problems/${known.number}/incidents`,
              numbers,
            ),
            knownErrorChanges: await view(
              `/problems/${known.number}/changes`,
              numbers,
            ),
            problemOfIncident: await view(`/incidents/${inc}`, b => b.problem),
            problemOfChange: await view(`/changes/${fix}`, b => b.problem),
          }).toEqual({
            incidents: reads('problem')
              ? [inc].filter(() => reads('incident'))
              : 404,
            changes: reads('problem') ? [fix].filter(() => readsFix) : 404,
            knownErrorIncidents: reads('knownError')
              ? [known.incident].filter(() => reads('incident'))
              : 404,
            knownErrorChanges: reads('knownError')
              ? [shared.knownErrorFix.number].filter(() => readsFix)
              : 404,
            problemOfIncident: reads('incident')
              ? [prb].find(() => reads('problem')) ?? null
              : 404,
            problemOfChange: readsFix
              ? [prb].find(() => reads('problem')) ?? null
              : 404,
          });
          for (const subject of ['problem', 'knownError'] as const) {
            const types = await view(
              `/problems/${shared[subject].number}/timeline`,
              b => b.items.map((e: any) => e.type),
            );
            expect({
              subject,
              comments: Array.isArray(types) && types.includes('comment'),
              notes: Array.isArray(types) && types.includes('work_note'),
            }).toEqual({
              subject,
              comments: reads(subject),
              notes: access(subject).includes('w'),
            });
          }
        });
      });

      it("a problem's timeline names only the linked incidents and changes its reader may read", async () => {
        const known = shared.knownError.number;
        const linked = [
          shared.knownError.incident!,
          shared.knownErrorFix.number,
        ];
        for (const persona of SIGNED) {
          const timeline = await call(
            persona,
            'get',
            `/problems/${known}/timeline`,
          );
          if (timeline.status !== 200) continue;
          const mayRead = async (number: string) =>
            (
              await call(
                persona,
                'get',
                `/${
                  number.startsWith('INC') ? 'incidents' : 'changes'
                }/${number}`,
              )
            ).status === 200;
          const readable = [];
          for (const number of linked)
            if (await mayRead(number)) readable.push(number);
          const entries: any[] = timeline.body.items;
          const text = JSON.stringify(entries);
          expect({
            persona,
            links: entries.flatMap(e => e.link?.number ?? []).sort(),
            named: linked.filter(number => text.includes(number)),
          }).toEqual({
            persona,
            links: [...readable].sort(),
            named: readable,
          });
        }
      });

      it('linking an incident to a problem needs reading it, and writes nothing when refused', async () => {
        // Carol's incident on the storefront: dave is not involved in it.
        const foreign = await ok('carol', 'post', '/incidents', {
          title: 'Cart empties itself',
          entityRef: 'component:default/cart-service',
          impact: 3,
          urgency: 3,
        });
        const timelineOf = async () =>
          (await ok('frank', 'get', `/incidents/${foreign.number}/timeline`))
            .items.length;
        const problemOf = async () =>
          (await ok('frank', 'get', `/incidents/${foreign.number}`)).problem;
        const before = await timelineOf();
        const problem = await openProblem();
        const link = await call(
          'dave',
          'post',
          `/problems/${problem.number}/incidents`,
          { incident: foreign.number },
        );
        // Under the restrictive policy dave may not read carol's incident.
        const refused = policy === 'restrictive';
        const noIncident = `incident: there is no incident ${foreign.number} that you may read`;
        expect({
          status: link.status,
          message: link.body.error?.message,
          incidentCount: link.body.incidentCount,
          foreignTimeline: await timelineOf(),
          linked: await problemOf(),
        }).toEqual(
          refused
            ? {
                status: 400,
                message: noIncident,
                incidentCount: undefined,
                foreignTimeline: before,
                linked: null,
              }
            : {
                status: 200,
                message: undefined,
                incidentCount: 1,
                foreignTimeline: before + 1,
                linked: problem.number,
              },
        );
        // Unlinking it needs reading it too (frank links it where dave could not).
        await ok('frank', 'post', `/problems/${problem.number}/incidents`, {
          incident: foreign.number,
        });
        const linkedTimeline = await timelineOf();
        const unlink = await call(
          'dave',
          'delete',
          `/problems/${problem.number}/incidents/${foreign.number}`,
        );
        expect({
          status: unlink.status,
          message: unlink.body.error?.message,
          foreignTimeline: await timelineOf(),
          linked: await problemOf(),
        }).toEqual(
          refused
            ? {
                status: 400,
                message: noIncident,
                foreignTimeline: linkedTimeline,
                linked: problem.number,
              }
            : {
                status: 200,
                message: undefined,
                foreignTimeline: linkedTimeline + 1,
                linked: null,
              },
        );
        // Opening a problem with it as well.
        const opened = await call('dave', 'post', '/problems', {
          title: 'Carts lose items',
          entityRef: API,
          impact: 3,
          urgency: 3,
          incidents: [foreign.number],
        });
        expect({
          status: opened.status,
          message: opened.body.error?.message,
        }).toEqual(
          refused
            ? {
                status: 400,
                message: `incidents: there is no incident ${foreign.number} that you may read`,
              }
            : { status: 201, message: undefined },
        );
        // An incident that does not exist is answered the same way as an unreadable one.
        const missing = await call(
          'dave',
          'post',
          `/problems/${problem.number}/incidents`,
          { incident: 'INC-999999' },
        );
        expect({
          status: missing.status,
          message: missing.body.error?.message,
        }).toEqual({
          status: 400,
          message:
            'incident: there is no incident INC-999999 that you may read',
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
