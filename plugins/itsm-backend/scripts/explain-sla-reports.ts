import { READ_EVERY_KIND } from '../src/permissions/toKnex';
/*
 * What the SLA reports cost the database: runs the SLA card (the busiest component),
 * the organisation summary and compliance by group as SlaReports runs them, against a
 * seeded database (`yarn bench --sizes 100k --seed-only --keep`), and prints each
 * statement's execution time from EXPLAIN ANALYZE (PLANS=1: the whole plans).
 *
 *   yarn --cwd plugins/itsm-backend explain:sla [itsm_bench_100k]
 */
import { knex as createKnex } from 'knex';
import { RecordStore } from '../src/records/RecordStore';
import { SlaReports } from '../src/sla/SlaReports';

async function main() {
  const db = process.argv[2] ?? 'itsm_bench_100k';
  const knex = createKnex({ client: 'pg', connection: `postgresql://postgres@127.0.0.1:5432/${db}`, pool: { min: 1, max: 1 } });
  const hot = (await knex('itsm_records').select('entity_ref').count({ n: '*' }).groupBy('entity_ref').orderBy('n', 'desc').first()) as any;
  const nowRow = await knex('itsm_records').max({ m: 'created_at' }).first();
  const now = new Date((nowRow as any).m);
  console.log('hot', hot, 'now', now.toISOString());
  const queries: { sql: string; bindings: any[] }[] = [];
  // knex reports PostgreSQL's $n placeholders; knex.raw takes ?.
  knex.on('query', (q: any) =>
    queries.push({ sql: q.sql.replace(/\$\d+/g, '?'), bindings: q.bindings }),
  );
  const reports = new SlaReports(new RecordStore(knex), { now: () => now });
  const all = READ_EVERY_KIND;
  const cases: [string, () => Promise<unknown>][] = [
    ['card', () => reports.summary(all, { entityRef: hot.entity_ref })],
    ['org', () => reports.summary(all, {})],
    ['compliance', () => reports.compliance(all, 'group', 90, async refs => new Map(refs.map(r => [r, null])))],
  ];
  for (const [name, run] of cases) {
    // The first run pays for cold caches (plans, pages, code): timed again, warm.
    queries.length = 0;
    let cold = Date.now();
    await run();
    cold = Date.now() - cold;
    const captured = [...queries];
    let warm = Date.now();
    await run();
    warm = Date.now() - warm;
    console.log(
      `=== ${name}: ${cold} ms cold, ${warm} ms warm (wall), ${captured.length} queries`,
    );
    for (const q of captured) {
      const res = await knex.raw(`EXPLAIN (ANALYZE, BUFFERS off) ${q.sql}`, q.bindings);
      const plan = res.rows.map((r: any) => r['QUERY PLAN']);
      const exec = plan.find((l: string) => l.startsWith('Execution Time'));
      console.log(`--- ${exec} :: ${q.sql.slice(0, 150)}`);
      if (process.env.PLANS) console.log(plan.join('\n'));
    }
  }
  await knex.destroy();
}
main();
