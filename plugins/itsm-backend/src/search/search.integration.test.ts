import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleItsm from '@backstage-itsm/plugin-search-backend-module-itsm';
import request from 'supertest';
import { itsmPlugin } from '../plugin';
import {
  INVOLVED_ONLY_PERMISSIONS,
  testItsmConfig,
} from '../__testUtils__/backend';
import { testEntities } from '../__testUtils__/catalog';
import { permissionFramework } from '../__testUtils__/permissionFramework';
import { as, userInfoFactory } from '../__testUtils__/users';

jest.setTimeout(120_000);

/**
 * Backstage search with the ITSM collators, the real search backend (its Lunr engine
 * and its permission filtering) and the real permission framework with the ITSM
 * policy, where only the people involved may read a record (`readAccess: involved`).
 */
/** The search plugin's scheduler, to run its collators when the test says so. */
let scheduler: SchedulerService;
const schedulerProbe = createBackendModule({
  pluginId: 'search',
  moduleId: 'test-scheduler-probe',
  register(env) {
    env.registerInit({
      deps: { service: coreServices.scheduler },
      async init({ service }) {
        scheduler = service;
      },
    });
  },
});

describe('ITSM records in Backstage search', () => {
  it('finds a record by its number, title and CI, only for who may read it', async () => {
    const { server } = await startTestBackend({
      features: [
        // The collators run when the test says so, not on a clock.
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        schedulerProbe,
        itsmPlugin,
        searchPlugin,
        searchModuleItsm,
        ...permissionFramework(),
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            itsm: {
              ...testItsmConfig,
              permissions: INVOLVED_ONLY_PERMISSIONS,
            },
          },
        }),
        userInfoFactory,
      ],
    });

    // alice of team-payments reports an incident on payments-api (routed to her team).
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set(as('alice'))
      .send({
        title: 'Refunds stuck in pending',
        description: 'The refund worker stopped consuming',
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 2,
      });
    expect(created.status).toBe(201);
    const { number } = created.body;

    const search = async (user: string, term: string) => {
      const res = await request(server)
        .get('/api/search/query')
        .query({ term, types: ['itsm-incident'] })
        .set(as(user));
      expect(res.status).toBe(200);
      return (res.body.results as any[]).map(r => r.document);
    };

    // The search plugin collates the incidents: alice finds it by its number.
    const tasks = (await scheduler.getScheduledTasks()).map(t => t.id);
    expect(tasks).toContain('search_index_itsm_incident');
    await scheduler.triggerTask('search_index_itsm_incident');
    const found = await search('alice', number);
    expect(found).toEqual([
      expect.objectContaining({
        title: `${number} Refunds stuck in pending`,
        location: `/itsm/incidents/${number}`,
        kind: 'incident',
        number,
        state: 'new',
        priority: 'P3',
      }),
    ]);
    // …by a word of its title, of its description and by its CI.
    for (const term of ['refunds', 'consuming', 'payments-api'])
      expect((await search('alice', term)).map(d => d.number)).toContain(
        number,
      );
    // The admin group reads everything; carol, not involved, finds nothing.
    expect((await search('frank', number)).map(d => d.number)).toEqual([
      number,
    ]);
    expect(await search('carol', number)).toEqual([]);
    expect(await search('carol', 'refunds')).toEqual([]);
  });
});
