/*
 * Write-path benchmark: creates, transitions, assignments and comments per second
 * through the plugin's HTTP API (the plugin in a test backend: catalog and permissions
 * in process), at concurrency 1 and 10, on PostgreSQL (default) or SQLite. It isolates
 * what the plugin and its database cost per write; `yarn bench` at the repository root
 * measures the whole portal. Prints figures; asserts nothing.
 *
 *   yarn --cwd plugins/itsm-backend bench:writes
 *   BENCH_SECONDS=10 BENCH_DB=sqlite yarn --cwd plugins/itsm-backend bench:writes
 *
 * PostgreSQL: BENCH_POSTGRES (default postgresql://postgres@127.0.0.1:5432); a
 * throw-away database is created and dropped.
 */
import { knex as createKnex, Knex } from 'knex';
import { AddressInfo } from 'net';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startItsmBackend } from '../src/__testUtils__/backend';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ENGINE = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
const PG = process.env.BENCH_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432';

type Call = () => Promise<Response>;

/** Runs `next()`'s calls at the given concurrency for SECONDS; latencies in ms. */
async function drive(concurrency: number, next: () => Promise<Call>) {
  const latencies: number[] = [];
  let failures = 0;
  const until = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const call = await next();
      const start = process.hrtime.bigint();
      const res = await call();
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!res.ok) {
        failures++;
        if (failures < 3)
          console.error(`  ${res.status} ${(await res.text()).slice(0, 200)}`);
      } else await res.arrayBuffer();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    count: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: p(0.5),
    p95: p(0.95),
    failures,
  };
}

async function main() {
  let admin: Knex | undefined;
  let knex: Knex;
  const name = `itsm_bench_writes_${process.pid}`;
  if (ENGINE === 'postgres') {
    admin = createKnex({ client: 'pg', connection: PG });
    await admin.raw(`CREATE DATABASE ${name}`);
    knex = createKnex({
      client: 'pg',
      connection: `${PG}/${name}`,
      pool: { min: 0, max: 10 },
    });
  } else {
    knex = createKnex({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
  }
  // Statements sent to the database, per write: what a write costs the database.
  let statements = 0;
  knex.on('query', () => {
    statements++;
  });
  const server = await startItsmBackend(knex);
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/itsm`;
  const headers = {
    'content-type': 'application/json',
    authorization: mockCredentials.user.header('user:default/alice'),
  };
  const post = (path: string, body: object) => () =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
  const patch = (path: string, body: object) => () =>
    fetch(`${base}${path}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify(body),
    });
  let n = 0;
  const create = post('/incidents', {
    title: 'Checkout is slow',
    entityRef: 'component:default/payments-api',
    impact: 2,
    urgency: 2,
  });
  /**
   * Incidents made beforehand for the writes that change one (each needs its own
   * record and version), so that only the write is measured.
   */
  const made: any[] = [];
  const makeIncidents = async (count: number) => {
    made.length = 0;
    let left = count;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (left-- > 0) made.push(await (await create()).json());
      }),
    );
  };
  const next = () => {
    const i = made.pop();
    if (!i) throw new Error('Made too few incidents for this run');
    return i;
  };
  const POOL = Number(process.env.BENCH_POOL ?? 600 * SECONDS);

  console.log(
    `write path on ${ENGINE}, ${SECONDS} s per run (plugin in a test backend)`,
  );
  const operations: Array<[string, () => Promise<Call>]> = [
    ['create incident', async () => create],
    [
      'transition',
      async () => {
        const i = next();
        return post(`/incidents/${i.id}/transitions`, {
          version: i.version,
          to: 'in_progress',
        });
      },
    ],
    [
      'assign',
      async () => {
        const i = next();
        return patch(`/incidents/${i.id}`, {
          version: i.version,
          assignee: 'user:default/dave',
        });
      },
    ],
    [
      'comment',
      async () => {
        // Comments spread over the incidents made for the other writes.
        n++;
        return post(
          `/incidents/INC-${String((n % 500) + 1).padStart(6, '0')}/comments`,
          {
            body: `Still broken (${n})`,
            visibility: 'comment',
          },
        );
      },
    ],
  ];
  const rows: string[] = [];
  const levels = (process.env.BENCH_CONCURRENCY ?? '1,10').split(',');
  for (const concurrency of levels.map(Number)) {
    const only = process.env.BENCH_OPS?.split(',');
    for (const [label, call] of operations) {
      if (only && !only.includes(label)) continue;
      if (label === 'transition' || label === 'assign')
        await makeIncidents(POOL);
      const before = statements;
      const r = await drive(concurrency, call);
      const perWrite = (statements - before) / Math.max(1, r.count);
      rows.push(
        `| ${label} | ${concurrency} | ${r.perSecond.toFixed(
          0,
        )} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${perWrite.toFixed(
          1,
        )} | ${r.failures} |`,
      );
      console.log(rows[rows.length - 1]);
    }
  }
  console.log(
    [
      '',
      '| operation | concurrency | per second | p50 ms | p95 ms | SQL statements per write | failures |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  server.close();
  await knex.destroy();
  if (admin) {
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  }
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
