// @ts-check

/**
 * Incident-specific fields, one row per incident record.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_incidents', table => {
    table.comment('Incident fields beside the record core');
    table
      .string('record_id', 36)
      .primary()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.integer('impact').notNullable();
    table.integer('urgency').notNullable();
    table.string('hold_reason', 32).nullable();
    table.string('resolution_code', 32).nullable();
    table.text('resolution_notes').nullable();
    table.timestamp('acknowledged_at', { useTz: true }).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    // The auto-close job looks for resolved incidents older than N days.
    table.index(['resolved_at'], 'itsm_incidents_resolved_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_incidents');
};
