import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { testEntities } from '../__testUtils__/catalog';
import { testServicesOver } from '../__testUtils__/services';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { person } from '../__testUtils__/users';
import { BlastRadiusCalculator } from './BlastRadius';

jest.setTimeout(120_000);

const alice = person('alice', ['team-payments']);

/** A component with the relations the catalog would derive (both directions given). */
function component(
  name: string,
  relations: Array<[type: string, target: string]>,
  extra: { owner?: string; tier?: string; system?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(extra.tier
        ? { annotations: { 'itsm.backstage.io/tier': extra.tier } }
        : {}),
    },
    spec: { type: 'service', owner: extra.owner ?? 'team-payments' },
    relations: [
      {
        type: 'ownedBy',
        targetRef: `group:default/${extra.owner ?? 'team-payments'}`,
      },
      ...(extra.system
        ? [{ type: 'partOf', targetRef: `system:default/${extra.system}` }]
        : []),
      ...relations.map(([type, targetRef]) => ({ type, targetRef })),
    ],
  };
}

const ref = (name: string) => `component:default/${name}`;

/**
 * The graph: db ← core (core depends on db) ← edge-a, edge-b; a cycle core ↔ loop;
 * core provides the API core-api, consumed by mobile; core is part of the system
 * commerce; and 500 workers depend on hub.
 */
const graph: Entity[] = [
  component('db', [['dependencyOf', ref('core')]]),
  component(
    'core',
    [
      ['dependsOn', ref('db')],
      ['dependencyOf', ref('edge-a')],
      ['dependencyOf', ref('edge-b')],
      ['dependencyOf', ref('loop')],
      ['dependsOn', ref('loop')],
      ['providesApi', 'api:default/core-api'],
    ],
    { system: 'commerce', tier: 'tier-1' },
  ),
  component('loop', [
    ['dependsOn', ref('core')],
    ['dependencyOf', ref('core')],
  ]),
  component('edge-a', [['dependsOn', ref('core')]], {
    owner: 'team-storefront',
  }),
  component('edge-b', [
    ['dependsOn', ref('core')],
    ['dependencyOf', ref('edge-c')],
  ]),
  component('edge-c', [['dependsOn', ref('edge-b')]]),
  component('mobile', [['consumesApi', 'api:default/core-api']]),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'core-api', namespace: 'default' },
    spec: { type: 'openapi', owner: 'team-payments' },
    relations: [
      { type: 'apiProvidedBy', targetRef: ref('core') },
      { type: 'apiConsumedBy', targetRef: ref('mobile') },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'commerce', namespace: 'default' },
    spec: { owner: 'team-payments' },
    relations: [{ type: 'hasPart', targetRef: ref('core') }],
  },
  component(
    'hub',
    Array.from({ length: 500 }, (_, i) => [
      'dependencyOf',
      ref(`worker-${i}`),
    ]) as Array<[string, string]>,
  ),
  ...Array.from({ length: 500 }, (_, i) =>
    component(`worker-${i}`, [['dependsOn', ref('hub')]]),
  ),
];

