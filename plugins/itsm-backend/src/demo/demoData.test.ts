import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { knex as createKnex, Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { testEntities } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { seedDemoData } from './demoData';
import {
  createTestChangeService,
  createTestRequestService,
  testServicesOver,
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
problems:
  - title: Payments pool exhausted
    entityRef: component:default/payments-api
    impact: 1
    urgency: 2
    requester: user:default/alice
    assignee: user:default/alice
    incidents: [Payments slow]
    openedAgo: PT2H
    state: root_cause_analysis
    rootCause: Pool of 10 connections
    workaround: Scale out to 6 replicas
    knownError: true
`;

describe.each(ids)('demo data on %s', databaseId => {
  it('waits for the catalog, loads once through the workflow, backdated', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    const records = new RecordStore(knex);
    const groups: Record<string, string[]> = {
      'user:default/dave': ['group:default/team-payments'],
      'user:default/bob': ['group:default/platform'],
    };
    const options = {
      file: demoFile(demo),
      records,
      membership: async (ref: string) => groups[ref] ?? [],
      credentials: mockCredentials.service(),
      logger: mockServices.logger.mock(),
    };

    // Before the catalog has ingested the CIs: nothing is written.
    expect(
      await seedDemoData({ ...options, services: testServicesOver([]) }),
    ).toBe('waiting');
    expect(await records.count('incident')).toBe(0);

    const before = Date.now();
    const services = testServicesOver(testEntities);
    expect(await seedDemoData({ ...options, services })).toBe('seeded');
    expect(await seedDemoData({ ...options, services })).toBe('skipped');
    expect(await records.count('incident')).toBe(3);

    const service = services(records, {}).incidents;
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
      // The demo change that caused it was linked afterwards, then its problem.
      'field_changed',
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
    const changes = createTestChangeService(knex);
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

    const problems = services(records).problems;
    expect(await problems.get('PRB-000001')).toMatchObject({
      state: 'root_cause_analysis',
      knownError: true,
      workaround: 'Scale out to 6 replicas',
      incidentCount: 1,
    });
    expect((await service.get('INC-000001')).problem).toBe('PRB-000001');

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
        services: () => {
          throw new Error('not reached');
        },
        membership: async () => [],
        credentials: mockCredentials.service(),
        logger: mockServices.logger.mock(),
      }),
    ).rejects.toThrow(/impact[\s\S]*openedAgo|openedAgo[\s\S]*impact/);
  });

  /** Rows in every table the load writes. */
  const written = async (knex: Knex) => {
    const tables = [
      'itsm_records',
      'itsm_record_cis',
      'itsm_timeline',
      'itsm_incidents',
      'itsm_changes',
      'itsm_requests',
      'itsm_problems',
      'itsm_approval_steps',
      'itsm_approval_step_groups',
      'itsm_sla_timers',
    ];
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = Number((await knex(table).count({ n: '*' }))[0].n);
    counts.numbers = Number(
      (await knex('itsm_sequences').sum({ n: 'last_value' }))[0].n,
    );
    return counts;
  };

  it('loads all of it in one transaction: a failure half-way leaves nothing, the next run loads everything', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    const records = new RecordStore(knex);
    const told: string[] = [];
    const options = {
      file: demoFile(demo),
      records,
      services: testServicesOver(testEntities),
      notifiers: {
        incident: async (e: { type: string }) => void told.push(e.type),
        change: async (e: { type: string }) => void told.push(e.type),
        request: async (e: { type: string }) => void told.push(e.type),
      },
      credentials: mockCredentials.service(),
      logger: mockServices.logger.mock(),
    };
    const groups: Record<string, string[]> = {
      'user:default/dave': ['group:default/team-payments'],
      'user:default/bob': ['group:default/platform'],
    };
    const empty = await written(knex);

    // The second approver of the first change cannot be looked up: by then the
    // incidents are in, with their SLA timers, and the change is half approved.
    let calls = 0;
    const failing = async (ref: string) => {
      calls++;
      if (ref === 'user:default/bob') throw new Error('catalog unavailable');
      return groups[ref] ?? [];
    };
    await expect(
      seedDemoData({ ...options, membership: failing }),
    ).rejects.toThrow('catalog unavailable');
    // The requester's groups (for the standard-change rule), dave's, then bob's.
    expect(calls).toBe(3);
    expect(await written(knex)).toEqual(empty);
    expect(told).toEqual([]);

    expect(
      await seedDemoData({
        ...options,
        membership: async (ref: string) => groups[ref] ?? [],
      }),
    ).toBe('seeded');
    const loaded = await written(knex);
    expect(loaded).toMatchObject({
      itsm_incidents: 3,
      itsm_changes: 2,
      itsm_requests: 1,
      itsm_problems: 1,
      // Numbers taken by the failed load were given back: INC-000001 on.
      numbers: 7,
    });
    expect(loaded.itsm_sla_timers).toBeGreaterThan(0);
    expect(
      await knex('itsm_records').orderBy('number').pluck('number'),
    ).toEqual([
      'CHG-000001',
      'CHG-000002',
      'INC-000001',
      'INC-000002',
      'INC-000003',
      'PRB-000001',
      'REQ-000001',
    ]);
    // Told once the load committed, of what it did.
    expect(told).toEqual(expect.arrayContaining(['created', 'state_changed']));
  });

  it('loads once when two instances load at the same moment', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    // Another instance has its own connection pool. SQLite's test database lives
    // in one connection, so there the two loads share it.
    const other =
      databaseId === 'SQLITE_3' ? knex : createKnex(knex.client.config);
    try {
      const load = (db: Knex) =>
        seedDemoData({
          file: demoFile(demo),
          records: new RecordStore(db),
          services: testServicesOver(testEntities),
          membership: async (ref: string) =>
            ({
              'user:default/dave': ['group:default/team-payments'],
              'user:default/bob': ['group:default/platform'],
            }[ref] ?? []),
          credentials: mockCredentials.service(),
          logger: mockServices.logger.mock(),
        });
      const results = await Promise.all([load(knex), load(other)]);
      expect(results.sort()).toEqual(['seeded', 'skipped']);
      expect(await written(knex)).toMatchObject({
        itsm_incidents: 3,
        itsm_changes: 2,
        itsm_requests: 1,
      });
    } finally {
      if (other !== knex) await other.destroy();
    }
  });
});
