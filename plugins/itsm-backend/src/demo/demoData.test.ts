import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { CatalogCis } from '../catalog/CatalogCis';
import { IncidentService } from '../incidents/IncidentService';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { testEntities } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { seedDemoData } from './demoData';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

const demoFile = (content: string) => {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-demo-')),
    'demo.yaml',
  );
  fs.writeFileSync(file, content);
  return file;
};

const demo = `
incidents:
  - title: Payments slow
    entityRef: component:default/payments-api
    impact: 1
    urgency: 2
    requester: user:default/alice
    assignee: user:default/bob
    state: resolved
    resolutionCode: fixed
    resolutionNotes: restarted
    openedAgo: PT3H
  - title: Checkout broken
    entityRef: component:default/checkout-web
    impact: 2
    urgency: 2
    requester: user:default/bob
`;

describe.each(ids)('demo data on %s', databaseId => {
  it('waits for the catalog, loads once through the workflow, backdated', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    const records = new RecordStore(knex);
    const serviceWith = (entities: typeof testEntities) => (now: () => Date) =>
      new IncidentService({
        records,
        incidents: new IncidentStore(records),
        cis: new CatalogCis(catalogServiceMock({ entities })),
        now,
      });
    const options = {
      file: demoFile(demo),
      records,
      credentials: mockCredentials.service(),
      logger: mockServices.logger.mock(),
    };

    // Before the catalog has ingested the CIs: nothing is written.
    expect(
      await seedDemoData({ ...options, createService: serviceWith([]) }),
    ).toBe('waiting');
    expect(await records.count('incident')).toBe(0);

    const before = Date.now();
    const createService = serviceWith(testEntities);
    expect(await seedDemoData({ ...options, createService })).toBe('seeded');
    expect(await seedDemoData({ ...options, createService })).toBe('skipped');
    expect(await records.count('incident')).toBe(2);

    const service = createService(() => new Date());
    const resolved = await service.get('INC-000001');
    expect(resolved).toMatchObject({
      state: 'resolved',
      resolutionCode: 'fixed',
    });
    const opened = Date.parse(resolved.createdAt);
    expect(before - opened).toBeGreaterThanOrEqual(3 * 3600_000 - 1000);
    const timeline = await service.timeline('INC-000001');
    expect(timeline.map(e => e.toState ?? e.type)).toEqual([
      'created',
      'in_progress',
      'resolved',
    ]);
    // Steps are spread between the report and now: one hour apart here.
    expect(Date.parse(timeline[1].at) - opened).toBe(3600_000);
    expect(Date.parse(timeline[2].at) - opened).toBe(2 * 3600_000);
    expect((await service.get('INC-000002')).state).toBe('new');
  });

  it('names what is wrong in an invalid demo file', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    const records = new RecordStore(knex);
    await expect(
      seedDemoData({
        file: demoFile(
          'incidents:\n  - title: x\n    entityRef: component:default/payments-api\n    impact: 5\n    urgency: 1\n    requester: user:default/alice\n    openedAgo: yesterday\n',
        ),
        records,
        createService: () => {
          throw new Error('not reached');
        },
        credentials: mockCredentials.service(),
        logger: mockServices.logger.mock(),
      }),
    ).rejects.toThrow(/impact[\s\S]*openedAgo|openedAgo[\s\S]*impact/);
  });
});
