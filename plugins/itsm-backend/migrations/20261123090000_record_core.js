// @ts-check

/**
 * The record core shared by every kind (incident, change, request): the records, the
 * CIs they point at, their append-only timeline and the per-kind number sequences.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_sequences', table => {
    table.comment('Per-kind counters for human record numbers (INC-000123)');
    table.string('kind', 32).primary();
    table.integer('last_value').notNullable().defaultTo(0);
  });
  await knex('itsm_sequences').insert([
    { kind: 'incident', last_value: 0 },
    { kind: 'change', last_value: 0 },
    { kind: 'request', last_value: 0 },
  ]);

  await knex.schema.createTable('itsm_records', table => {
    table.comment('Fields every ITSM record has, whatever its kind');
    table.string('id', 36).primary();
    table.string('kind', 32).notNullable();
    table.string('number', 32).notNullable().unique();
    table.string('title', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('state', 32).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('requester', 255).notNullable();
    table.string('assignee', 255).nullable();
    table.string('assignment_group', 255).nullable();
    table.string('priority', 8).notNullable();
    table.boolean('is_open').notNullable().defaultTo(true);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('version').notNullable().defaultTo(1);
    table
      .integer('timeline_seq')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Last timeline position; bumped under the row lock on every append',
      );
    // Keyset pagination is newest first on (created_at, id) within every filter path.
    table.index(['kind', 'created_at', 'id'], 'itsm_records_kind_created_idx');
    table.index(
      ['kind', 'is_open', 'created_at', 'id'],
      'itsm_records_open_idx',
    );
    table.index(['kind', 'state', 'created_at'], 'itsm_records_state_idx');
    table.index(
      ['kind', 'priority', 'created_at'],
      'itsm_records_priority_idx',
    );
    table.index(
      ['assignee', 'kind', 'created_at'],
      'itsm_records_assignee_idx',
    );
    table.index(
      ['requester', 'kind', 'created_at'],
      'itsm_records_requester_idx',
    );
    table.index(
      ['assignment_group', 'kind', 'created_at'],
      'itsm_records_group_idx',
    );
  });

  await knex.schema.createTable('itsm_record_cis', table => {
    table.comment('The catalog entities (CIs) a record points at');
    table
      .string('record_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table
      .string('role', 16)
      .notNullable()
      .comment('primary | affected (named by the reporter)');
    table.primary(['record_id', 'entity_ref']);
    table.index(['entity_ref', 'record_id'], 'itsm_record_cis_entity_idx');
  });

  await knex.schema.createTable('itsm_timeline', table => {
    table.comment('Append-only history of each record: the audit trail');
    table.string('id', 36).primary();
    table
      .string('record_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.integer('seq').notNullable();
    table.string('type', 32).notNullable();
    table.string('actor', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('body').nullable();
    table.text('data').nullable().comment('JSON: field changes, states');
    table.unique(['record_id', 'seq'], {
      indexName: 'itsm_timeline_record_seq_uq',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_timeline');
  await knex.schema.dropTable('itsm_record_cis');
  await knex.schema.dropTable('itsm_records');
  await knex.schema.dropTable('itsm_sequences');
};
