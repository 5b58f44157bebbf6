import { Knex } from 'knex';
import { RecordStore } from './RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const { databases, ids } = createTestDatabases();

describe.each(ids)('migrations on %s', databaseId => {
  it('go up and down, and keep records across the incident, change and request migrations', async () => {
    const knex: Knex = await databases.init(databaseId);
    const directory = RecordStore.migrationsDir;
    await knex.migrate.up({ directory });
    const at = new Date().toISOString();
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
    await knex.migrate.up({ directory });
    await knex('itsm_incidents').insert({
      record_id: 'r1',
      impact: 2,
      urgency: 2,
    });
    expect(await knex('itsm_records').pluck('number')).toEqual(['INC-000001']);

    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_incidents')).toBe(false);
    expect(await knex('itsm_records').pluck('number')).toEqual(['INC-000001']);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_records')).toBe(false);
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('itsm_incidents')).toBe(true);
    expect(await knex.schema.hasTable('itsm_changes')).toBe(true);
    expect(
      await knex.schema.hasColumn('itsm_incidents', 'caused_by_change_id'),
    ).toBe(true);

    // The change migration goes down without touching incidents.
    await knex('itsm_records').insert({
      id: 'r2',
      kind: 'incident',
      number: 'INC-000002',
      title: 't',
      state: 'new',
      entity_ref: 'component:default/a',
      requester: 'user:default/a',
      priority: 'P3',
      created_at: at,
      updated_at: at,
    });
    await knex('itsm_incidents').insert({
      record_id: 'r2',
      impact: 1,
      urgency: 1,
    });
    // The major-incident and alert migrations go down without touching incidents.
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasColumn('itsm_incidents', 'major_state')).toBe(
      false,
    );
    expect(await knex('itsm_incidents').pluck('record_id')).toEqual(['r2']);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_incident_alerts')).toBe(false);
    // The problem migration goes down without touching incidents or changes, and so
    // do the SLA migrations (SQLite rebuilds tables to drop a column: no cascade may
    // follow).
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_problems')).toBe(false);
    expect(await knex.schema.hasColumn('itsm_incidents', 'problem_id')).toBe(
      false,
    );
    expect(await knex('itsm_incidents').pluck('record_id')).toEqual(['r2']);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_sla_rollups')).toBe(false);
    expect(await knex.schema.hasColumn('itsm_sla_timers', 'counted_at')).toBe(
      false,
    );
    expect(await knex('itsm_records').pluck('id')).toEqual(['r2']);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasColumn('itsm_records', 'ci_tier')).toBe(false);
    expect(await knex('itsm_records').pluck('id')).toEqual(['r2']);
    expect(await knex('itsm_incidents').pluck('record_id')).toEqual(['r2']);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_sla_timers')).toBe(false);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_requests')).toBe(false);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('itsm_changes')).toBe(false);
    expect(await knex.schema.hasTable('itsm_approval_steps')).toBe(false);
    expect(
      await knex.schema.hasColumn('itsm_incidents', 'caused_by_change_id'),
    ).toBe(false);
    expect(await knex('itsm_incidents').pluck('record_id')).toEqual(['r2']);
    await knex.destroy();
  });
});

