// @ts-check

/**
 * Service requests: what was ordered from which offering, with which parameters, and
 * when it is due.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_requests', table => {
    table.comment('Service request fields beside the record core');
    table
      .string('record_id', 36)
      .primary()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.string('offering_ref', 255).notNullable();
    table.string('offering_title', 255).notNullable();
    table
      .text('parameters')
      .notNullable()
      .comment('JSON, valid for the offering');
    table.string('fulfillment_target', 32).notNullable();
    table.timestamp('due_at', { useTz: true }).notNullable();
    table.timestamp('fulfilled_at', { useTz: true }).nullable();
    table.text('resolution_note').nullable();
    table.integer('approval_round').notNullable().defaultTo(0);
    // "Requests against this offering", newest first; "what is due soon".
    table.index(['offering_ref', 'record_id'], 'itsm_requests_offering_idx');
    table.index(['due_at'], 'itsm_requests_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_requests');
};
