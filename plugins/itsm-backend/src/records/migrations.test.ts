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
    // The SLA migrations go down without touching the records or their kinds' rows
    // (SQLite rebuilds itsm_records to drop a column: no cascade may follow).
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