/** In a stable order, whatever order the engine listed them in. */
const sortBy = <T>(items: T[]) =>
  [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** A table as the engine describes it: columns in order, indexes, foreign keys. */
interface TableSchema {
  comment?: string | null;
  columns: unknown[];
  indexes: unknown[];
  foreignKeys: unknown[];
}

/** The ITSM tables as the engine itself reports them, by name. */
async function schemaOf(knex: Knex): Promise<Record<string, TableSchema>> {
  const schema: Record<string, TableSchema> = {};
  if (knex.client.config.client.includes('sqlite')) {
    const tables: string[] = await knex('sqlite_master')
      .where({ type: 'table' })
      .andWhere('name', 'like', 'itsm%')
      .orderBy('name')
      .pluck('name');
    for (const table of tables) {
      const indexes = [];
      for (const index of await knex.raw('pragma index_list(??)', [table])) {
        const columns = (
          await knex.raw('pragma index_info(??)', [index.name])
        ).map((c: any) => c.name);
        indexes.push({
          // SQLite names the indexes of primary keys and unique columns itself.
          name: index.origin === 'c' ? index.name : `(${index.origin})`,
          unique: index.unique,
          partial: index.partial,
          columns,
        });
      }
      schema[table] = {
        columns: (await knex.raw('pragma table_info(??)', [table])).map(
          (c: any) => ({
            name: c.name,
            type: String(c.type).toLowerCase(),
            notNull: c.notnull,
            default: c.dflt_value,
            primaryKey: c.pk,
          }),
        ),
        indexes: sortBy(indexes),
        foreignKeys: sortBy(
          (await knex.raw('pragma foreign_key_list(??)', [table])).map(
            (f: any) => ({
              table: f.table,
              from: f.from,
              to: f.to,
              onUpdate: f.on_update,
              onDelete: f.on_delete,
            }),
          ),
        ),
      };
    }
    return schema;
  }
  const tables: string[] = await knex('information_schema.tables')
    .where({ table_schema: knex.raw('current_schema()') })
    .andWhere('table_name', 'like', 'itsm%')
    .orderBy('table_name')
    .pluck('table_name');
  for (const table of tables) {
    const columns = await knex('information_schema.columns')
      .where({ table_schema: knex.raw('current_schema()'), table_name: table })
      .orderBy('ordinal_position')
      .select(
        'column_name',
        'data_type',
        'character_maximum_length',
        'numeric_precision',
        'is_nullable',
        'column_default',
        knex.raw(
          'col_description(?::regclass, ordinal_position::int) as comment',
          [table],
        ),
      );
    const indexes = await knex('pg_indexes')
      .where({ schemaname: knex.raw('current_schema()'), tablename: table })
      .orderBy('indexname')
      .select('indexname', 'indexdef');
    const constraints = await knex('pg_constraint')
      .where({ conrelid: knex.raw('?::regclass', [table]) })
      .orderBy('conname')
      .select(
        'conname',
        'contype',
        knex.raw('pg_get_constraintdef(oid) as definition'),
      );
    const [{ comment }] = (
      await knex.raw('select obj_description(?::regclass) as comment', [table])
    ).rows;
    schema[table] = {
      comment,
      columns,
      indexes,
      foreignKeys: constraints,
    };
  }
  return schema;
}

/** Every row of every ITSM table, in a stable order. */
async function rowsOf(knex: Knex): Promise<Record<string, any[]>> {
  const rows: Record<string, any[]> = {};
  for (const table of Object.keys(await schemaOf(knex))) {
    rows[table] = sortBy(await knex(table).select());
  }
  return rows;
}

describe.each(ids)('migration round trips on %s', databaseId => {
  it('leave the schema as up made it: all the way down and up, and each step down then up', async () => {
    const knex: Knex = await databases.init(databaseId);
    const directory = RecordStore.migrationsDir;
    const [, pending] = await knex.migrate.list({ directory });
    expect(pending.length).toBeGreaterThanOrEqual(6);

    // The schema after each migration, applied one by one.
    const after: Record<string, TableSchema>[] = [await schemaOf(knex)];
    expect(after[0]).toEqual({});
    for (let k = 1; k <= pending.length; k++) {
      await knex.migrate.up({ directory });
      after.push(await schemaOf(knex));
      expect(after[k]).not.toEqual(after[k - 1]);
    }
    const latest = after[pending.length];

    await knex.migrate.rollback({ directory }, true);
    expect(await schemaOf(knex)).toEqual(after[0]);
    await knex.migrate.latest({ directory });
    expect(await schemaOf(knex)).toEqual(latest);

    for (let k = pending.length; k >= 1; k--) {
      await knex.migrate.down({ directory });
      expect({ step: k, schema: await schemaOf(knex) }).toEqual({
        step: k,
        schema: after[k - 1],
      });
      await knex.migrate.up({ directory });
      expect({ step: k, schema: await schemaOf(knex) }).toEqual({
        step: k,
        schema: after[k],
      });
      await knex.migrate.down({ directory });
    }
    await knex.migrate.latest({ directory });
    expect(await schemaOf(knex)).toEqual(latest);
    await knex.destroy();
  });

  it('keep the rows of every table that a step leaves in place', async () => {
    const knex: Knex = await databases.init(databaseId);
    const directory = RecordStore.migrationsDir;
    await knex.migrate.latest({ directory });
    const at = '2026-11-23T09:00:00.000Z';
    const record = (id: string, kind: string, number: string) => ({
      id,
      kind,
      number,
      title: `${kind} ${number}`,
      state: 'new',
      entity_ref: 'component:default/a',
      requester: 'user:default/a',
      priority: 'P3',
      ci_tier: 'tier-1',
      created_at: at,
      updated_at: at,
    });
    await knex('itsm_records').insert([
      record('r1', 'incident', 'INC-000001'),
      record('r2', 'change', 'CHG-000001'),
      record('r3', 'request', 'REQ-000001'),
      record('r4', 'problem', 'PRB-000001'),
    ]);
    await knex('itsm_sequences').update({ last_value: 1 });
    await knex('itsm_changes').insert({
      record_id: 'r2',
      type: 'normal',
      risk: 'low',
      planned_start: at,
      planned_end: at,
      approval_round: 1,
      problem_id: 'r4',
    });
    await knex('itsm_incidents').insert({
      record_id: 'r1',
      impact: 2,
      urgency: 2,
      caused_by_change_id: 'r2',
      problem_id: 'r4',
      major_state: 'accepted',
      major_reason: 'Everyone',
      major_proposed_by: 'user:default/a',
      major_proposed_at: at,
    });
    await knex('itsm_incident_alerts').insert({
      source: 'alertmanager',
      fingerprint: 'f1',
      incident_id: 'r1',
      status: 'firing',
      labels: '{}',
      first_seen_at: at,
      last_seen_at: at,
      open_key: 'alertmanager:f1',
    });
    await knex('itsm_problems').insert({
      record_id: 'r4',
      impact: 2,
      urgency: 2,
      symptoms: 'Timeouts',
      root_cause: 'Pool too small',
      workaround: 'Restart',
      known_error: true,
      known_error_at: at,
    });
    await knex('itsm_requests').insert({
      record_id: 'r3',
      offering_ref: 'serviceoffering:default/o',
      offering_title: 'O',
      parameters: '{}',
      fulfillment_target: 'P1D',
      due_at: at,
    });
    await knex('itsm_record_cis').insert({
      record_id: 'r1',
      entity_ref: 'component:default/a',
      role: 'primary',
    });
    await knex('itsm_timeline').insert({
      id: 't1',
      record_id: 'r1',
      seq: 1,
      type: 'created',
      actor: 'user:default/a',
      at,
    });
    await knex('itsm_approval_steps').insert({
      id: 's1',
      record_id: 'r2',
      round: 1,
      stage: 1,
      stage_name: 'Owner approval',
      reason: 'owner',
      state: 'pending',
      created_at: at,
    });
    await knex('itsm_approval_step_groups').insert({
      step_id: 's1',
      group_ref: 'group:default/a',
      state: 'pending',
    });
    await knex('itsm_sla_timers').insert({
      record_id: 'r1',
      metric: 'response',
      cycle: 1,
      policy_name: 'P',
      status: 'running',
      target_ms: 900_000,
      elapsed_ms: 0,
      started_at: at,
      evaluated_at: at,
    });
    const counts = {
      role: 'group',
      entity_ref: '',
      grp: 'group:default/a',
      kind: 'incident',
      metric: 'response',
      day: at.slice(0, 10),
      met: 1,
    };
    await knex('itsm_sla_counted').insert({ record_id: 'r1', ...counts });
    await knex('itsm_sla_rollups').insert(counts);
    await knex('itsm_sla_state').insert({ key: 'k', value: 'v' });
    await knex('itsm_change_outcomes').insert({
      role: 'group',
      day: at.slice(0, 10),
      ref: 'group:default/a',
      close_code: 'successful',
      n: 1,
    });
    const initial = await rowsOf(knex);
    // Every table has a row to lose.
    expect(
      Object.entries(initial).filter(([, rows]) => rows.length === 0),
    ).toEqual([]);

    /**
     * Rows of the tables both snapshots have, on the columns both have: a step that
     * drops a table or a column loses what was in it, and nothing else.
     */
    const common = (a: Record<string, any[]>, b: Record<string, any[]>) => {
      const keep = (rows: any[], columns: string[]) =>
        sortBy(
          rows.map(row => Object.fromEntries(columns.map(c => [c, row[c]]))),
        );
      const result: Record<string, [unknown, unknown]> = {};
      for (const table of Object.keys(a).filter(t => t in b)) {
        const columns = Object.keys(a[table][0] ?? b[table][0] ?? {}).filter(
          c =>
            (a[table][0] === undefined || c in a[table][0]) &&
            (b[table][0] === undefined || c in b[table][0]),
        );
        result[table] = [keep(a[table], columns), keep(b[table], columns)];
      }
      return result;
    };
    const expectKept = async (
      before: Record<string, any[]>,
      step: string,
    ): Promise<Record<string, any[]>> => {
      const now = await rowsOf(knex);
      for (const [table, [was, is]] of Object.entries(common(before, now))) {
        expect({ step, table, rows: is }).toEqual({ step, table, rows: was });
      }
      return now;
    };

    const [done] = await knex.migrate.list({ directory });
    let rows = initial;
    for (let k = done.length; k >= 1; k--) {
      await knex.migrate.down({ directory });
      const down = await expectKept(rows, `down ${k}`);
      await knex.migrate.up({ directory });
      await expectKept(down, `up ${k}`);
      await knex.migrate.down({ directory });
      rows = await expectKept(down, `down ${k} again`);
    }
    expect(rows).toEqual({});
    await knex.destroy();
  });
});

describe.each(ids)('start-up migrations on %s', databaseId => {
  it('wait while another instance holds the migration lock, then migrate', async () => {
    const knex: Knex = await databases.init(databaseId);
    const directory = RecordStore.migrationsDir;
    // Another instance is migrating: knex's tables exist and the lock is taken.
    await knex.migrate.currentVersion({ directory });
    await knex('knex_migrations_lock').update({ is_locked: 1 });
    const database = { getClient: async () => knex } as any;

    let settled = false;
    const starting = RecordStore.create({ database }).finally(() => {
      settled = true;
    });
    await new Promise(resolve => setTimeout(resolve, 700));
    expect(settled).toBe(false);
    expect(await knex.schema.hasTable('itsm_records')).toBe(false);

    // The other instance is done and lets go of the lock.
    await knex('knex_migrations_lock').update({ is_locked: 0 });
    await expect(starting).resolves.toBeInstanceOf(RecordStore);
    const [, pending] = await knex.migrate.list({ directory });
    expect(pending).toEqual([]);
  });

  it('give up on a lock that is never released, naming it', async () => {
    const knex: Knex = await databases.init(databaseId);
    await knex.migrate.currentVersion({ directory: RecordStore.migrationsDir });
    await knex('knex_migrations_lock').update({ is_locked: 1 });
    await expect(
      RecordStore.create({
        database: { getClient: async () => knex } as any,
        migrationWait: 300,
      }),
    ).rejects.toThrow(/Migration table is already locked/);
  });
});
