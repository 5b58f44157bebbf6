import fc from 'fast-check';
import { Knex } from 'knex';
import { ReadFilters, READ_EVERY_KIND } from '../permissions/toKnex';
import { RecordStore } from '../records/RecordStore';
import {
  referenceCompliance,
  referenceRows,
  referenceSince,
  referenceSummary,
} from '../__testUtils__/slaReference';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { countedColumns, rebuildSlaRollups, SlaRollupStore } from './rollups';
import { SlaReports, SlaScope } from './SlaReports';

/*
 * The SQL reports (daily rollups kept by every write, timer rows grouped by the
 * database) against the figures the plugin used to tally in JavaScript from every
 * timer row, on random histories: the same numbers, for every scope, for a caller who
 * reads everything (rollups) and for one who reads part (SQL over the rows). Records
 * are reassigned and re-pointed after being counted, so the rollups must move their
 * counts; and the rollups kept by writes must equal a rebuild from scratch.
 */

jest.setTimeout(180_000);

const { databases, ids } = createTestDatabases();

const DAY = 86_400_000;
const H = 3_600_000;
const BASE = Date.parse('2026-11-23T00:00:00.000Z');
const GROUPS = ['group:default/a', 'group:default/b', 'group:default/c', null];
const ENTITIES = ['e1', 'e2', 'e3', 'e4', 'e5'].map(
  n => `component:default/${n}`,
);
const SYSTEM_OF: Record<string, string | null> = {
  [ENTITIES[0]]: 'system:default/s1',
  [ENTITIES[1]]: 'system:default/s1',
  [ENTITIES[2]]: 'system:default/s2',
};
const systemsOf = async (refs: string[]) =>
  new Map(refs.map(ref => [ref, SYSTEM_OF[ref] ?? null]));

const cycleArb = fc.record({
  status: fc.constantFrom(
    'running',
    'paused',
    'at_risk',
    'breached',
    'met',
    'canceled',
  ),
  /** Start, in minutes before BASE (up to 120 days). */
  startMin: fc.noBias(fc.integer({ min: 0, max: 120 * 24 * 60 })),
  /** Length, in minutes (met/breached/canceled stop; running breached breach). */
  lengthMin: fc.noBias(fc.integer({ min: 1, max: 10 * 24 * 60 })),
  /** A breached cycle: stopped, or still running. */
  stopped: fc.boolean(),
  /**
   * Where it ends: anywhere, or within hours of a window's start (30 or 90 days
   * before now), where a window splits a day.
   */
  endsNear: fc.constantFrom(null, 30, 90),
  nearMin: fc.noBias(fc.integer({ min: -6 * 60, max: 6 * 60 })),
  /** Or exactly on the window's start, or on the first midnight after it. */
  exactly: fc.constantFrom(null, 'start', 'midnight'),
});

const recordArb = fc.record({
  kind: fc.constantFrom('incident', 'change', 'request'),
  group: fc.constantFrom(...GROUPS),
  primary: fc.constantFrom(...ENTITIES),
  affected: fc.subarray(ENTITIES, { maxLength: 3 }),
  response: fc.array(cycleArb, { minLength: 0, maxLength: 1 }),
  resolution: fc.array(cycleArb, { minLength: 0, maxLength: 2 }),
  /** After being counted: reassigned and / or given other CIs. */
  moveTo: fc.option(
    fc.record({
      group: fc.constantFrom(...GROUPS),
      affected: fc.subarray(ENTITIES, { maxLength: 3 }),
    }),
  ),
});

const datasetArb = fc.record({
  records: fc.array(recordArb, { minLength: 5, maxLength: 30 }),
  /** Now, within two days after BASE: the windows' edges fall mid-day. */
  nowOffset: fc.noBias(fc.integer({ min: 0, max: 2 * DAY })),
});

type Dataset = typeof datasetArb extends fc.Arbitrary<infer T> ? T : never;

/** Where a cycle meant to end near a window's start ends. */
function endNear(
  windowStart: number,
  cycle: { nearMin: number; exactly: 'start' | 'midnight' | null },
): number {
  if (cycle.exactly === 'start') return windowStart;
  if (cycle.exactly === 'midnight') return Math.ceil(windowStart / DAY) * DAY;
  return windowStart + cycle.nearMin * 60_000;
}

const iso = (t: number) => new Date(t).toISOString();