describe('blast radius', () => {
  const calculator = (limits = { maxDepth: 6, maxEntities: 1000 }) =>
    new BlastRadiusCalculator(catalogServiceMock({ entities: graph }), limits);

  it('follows dependents, the system, the API and its consumers, each once with its shortest way, through a cycle', async () => {
    const radius = await calculator().of([ref('db')], alice.credentials);
    expect(radius.cis).toEqual([ref('db')]);
    expect(radius.truncated).toBe(false);
    const byRef = new Map(radius.impacted.map(e => [e.entityRef, e]));
    expect([...byRef.keys()].sort()).toEqual(
      [
        'api:default/core-api',
        ref('core'),
        ref('edge-a'),
        ref('edge-b'),
        ref('edge-c'),
        ref('loop'),
        ref('mobile'),
        'system:default/commerce',
      ].sort(),
    );
    expect(byRef.get(ref('core'))).toEqual({
      entityRef: ref('core'),
      kind: 'component',
      owner: 'group:default/team-payments',
      tier: 'tier-1',
      system: 'system:default/commerce',
      origin: ref('db'),
      path: [{ relation: 'dependencyOf', entityRef: ref('core') }],
    });
    expect(byRef.get(ref('mobile'))!.path).toEqual([
      { relation: 'dependencyOf', entityRef: ref('core') },
      { relation: 'providesApi', entityRef: 'api:default/core-api' },
      { relation: 'apiConsumedBy', entityRef: ref('mobile') },
    ]);
    expect(byRef.get(ref('edge-a'))!.owner).toBe(
      'group:default/team-storefront',
    );
    // The CI itself is never among what it impacts, even through the cycle.
    expect(byRef.has(ref('db'))).toBe(false);
  });

  it('takes a fan-out of 500 in one catalog read per level (batched), and stops at the limits', async () => {
    const catalog = catalogServiceMock({ entities: graph });
    const reads = jest.spyOn(catalog, 'getEntitiesByRefs');
    const wide = await new BlastRadiusCalculator(catalog, {
      maxDepth: 6,
      maxEntities: 1000,
    }).of([ref('hub')], alice.credentials);
    expect(wide.impacted).toHaveLength(500);
    expect(wide.truncated).toBe(false);
    // hub (1 ref), then the 500 workers in chunks of 200.
    expect(reads.mock.calls.map(([req]) => req.entityRefs.length)).toEqual([
      1, 200, 200, 100,
    ]);

    const capped = await calculator({ maxDepth: 6, maxEntities: 120 }).of(
      [ref('hub')],
      alice.credentials,
    );
    expect(capped.impacted).toHaveLength(120);
    expect(capped.truncated).toBe(true);

    const shallow = await calculator({ maxDepth: 1, maxEntities: 1000 }).of(
      [ref('db')],
      alice.credentials,
    );
    expect(shallow.impacted.map(e => e.entityRef)).toEqual([ref('core')]);
    expect(shallow.truncated).toBe(true);
  });

  it('leaves out what the caller cannot see in the catalog, and what is impacted only through it', async () => {
    const catalog = catalogServiceMock({ entities: graph });
    const real = catalog.getEntitiesByRefs.bind(catalog);
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation(async (req, opts) => {
        const { items } = await real(req, opts);
        return {
          items: items.map(e =>
            e?.metadata.name === 'edge-b' ? undefined : e,
          ),
        };
      });
    const radius = await new BlastRadiusCalculator(catalog).of(
      [ref('db')],
      alice.credentials,
    );
    const refs = radius.impacted.map(e => e.entityRef);
    expect(refs).not.toContain(ref('edge-b'));
    expect(refs).not.toContain(ref('edge-c'));
    expect(refs).toContain(ref('edge-a'));
  });
});

const { databases, ids } = createTestDatabases();

describe.each(ids)('blast radius of records on %s', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
  });

  it("computes an incident's blast radius from its CIs, kept apart from them", async () => {
    const services = testServicesOver([...testEntities, ...graph])(
      new RecordStore(knex),
    );
    const incident = await services.incidents.create(
      {
        title: 'Database down',
        entityRef: ref('db'),
        affectedEntityRefs: [ref('hub')],
        impact: 1,
        urgency: 1,
      },
      alice,
    );
    const stored = await services.incidents.get(incident.number);
    const radius = await services.impact.of(
      [stored.entityRef, ...stored.affectedEntityRefs],
      mockCredentials.user('user:default/alice'),
    );
    expect(radius.cis.sort()).toEqual([ref('db'), ref('hub')].sort());
    expect(radius.impacted).toHaveLength(508);
    expect(radius.impacted.map(e => e.entityRef)).not.toContain(ref('hub'));
  });

  it('tells the owners of what a new P1 or P2 incident impacts, when configured', async () => {
    const told: any[] = [];
    const services = testServicesOver([...testEntities, ...graph], {
      impact: { maxDepth: 6, maxEntities: 1000, notifyOwners: true },
    })(new RecordStore(knex), { incident: event => void told.push(event) });
    await services.incidents.create(
      { title: 'Core down', entityRef: ref('core'), impact: 1, urgency: 1 },
      alice,
    );
    expect(told.find(e => e.type === 'impacting')).toMatchObject({
      owners: ['group:default/team-storefront'],
    });
    told.length = 0;
    await services.incidents.create(
      { title: 'Slow', entityRef: ref('core'), impact: 3, urgency: 3 },
      alice,
    );
    expect(told.map(e => e.type)).toEqual(['created']);
  });
});
