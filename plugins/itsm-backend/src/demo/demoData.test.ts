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
import {
  createTestChangeService,
  createTestRequestService,
} from '../__testUtils__/services';

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
  - title: Old outage
    entityRef: component:default/checkout-web
    impact: 1
    urgency: 1
    requester: user:default/bob
    state: resolved
    resolutionCode: fixed
    resolutionNotes: failed over
    openedAgo: P10D
    workedFor: PT2H
changes:
  - title: Upgrade payments to Node 22
    entityRef: component:default/payments-api
    type: normal
    risk: high
    requester: user:default/alice
    raisedAgo: P2D
    window: { startedAgo: PT5H, lasts: PT1H }
    state: closed
    closeCode: backed_out
    approvedBy: [user:default/dave, user:default/bob]
    causedIncidents: [Payments slow]
  - title: Resize the payments database
    entityRef: resource:default/payments-db
    type: normal
    risk: moderate
    requester: user:default/alice
    window: { startsIn: P1D, lasts: PT2H }
    state: authorize
requests:
  - offeringRef: serviceoffering:default/new-database
    raisedAgo: P1D
    parameters: { name: refunds, size: small }
    requester: user:default/alice
    approvedBy: [user:default/bob]
    fulfilledBy: user:default/bob
    state: fulfilled
    note: Created on pg-01
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
    const changeService = (now: () => Date) =>
      createTestChangeService(knex, { now });
    const groups: Record<string, string[]> = {
      'user:default/dave': ['group:default/team-payments'],
      'user:default/bob': ['group:default/platform'],
    };
    const options = {
      file: demoFile(demo),
      records,
      changes: {
        createService: changeService,
        membership: async (ref: string) => groups[ref] ?? [],
      },
      requests: {
        createService: (now: () => Date) =>
          createTestRequestService(knex, { now }),
        membership: async (ref: string) => groups[ref] ?? [],
      },
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
    expect(await records.count('incident')).toBe(3);

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
      // The demo change that caused it was linked afterwards.
      'field_changed',
    ]);
    // Steps are spread between the report and now: one hour apart here.
    expect(Date.parse(timeline[1].at) - opened).toBe(3600_000);
    expect(Date.parse(timeline[2].at) - opened).toBe(2 * 3600_000);
    expect((await service.get('INC-000002')).state).toBe('new');
    // History: opened ten days ago, worked for two hours then.
    const old = await service.timeline('INC-000003');
    const oldOpened = Date.parse(old[0].at);
    expect(before - oldOpened).toBeGreaterThanOrEqual(10 * 86_400_000 - 1000);
    expect(
      old.slice(1).map(e => [e.toState, Date.parse(e.at) - oldOpened]),
    ).toEqual([
      ['in_progress', 3600_000],
      ['resolved', 2 * 3600_000],
    ]);

    // Changes reach their state through approvals by members of the routed groups.
    const changes = changeService(() => new Date());
    const closed = await changes.get('CHG-000001');
    expect(closed).toMatchObject({ state: 'closed', closeCode: 'backed_out' });
    expect(before - Date.parse(closed.plannedStart!)).toBeGreaterThanOrEqual(
      5 * 3600_000 - 1000,
    );
    expect(
      (await changes.approvalSteps('CHG-000001')).map(s => [
        s.stageName,
        s.decidedBy,
      ]),
    ).toEqual([
      ['Owner approval', 'user:default/dave'],
      ['Platform approval', 'user:default/bob'],
    ]);
    expect((await service.get('INC-000001')).causedByChange).toBe('CHG-000001');
    expect((await changes.get('CHG-000002')).state).toBe('authorize');
    expect(await records.count('change')).toBe(2);

    const request = await createTestRequestService(knex).get('REQ-000001');
    expect(request).toMatchObject({
      state: 'fulfilled',
      resolutionNote: 'Created on pg-01',
      assignee: 'user:default/bob',
    });
    expect(before - Date.parse(request.createdAt)).toBeGreaterThanOrEqual(
      86_400_000 - 1000,
    );
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