async function load(knex: Knex, dataset: Dataset, now: number) {
  for (const table of [
    'itsm_sla_counted',
    'itsm_sla_rollups',
    'itsm_sla_timers',
    'itsm_record_cis',
    'itsm_records',
  ]) {
    await knex(table).delete();
  }
  const rollups = new SlaRollupStore();
  const replaceCis = async (
    trx: Knex.Transaction,
    id: string,
    primary: string,
    affected: string[],
  ) => {
    await trx('itsm_record_cis').where({ record_id: id }).delete();
    await trx('itsm_record_cis').insert([
      { record_id: id, entity_ref: primary, role: 'primary' },
      ...affected
        .filter(ref => ref !== primary)
        .map(ref => ({ record_id: id, entity_ref: ref, role: 'affected' })),
    ]);
  };
  for (const [index, record] of dataset.records.entries()) {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    await knex.transaction(async trx => {
      await trx('itsm_records').insert({
        id,
        kind: record.kind,
        number: `R-${index}`,
        title: 't',
        state: 'new',
        is_open: true,
        entity_ref: record.primary,
        requester: 'user:default/a',
        assignment_group: record.group,
        priority: 'P3',
        created_at: iso(BASE - 130 * DAY),
        updated_at: iso(BASE - 130 * DAY),
      });
      await replaceCis(trx, id, record.primary, record.affected);
      const timers = (['response', 'resolution'] as const).flatMap(metric =>
        record[metric].map((cycle, i) => {
          const length = cycle.lengthMin * 60_000;
          const started =
            cycle.endsNear === null
              ? BASE - cycle.startMin * 60_000
              : endNear(now - cycle.endsNear * DAY, cycle) - length;
          // Nothing happens after now.
          const end = Math.min(started + length, now);
          const stops =
            cycle.status === 'met' ||
            cycle.status === 'canceled' ||
            (cycle.status === 'breached' && cycle.stopped);
          const stoppedAt = stops ? iso(end) : null;
          const breachedAt =
            cycle.status === 'breached' ? iso(end - (stops ? H : 0)) : null;
          return {
            record_id: id,
            metric,
            cycle: i + 1,
            policy_name: 'P',
            status: cycle.status,
            target_ms: H,
            elapsed_ms: 0,
            started_at: iso(started),
            stopped_at: stoppedAt,
            breached_at:
              breachedAt && breachedAt < iso(started)
                ? iso(started)
                : breachedAt,
            evaluated_at: iso(now),
          };
        }),
      );
      for (const timer of timers) {
        await trx('itsm_sla_timers').insert({
          ...timer,
          ...countedColumns({
            status: timer.status,
            startedAt: timer.started_at,
            stoppedAt: timer.stopped_at,
            breachedAt: timer.breached_at,
          }),
        });
      }
      await rollups.sync(trx, id);
    });
    if (record.moveTo) {
      await knex.transaction(async trx => {
        await trx('itsm_records')
          .where({ id })
          .update({ assignment_group: record.moveTo!.group });
        await replaceCis(trx, id, record.primary, record.moveTo!.affected);
        await rollups.sync(trx, id);
      });
    }
  }
}

const everything: ReadFilters = READ_EVERY_KIND;
const part: ReadFilters = {
  incident: { column: 'assignment_group', values: [GROUPS[0]!] },
  change: undefined,
  request: null,
  problem: null,
};
const SCOPES: SlaScope[] = [
  {},
  { group: GROUPS[0]! },
  { entityRef: ENTITIES[0] },
  { entityRef: ENTITIES[1], group: GROUPS[1]! },
  { primaryCis: [ENTITIES[0], ENTITIES[1]] },
  { entityRef: ENTITIES[2], primaryCis: [ENTITIES[2], ENTITIES[3]] },
];

/** The rollups' non-empty lines, in one order. */
async function rollupLines(knex: Knex) {
  const rows = await knex('itsm_sla_rollups')
    .where(q =>
      q
        .where('met', '>', 0)
        .orWhere('breached', '>', 0)
        .orWhere('canceled', '>', 0)
        .orWhere('open_n', '>', 0),
    )
    .orderBy(['day', 'role', 'entity_ref', 'grp', 'kind', 'metric']);
  return rows.map(row =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
      ]),
    ),
  );
}

describe.each(ids)('SLA reports in SQL on %s', databaseId => {
  let knex: Knex;
  let records: RecordStore;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    records = new RecordStore(knex);
  });

  it('agree with the JavaScript tally of every timer row, and the rollups with a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async dataset => {
        const now = BASE + dataset.nowOffset;
        await load(knex, dataset, now);
        const reports = new SlaReports(records, { now: () => new Date(now) });

        for (const visible of [everything, part]) {
          for (const scope of SCOPES) {
            const summary = await reports.summary(visible, scope);
            const rows = await referenceRows(
              records,
              visible,
              scope,
              referenceSince(now),
            );
            const open = (status: string) =>
              rows.filter(r => r.stopped_at === null && r.status === status)
                .length;
            expect({
              compliance30: summary.compliance30,
              compliance90: summary.compliance90,
              mttaMs: summary.mttaMs,
              mttrMs: summary.mttrMs,
              trend: summary.trend,
              openBreachCount: summary.openBreachCount,
              atRiskCount: summary.atRiskCount,
            }).toEqual({
              ...referenceSummary(rows, now),
              openBreachCount: open('breached'),
              atRiskCount: open('at_risk'),
            });
          }
          for (const days of [30, 90]) {
            const from = now - days * DAY;
            const rows = await referenceRows(records, visible, {}, from);
            const byGroup = await reports.compliance(
              visible,
              'group',
              days,
              systemsOf,
            );
            expect(byGroup.rows).toEqual(
              referenceCompliance(rows, from, r => r.assignment_group ?? null),
            );
            const bySystem = await reports.compliance(
              visible,
              'system',
              days,
              systemsOf,
            );
            expect(bySystem.rows).toEqual(
              referenceCompliance(
                rows,
                from,
                r => SYSTEM_OF[r.entity_ref] ?? null,
              ),
            );
          }
        }

        const kept = await rollupLines(knex);
        await rebuildSlaRollups(knex);
        expect(await rollupLines(knex)).toEqual(kept);
      }),
      { seed: 20261130, numRuns: 25 },
    );
  });

  afterAll(async () => {
    await knex.destroy();
  });
});
