import { Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { testSlaPolicies } from '../__testUtils__/sla';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { SlaClock } from './SlaClock';
import { SlaTimerStore } from './SlaTimerStore';

/*
 * The sweep runs every minute over all timers: each of its selections must be answered
 * by a partial index of running cycles, not by reading the history. PostgreSQL is asked
 * for its plan with sequential scans priced out, so a plan without the index means the
 * index cannot serve the predicate. (How fast it is at scale: `yarn bench`.)
 */

const { databases, ids } = createTestDatabases();
const postgres = ids.filter(id => id.startsWith('POSTGRES'));
// Without PostgreSQL (allowed outside CI) there is no plan to read.
const onPostgres = postgres.length
  ? describe.each(postgres)
  : describe.skip.each(['POSTGRES_15' as const]);

onPostgres('the SLA sweep on %s', databaseId => {
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
  });

  it('selects through the partial indexes of running cycles', async () => {
    // A history: many stopped cycles, a few running ones, nothing due.
    const at = '2026-11-01T00:00:00.000Z';
    const later = '2027-01-01T00:00:00.000Z';
    await knex('itsm_records').insert({
      id: 'r1',
      kind: 'incident',
      number: 'INC-000001',
      title: 't',
      state: 'new',
      entity_ref: 'component:default/a',
      requester: 'user:default/a',
      priority: 'P3',
      created_at: at,
      updated_at: at,
    });
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const running = i % 30 === 0;
      return {
        record_id: 'r1',
        metric: 'resolution',
        cycle: i + 1,
        policy_name: 'P',
        status: running ? 'running' : 'met',
        target_ms: 3_600_000,
        elapsed_ms: 0,
        started_at: at,
        stopped_at: running ? null : at,
        due_at: running ? later : null,
        next_warning_at: running ? later : null,
        evaluated_at: at,
      };
    });
    await knex.batchInsert('itsm_sla_timers', rows, 500);
    await knex.raw('ANALYZE itsm_sla_timers');
    const timers = new SlaTimerStore(
      new RecordStore(knex),
      new SlaClock(testSlaPolicies),
    );
    const plans = await knex.transaction(async trx => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      const out: string[] = [];
      for (const query of timers.sweepQueries(new Date(), 200)) {
        const { sql, bindings } = query.toSQL();
        const result = await trx.raw(`EXPLAIN ${sql}`, bindings as any[]);
        out.push(result.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
      }
      return out;
    });
    expect(plans).toHaveLength(3);
    expect(plans[0]).toContain('itsm_sla_timers_unrecorded_idx');
    expect(plans[1]).toContain('itsm_sla_timers_running_due_idx');
    expect(plans[2]).toContain('itsm_sla_timers_running_warning_idx');
  });

  afterAll(async () => {
    await knex.destroy();
  });
});
