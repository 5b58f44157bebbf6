import { READ_EVERY_KIND } from '../src/permissions/toKnex';
/*
 * SLA benchmark: what keeping timers in step costs per transition, and how long the
 * sweep and the reports take over many records, on SQLite and PostgreSQL.
 * Prints figures; asserts nothing.
 *
 *   yarn --cwd plugins/itsm-backend bench:sla            # 2000 incidents
 *   BENCH_RECORDS=10000 yarn --cwd plugins/itsm-backend bench:sla
 *
 * PostgreSQL: BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432); a
 * throw-away database is created and dropped. Set BENCH_POSTGRES=off to skip it.
 */
import { knex as createKnex, Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { IncidentStore } from '../src/incidents/IncidentStore';
import { RecordStore } from '../src/records/RecordStore';
import { testCalendars } from '../src/__testUtils__/sla';
import { parseSlaPolicies } from '../src/sla';
import { SlaClock } from '../src/sla/SlaClock';
import { SlaMonitor } from '../src/sla/SlaMonitor';
import { SlaReports } from '../src/sla/SlaReports';
import { SlaTimerStore } from '../src/sla/SlaTimerStore';

const N = Number(process.env.BENCH_RECORDS ?? 2000);
const T0 = new Date('2026-11-23T09:00:00.000Z');
const H = 3_600_000;

const policies = parseSlaPolicies(
  [
    {
      name: 'P1',
      appliesTo: { kind: 'incident', priority: ['P1'] },
      calendar: '24x7',
      targets: { response: 'PT15M', resolution: 'PT4H' },
      pauseStates: ['on_hold'],
    },
    {
      name: 'Office hours',
      appliesTo: { kind: 'incident' },
      calendar: 'office',
      targets: { response: 'PT4H', resolution: 'PT24H' },
      pauseStates: ['on_hold'],
    },
  ],
  testCalendars,
);

const everything = READ_EVERY_KIND;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** Raises an incident the way the service does: core, kind row, `created`, one tx. */
async function raise(
  records: RecordStore,
  incidents: IncidentStore,
  i: number,
) {
  const id = uuid();
  const at = new Date(T0.getTime() + i).toISOString();
  await records.transaction(async trx => {
    await records.insertCore(trx, {
      id,
      kind: 'incident',
      number: await records.nextNumber(trx, 'incident'),
      title: `Benchmark incident ${i}`,
      description: '',
      state: 'new',
      isOpen: true,
      entityRef: `component:default/service-${i % 50}`,
      affectedEntityRefs: [],
      requester: 'user:default/bench',
      assignee: null,
      assignmentGroup: `group:default/team-${i % 10}`,
      priority: i % 3 === 0 ? 'P1' : 'P3',
      createdAt: at,
    });
    await incidents.insert(trx, id, {
      impact: 2,
      urgency: 2,
      holdReason: null,
      resolutionCode: null,
      resolutionNotes: null,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      causedByChangeId: null,
    });
    await records.appendTimeline(trx, id, 'user:default/bench', at, [
      { type: 'created' },
    ]);
  });
  return id;
}

async function bench(engine: string, db: Knex) {
  await db.migrate.latest({ directory: RecordStore.migrationsDir });
  const plain = new RecordStore(db);
  const measured = new RecordStore(db);
  const timers = new SlaTimerStore(measured, new SlaClock(policies)).attach();
  const rows: Record<string, string>[] = [];
  const row = (what: string, totalMs: number, count: number) =>
    rows.push({
      engine,
      what,
      count: String(count),
      'total ms': totalMs.toFixed(0),
      'ms each': (totalMs / count).toFixed(3),
    });

  const [, baseline] = await timed(async () => {
    for (let i = 0; i < N; i++)
      await raise(plain, new IncidentStore(plain), N + i);
  });
  row('raise an incident, no SLA (baseline)', baseline, N);

  const ids: string[] = [];
  const incidents = new IncidentStore(measured);
  const [, created] = await timed(async () => {
    for (let i = 0; i < N; i++) ids.push(await raise(measured, incidents, i));
  });
  row('raise an incident, timers derived and stored', created, N);

  const [, moved] = await timed(async () => {
    for (const [i, id] of ids.entries()) {
      const at = new Date(T0.getTime() + 10 * 60_000 + i).toISOString();
      await measured.transaction(async trx => {
        const current = await measured.lock(trx, id);
        await measured.updateCore(trx, current!, { state: 'in_progress' }, at);
        await measured.appendTimeline(trx, id, 'user:default/bench', at, [
          { type: 'state_changed', fromState: 'new', toState: 'in_progress' },
        ]);
      });
    }
  });
  row('transition, timers re-derived in the transaction', moved, N);

  const now = new Date(T0.getTime() + 30 * H);
  const monitor = new SlaMonitor({ records: measured, timers, now: () => now });
  const [recorded, swept] = await timed(async () => {
    let total = 0;
    for (;;) {
      const events = await monitor.sweep(500);
      if (events.length === 0) return total;
      total += events.length;
    }
  });
  row(
    `sweep: ${recorded} warnings/breaches recorded`,
    swept,
    Math.max(recorded, 1),
  );

  const reports = new SlaReports(measured, { now: () => now });
  const [, summary] = await timed(() => reports.summary(everything, {}));
  row('summary of the organisation', summary, 1);
  const [, scoped] = await timed(() =>
    reports.summary(everything, { entityRef: 'component:default/service-7' }),
  );
  row('summary of one entity', scoped, 1);
  const [, byGroup] = await timed(() =>
    reports.compliance(everything, 'group', 30, async () => new Map()),
  );
  row('compliance by group, 30 days', byGroup, 1);
  const [, page] = await timed(() =>
    reports.list(
      everything,
      { statuses: ['breached'], open: true },
      { limit: 50 },
    ),
  );
  row('first page of open breaches', page, 1);
  const [, dueSoon] = await timed(() => timers.dueForSweep(now, 500));
  row('records due for the sweep (index scans)', dueSoon, 1);
  return rows;
}

async function main() {
  const results: Record<string, string>[] = [];
  const sqlite = createKnex({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  try {
    results.push(...(await bench('sqlite', sqlite)));
  } finally {
    await sqlite.destroy();
  }

  const url =
    process.env.BENCH_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432';
  if (url !== 'off') {
    const name = `itsm_bench_${process.pid}`;
    const admin = createKnex({ client: 'pg', connection: `${url}/postgres` });
    await admin.raw(`CREATE DATABASE ${name}`);
    const pg = createKnex({ client: 'pg', connection: `${url}/${name}` });
    try {
      results.push(...(await bench('postgres', pg)));
    } finally {
      await pg.destroy();
      await admin.raw(`DROP DATABASE ${name}`);
      await admin.destroy();
    }
  }
  console.log(`SLA benchmark, ${N} incidents (Node ${process.version})`);
  console.table(results);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
