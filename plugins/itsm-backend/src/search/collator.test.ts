import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import request from 'supertest';
import searchModuleItsm from '@backstage-itsm/plugin-search-backend-module-itsm';
import { itsmPlugin } from '../plugin';
import { testEntities } from '../__testUtils__/catalog';

jest.setTimeout(60_000);

/** Reads every document a collator yields. */
async function collate(factory: DocumentCollatorFactory) {
  const documents: any[] = [];
  for await (const document of await factory.getCollator())
    documents.push(document);
  return documents;
}

// The real ITSM backend and the search module in one backend: the collators read the
// records over HTTP with the search plugin's service token, as in production.
describe('the ITSM search collators', () => {
  const start = async (itsm: object = {}) => {
    const factories: Array<{ factory: DocumentCollatorFactory }> = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          {
            addCollator: (collator: any) => factories.push(collator),
            addDecorator: () => {},
          },
        ],
      ],
      features: [
        itsmPlugin,
        searchModuleItsm,
        mockServices.rootConfig.factory({
          data: { search: { collators: { itsm: { batchSize: 2 } } }, itsm },
        }),
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    return { ...backend, factories: factories.map(c => c.factory) };
  };

  it('collates every record of a kind, page by page, as documents found by number, title, description and CI', async () => {
    const { server, factories } = await start();
    const titles = ['Checkout fails', 'Refunds slow', 'Card declined'];
    for (const title of titles) {
      const res = await request(server)
        .post('/api/itsm/incidents')
        .set('Authorization', mockCredentials.user.header('user:default/alice'))
        .send({
          title,
          description: `${title} for some customers`,
          entityRef: 'component:default/payments-api',
          impact: 2,
          urgency: 2,
        });
      expect(res.status).toBe(201);
    }

    // Three records over pages of two: all of them, once each, oldest first.
    const documents = await collate(factories[0]);
    expect(documents).toHaveLength(3);
    expect(documents[0]).toEqual({
      title: 'INC-000001 Checkout fails',
      text: 'Checkout fails for some customers\ncomponent:default/payments-api',
      location: '/itsm/incidents/INC-000001',
      kind: 'incident',
      number: 'INC-000001',
      state: 'new',
      priority: 'P3',
      entityRefs: ['component:default/payments-api'],
      authorization: { resourceRef: expect.any(String) },
    });
    expect(documents.map(d => d.number)).toEqual([
      'INC-000001',
      'INC-000002',
      'INC-000003',
    ]);
    // The resource ref is the record, as the ITSM plugin's permission resources know it.
    const own = await request(server)
      .get(`/api/itsm/incidents/${documents[1].authorization.resourceRef}`)
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(own.body.number).toBe('INC-000002');
    expect(await collate(factories[1])).toEqual([]);
  });

  it('links results below the ITSM page of the app (itsm.pagePath)', async () => {
    const { server, factories } = await start({ pagePath: '/service-desk' });
    await request(server)
      .post('/api/itsm/incidents')
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send({
        title: 'Checkout fails',
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 2,
      })
      .expect(201);
    const [document] = await collate(factories[0]);
    expect(document.location).toBe('/service-desk/incidents/INC-000001');
  });

  it('serves the feed to services only: a user gets 403', async () => {
    const { server } = await start();
    const user = await request(server)
      .get('/api/itsm/search/documents?kind=incident')
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(user.status).toBe(403);
    const service = await request(server)
      .get('/api/itsm/search/documents?kind=incident')
      .set('Authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
    expect(service.body).toEqual({ items: [] });
    const bad = await request(server)
      .get('/api/itsm/search/documents?kind=ticket')
      .set('Authorization', mockCredentials.service.header());
    expect(bad.status).toBe(400);
  });
});
