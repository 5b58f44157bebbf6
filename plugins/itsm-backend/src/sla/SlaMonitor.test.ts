import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { knex as createKnex, Knex } from 'knex';
import { CatalogCis } from '../catalog/CatalogCis';
import { IncidentService } from '../incidents/IncidentService';
import { IncidentStore } from '../incidents/IncidentStore';
import { RecordStore } from '../records/RecordStore';
import { testEntities } from '../__testUtils__/catalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SlaClock } from './SlaClock';
import { SlaEvent, SlaMonitor } from './SlaMonitor';
import { SlaTimerStore } from './SlaTimerStore';
import { testSlaPolicies } from '../__testUtils__/sla';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();

const M = 60_000;
const H = 60 * M;
const T0 = new Date('2026-11-23T09:00:00.000Z');
const alice = {
  ref: 'user:default/alice',
  credentials: mockCredentials.user('user:default/alice'),
};

/** One backend instance: its own connection pool, stores and sweep. */
function instance(
  db: Knex,
  now: () => Date,
  events: SlaEvent[],
  policies = testSlaPolicies,
) {
  const records = new RecordStore(db);
  const timers = new SlaTimerStore(records, new SlaClock(policies)).attach();
  return {
    records,
    incidents: new IncidentService({
      records,
      incidents: new IncidentStore(records),
      cis: new CatalogCis(catalogServiceMock({ entities: testEntities })),
      now,
    }),
    monitor: new SlaMonitor({
      records,
      timers,
      now,
      onEvent: async event => {
        events.push(event);
      },
    }),
  };
}

