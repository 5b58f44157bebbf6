import { rm } from 'node:fs/promises';
import { knex as createKnex, Knex } from 'knex';
import { RecordStore } from '@backstage-itsm/plugin-itsm-backend/src/records/RecordStore';
import { markTimersCurrent, rebuildRollupsIfAny } from './rollups';
import { SeedResult, seedResult, SeedRun, setSequences } from './seeder';
import { Row, TABLES, TABLE_NAMES, TableName } from './tables';

export const sqliteKnex = (filename: string): Knex =>
  createKnex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });

/**
 * SQLite (the portal's development default): the same generated records, written with
 * plain batched inserts in transactions of 500 records (SQLite has no COPY, and one
 * writer at a time anyway).
 */
export async function seedSqlite(
  filename: string,
  { generator, incidents, log }: SeedRun,
): Promise<SeedResult> {
  const started = Date.now();
  await rm(filename, { force: true });
  const db = sqliteKnex(filename);
  const rows: Record<string, number> = {};
  try {
    await db.migrate.latest({ directory: RecordStore.migrationsDir });
    let batch: Partial<Record<TableName, Row[]>> = {};
    const flush = async () => {
      const current = batch;
      batch = {};
      await db.transaction(async trx => {
        // Table order follows the foreign keys: records first.
        for (const table of TABLE_NAMES) {
          const list = current[table];
          if (!list?.length) continue;
          const objects = list.map(row =>
            Object.fromEntries(TABLES[table].map((c, i) => [c, row[i]])),
          );
          await db.batchInsert(table, objects, 100).transacting(trx);
          rows[table] = (rows[table] ?? 0) + list.length;
        }
      });
    };
    let count = 0;
    for (const record of generator.records(incidents)) {
      for (const table of TABLE_NAMES) {
        const list = record[table];
        if (list?.length) (batch[table] ??= []).push(...list);
      }
      if (++count % 500 === 0) await flush();
      if (count % 50_000 === 0) log(`    ${count} records`);
    }
    await flush();
    await setSequences(db, generator.counts);
    await markTimersCurrent(db, generator.clock);
    await rebuildRollupsIfAny(db, log);
    await db.raw('ANALYZE');
    return await seedResult(db, started, {
      database: filename,
      phases: {},
      rows,
    });
  } finally {
    await db.destroy();
  }
}
