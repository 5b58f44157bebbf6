import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testEntities } from '../__testUtils__/catalog';
import { catalogSnapshot } from './CatalogReader';

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
