import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testEntities } from '../__testUtils__/catalog';
import { CachedCatalogReader, catalogSnapshot } from './CatalogReader';

describe('catalogSnapshot', () => {
  it('reads the catalog once and answers the plugin’s reads from memory', async () => {
    const catalog = catalogServiceMock({ entities: testEntities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const credentials = mockCredentials.service();
    const snapshot = await catalogSnapshot(catalog, credentials);
    expect(getEntities).toHaveBeenCalledTimes(1);

    const { items } = await snapshot.getEntitiesByRefs(
      {
        entityRefs: [
          'component:default/payments-api',
          'Component:default/Payments-API',
          'component:default/nothing',
          'not a ref',
        ],
      },
      { credentials },
    );
    expect(items.map(e => e?.metadata.name)).toEqual([
      'payments-api',
      'payments-api',
      undefined,
      undefined,
    ]);
    expect(
      (await snapshot.getEntityByRef('user:default/alice', { credentials }))
        ?.kind,
    ).toBe('User');
    const parts = await snapshot.getEntities(
      { filter: { 'relations.partOf': 'system:default/payments' } },
      { credentials },
    );
    expect(parts.items.map(e => e.metadata.name).sort()).toEqual([
      'payments-api',
      'payments-db',
    ]);
    expect(byRefs).not.toHaveBeenCalled();
    expect(getEntities).toHaveBeenCalledTimes(1);
  });
});

describe('CachedCatalogReader', () => {
  it('reuses a caller’s entities for a few seconds, never their misses, never across callers', async () => {
    const catalog = catalogServiceMock({ entities: testEntities });
    const reads = jest.spyOn(catalog, 'getEntitiesByRefs');
    let now = 0;
    const cached = new CachedCatalogReader(catalog, () => now);
    const alice = { credentials: mockCredentials.user('user:default/alice') };
    const bob = { credentials: mockCredentials.user('user:default/bob') };
    const refs = [
      'component:default/payments-api',
      'component:default/nothing',
    ];

    const first = await cached.getEntitiesByRefs({ entityRefs: refs }, alice);
    expect(first.items.map(e => e?.metadata.name)).toEqual([
      'payments-api',
      undefined,
    ]);
    expect(reads).toHaveBeenCalledTimes(1);
    // Only the miss is asked again; the hit comes from memory.
    await cached.getEntitiesByRefs({ entityRefs: refs }, alice);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(reads.mock.calls[1][0].entityRefs).toEqual([
      'component:default/nothing',
    ]);
    expect(
      (await cached.getEntityByRef('component:default/payments-api', alice))
        ?.metadata.name,
    ).toBe('payments-api');
    expect(reads).toHaveBeenCalledTimes(2);
    // Another caller reads for themselves.
    await cached.getEntityByRef('component:default/payments-api', bob);
    expect(reads).toHaveBeenCalledTimes(3);
    // After the time, it is read again.
    now += 15_001;
    await cached.getEntityByRef('component:default/payments-api', alice);
    expect(reads).toHaveBeenCalledTimes(4);
  });
});
