import { knex as createKnex, Knex } from 'knex';
import { Client } from 'pg';
import { RecordStore } from '@backstage-itsm/plugin-itsm-backend/src/records/RecordStore';
import { CopyWriters } from './copy';
import { markTimersCurrent, rebuildRollupsIfAny } from './rollups';
import { SeedResult, seedResult, SeedRun, setSequences } from './seeder';
import { TABLE_NAMES, TableName } from './tables';

export const PG = {
  host: '127.0.0.1',
  port: 5432,
  user: 'postgres',
};

export const pgKnex = (database: string, poolMax = 5): Knex =>
  createKnex({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: poolMax },
  });

export async function dropDatabase(name: string): Promise<void> {
  const admin = pgKnex('postgres', 1);
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ?? WITH (FORCE)`, [name]);
  } finally {
    await admin.destroy();
  }
}

async function createDatabase(name: string): Promise<void> {
  const admin = pgKnex('postgres', 1);
  try {
    await admin.raw(`DROP DATABASE IF EXISTS ?? WITH (FORCE)`, [name]);
    await admin.raw(`CREATE DATABASE ??`, [name]);
  } finally {
    await admin.destroy();
  }
}

/**
 * Secondary indexes and foreign keys of the plugin's tables, as PostgreSQL prints them,
 * so that they can be dropped for the COPY and recreated exactly as the migrations made
 * them. Primary keys and unique constraints stay (they are part of the data's truth).
 */
async function droppableDefinitions(db: Knex) {
  const foreignKeys = (
    await db.raw(`
      SELECT c.conrelid::regclass::text AS tbl, c.conname AS name,
             pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()
        AND c.conrelid::regclass::text LIKE 'itsm\\_%'`)
  ).rows as { tbl: string; name: string; def: string }[];
  const indexes = (
    await db.raw(`
      SELECT i.indexname AS name, i.indexdef AS def
      FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename LIKE 'itsm\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`)
  ).rows as { name: string; def: string }[];
  return { foreignKeys, indexes };
}

/**
 * Seeds a fresh database: the plugin's migrations make the schema, then every table is
 * filled by COPY from one pass of the generator, with secondary indexes and foreign
 * keys dropped meanwhile and rebuilt after (much faster than maintaining them row by
 * row at 1M incidents).
 */
export async function seedPostgres(
  database: string,
  { generator, incidents, log }: SeedRun,
): Promise<SeedResult> {
  const started = Date.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const result = await fn();
    phases[name] = (Date.now() - t) / 1000;
    log(`  ${name}: ${phases[name].toFixed(1)} s`);
    return result;
  };

  await createDatabase(database);
  const db = pgKnex(database);
  try {
    await phase('migrations', () =>
      db.migrate.latest({ directory: RecordStore.migrationsDir }),
    );
    const { foreignKeys, indexes } = await droppableDefinitions(db);
    await phase('drop indexes and foreign keys', async () => {
      for (const fk of foreignKeys)
        await db.raw(`ALTER TABLE ?? DROP CONSTRAINT ??`, [fk.tbl, fk.name]);
      for (const index of indexes) await db.raw(`DROP INDEX ??`, [index.name]);
    });

    const writers = await phase('copy', async () => {
      const clients = new Map<TableName, Client>();
      for (const table of TABLE_NAMES) {
        const client = new Client({ ...PG, database });
        // Errors reach the COPY stream (and fail the seed); this only keeps an
        // 'error' event on the idle client from crashing the process.
        client.on('error', () => {});
        await client.connect();
        // Seeding is repeatable: no need to wait for the WAL on every commit.
        await client.query('SET synchronous_commit = off');
        clients.set(table, client);
      }
      const copy = new CopyWriters(clients);
      await copy.open();
      let count = 0;
      for (const rows of generator.records(incidents)) {
        for (const table of TABLE_NAMES) {
          const tableRows = rows[table];
          if (tableRows?.length) await copy.write(table, tableRows);
        }
        if (++count % 100_000 === 0) log(`    ${count} records`);
      }
      await copy.close();
      await Promise.all([...clients.values()].map(c => c.end()));
      return copy;
    });

    // Before the indexes: the fill rewrites every timer row, cheaper without them.
    await markTimersCurrent(db, generator.clock);
    const rollups = await rebuildRollupsIfAny(db, log);
    if (rollups !== undefined) phases['SLA rollups'] = rollups / 1000;
    await phase('recreate indexes', async () => {
      // Two at a time: the machine's cores, without starving the rest.
      const queue = [...indexes];
      await Promise.all(
        [0, 1].map(async () => {
          for (let next = queue.shift(); next; next = queue.shift())
            await db.raw(next.def);
        }),
      );
    });
    await phase('recreate foreign keys', async () => {
      for (const fk of foreignKeys)
        await db.raw(`ALTER TABLE ?? ADD CONSTRAINT ?? ${fk.def}`, [
          fk.tbl,
          fk.name,
        ]);
    });
    await setSequences(db, generator.counts);
    await phase('analyze', () => db.raw('ANALYZE'));
    return await seedResult(db, started, {
      database,
      phases,
      rows: Object.fromEntries(writers.rows),
    });
  } finally {
    await db.destroy();
  }
}