describe.each(ids)('SLA warnings and breaches on %s', databaseId => {
  let knex: Knex;
  let now: Date;
  let events: SlaEvent[];
  const clock = () => now;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    now = T0;
    events = [];
  });

  const raise = (service: IncidentService) =>
    service.create(
      {
        title: 'Payments down',
        entityRef: 'component:default/payments-api',
        impact: 1,
        urgency: 1,
      },
      alice,
    );
  const slaEntries = async (
    recordId?: string,
  ): Promise<{ recordId: string; type: string; body: string }[]> =>
    (
      await knex('itsm_timeline')
        .whereIn('type', ['sla_warning', 'sla_breached'])
        .modify(q => (recordId ? q.where({ record_id: recordId }) : q))
        .orderBy(['record_id', 'seq'])
    ).map((row: any) => ({
      recordId: row.record_id as string,
      type: row.type as string,
      body: row.body as string,
    }));

  it('records each crossed threshold and each breach once, on the timeline and to the assignee and group', async () => {
    const { incidents, monitor } = instance(knex, clock, events);
    const incident = await raise(incidents);

    now = new Date(T0.getTime() + 8 * M); // response at 53 % of 15 min
    expect(
      (await monitor.sweep()).map(e => [e.type, e.metric, e.threshold]),
    ).toEqual([['sla_warning', 'response', 0.5]]);
    expect(await monitor.sweep()).toEqual([]);

    now = new Date(T0.getTime() + 20 * M); // response target passed: the 75 % warning is moot
    expect((await monitor.sweep()).map(e => [e.type, e.metric])).toEqual([
      ['sla_breached', 'response'],
    ]);

    now = new Date(T0.getTime() + 3 * H + 10 * M); // resolution at 79 % of 4 h: one warning, the highest
    expect(
      (await monitor.sweep()).map(e => [e.type, e.metric, e.threshold]),
    ).toEqual([['sla_warning', 'resolution', 0.75]]);
    now = new Date(T0.getTime() + 5 * H);
    expect((await monitor.sweep()).map(e => [e.type, e.metric])).toEqual([
      ['sla_breached', 'resolution'],
    ]);
    expect(await monitor.sweep()).toEqual([]);

    expect(await slaEntries(incident.id)).toEqual([
      expect.objectContaining({
        type: 'sla_warning',
        body: 'Response SLA at 50 % of its target (policy "Tier-1 incidents")',
      }),
      expect.objectContaining({
        type: 'sla_breached',
        body: 'Response SLA breached: target reached (policy "Tier-1 incidents")',
      }),
      expect.objectContaining({ type: 'sla_warning' }),
      expect.objectContaining({ type: 'sla_breached' }),
    ]);
    expect(events[0].record).toMatchObject({
      number: incident.number,
      assignmentGroup: 'group:default/team-payments',
    });
    const stored = await knex('itsm_sla_timers').where({
      record_id: incident.id,
    });
    expect(stored.every(row => row.breach_recorded_at !== null)).toBe(true);
  });

  it('records nothing for a clock stopped in time, and a late resolution still counts as one breach', async () => {
    const { incidents, monitor } = instance(knex, clock, events);
    const incident = await raise(incidents);
    now = new Date(T0.getTime() + 5 * M);
    const working = await incidents.transition(
      incident.id,
      { version: incident.version, to: 'in_progress' },
      alice,
    );
    now = new Date(T0.getTime() + 5 * H);
    // Resolved after the target, before any sweep saw it running late.
    await incidents.transition(
      incident.id,
      {
        version: working.version,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'rolled back',
      },
      alice,
    );
    expect((await monitor.sweep()).map(e => [e.type, e.metric])).toEqual([
      ['sla_breached', 'resolution'],
    ]);
    expect(await monitor.sweep()).toEqual([]);
  });

  it('marks breaches of cycles that stopped more than a day ago without telling anyone', async () => {
    const { incidents, monitor } = instance(knex, clock, events);
    const incident = await raise(incidents);
    now = new Date(T0.getTime() + 5 * H);
    const working = await incidents.transition(
      incident.id,
      { version: incident.version, to: 'in_progress' },
      alice,
    );
    await incidents.transition(
      incident.id,
      {
        version: working.version,
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'old news',
      },
      alice,
    );
    // First sweep two days later, e.g. after an upgrade to the SLA engine.
    now = new Date(T0.getTime() + 53 * H);
    expect(await monitor.sweep()).toEqual([]);
    expect(await slaEntries(incident.id)).toEqual([]);
    const marked = await knex('itsm_sla_timers').where({
      record_id: incident.id,
    });
    expect(marked.map(r => r.status)).toEqual(['breached', 'breached']);
    expect(marked.every(r => r.breach_recorded_at !== null)).toBe(true);
  });

  it('re-derives the timers of open records and of records without any at start-up', async () => {
    const { incidents, monitor } = instance(knex, clock, events);
    const open = await raise(incidents);
    // As after an upgrade: timers missing, or derived under an older policy.
    await knex('itsm_sla_timers')
      .where({ record_id: open.id, metric: 'response' })
      .delete();
    await knex('itsm_sla_timers').update({ status: 'met', due_at: null });
    now = new Date(T0.getTime() + 10 * M);
    expect(await monitor.refresh(1)).toBe(1);
    const rows = await knex('itsm_sla_timers')
      .where({ record_id: open.id })
      .orderBy('metric');
    expect(rows.map(r => [r.metric, r.status])).toEqual([
      ['resolution', 'running'],
      ['response', 'at_risk'],
    ]);

    // Under the same policies there is nothing to re-derive at the next start.
    expect(await monitor.refresh(1)).toBe(0);
    // A policy changed in config: the open record is re-derived again.
    const changed = testSlaPolicies.map(p => ({
      ...p,
      warningThresholds: [0.9],
    }));
    expect(await instance(knex, clock, events, changed).monitor.refresh()).toBe(
      1,
    );
  });

  it('records everything due in one pass, batch after batch, each once', async () => {
    const { incidents, monitor } = instance(knex, clock, events);
    for (let i = 0; i < 25; i++) await raise(incidents);
    now = new Date(T0.getTime() + 5 * H); // response and resolution breached

    // Batches of 10 records: three batches in the one pass.
    const recorded = await monitor.sweep(10);
    expect(recorded).toHaveLength(50);
    expect(new Set(recorded.map(e => `${e.record.id}/${e.metric}`)).size).toBe(
      50,
    );
    expect(await slaEntries()).toHaveLength(50);
    expect(await monitor.sweep(10)).toEqual([]);
  });

  it('records every breach exactly once when two backend instances sweep at the same time', async () => {
    // Two instances = two connection pools to the same database. SQLite's test
    // database lives in one connection, so there the two sweeps share it.
    const second =
      databaseId === 'SQLITE_3' ? knex : createKnex(knex.client.config);
    try {
      const a = instance(knex, clock, events);
      const b = instance(second, clock, events);
      const raised: { id: string }[] = [];
      for (let i = 0; i < 12; i++) raised.push(await raise(a.incidents));
      now = new Date(T0.getTime() + 5 * H); // response and resolution breached

      const perInstance = await Promise.all([
        a.monitor.sweep(),
        b.monitor.sweep(),
        a.monitor.sweep(),
        b.monitor.sweep(),
      ]);
      const recorded = perInstance.flat();
      expect(recorded).toHaveLength(24);
      expect(events).toHaveLength(24);
      const keys = recorded.map(e => `${e.record.number}/${e.metric}`);
      expect(new Set(keys).size).toBe(24);

      const entries = await slaEntries();
      expect(entries).toHaveLength(24);
      for (const incident of raised) {
        expect(
          entries.filter(e => e.recordId === incident.id).map(e => e.type),
        ).toEqual(['sla_breached', 'sla_breached']);
      }
      expect(await b.monitor.sweep()).toEqual([]);
    } finally {
      if (second !== knex) await second.destroy();
    }
  });
});
