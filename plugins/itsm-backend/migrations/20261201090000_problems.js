// @ts-check

/**
 * Problem management (docs/domain-rules.md §3 Problem): the problem's own fields beside the
 * record core, the incidents it explains (at most one problem per incident) and the
 * changes raised to fix it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Kept on the way down (numbers are never reused), so up again finds it.
  await knex('itsm_sequences')
    .insert({ kind: 'problem', last_value: 0 })
    .onConflict('kind')
    .ignore();

  await knex.schema.createTable('itsm_problems', table => {
    table.comment('Problem fields beside the record core');
    table
      .string('record_id', 36)
      .primary()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.integer('impact').notNullable();
    table.integer('urgency').notNullable();
    table.text('symptoms').notNullable().defaultTo('');
    table.text('root_cause').nullable();
    table.text('workaround').nullable();
    table
      .boolean('known_error')
      .notNullable()
      .defaultTo(false)
      .comment('Published with its workaround so the next reporter finds it');
    table.timestamp('known_error_at', { useTz: true }).nullable();
    table.string('resolution_code', 32).nullable();
    table.text('resolution_notes').nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    // The known errors of a CI: its records (itsm_record_cis) narrowed to these.
    table.index(['known_error', 'record_id'], 'itsm_problems_known_idx');
  });

  await knex.schema.alterTable('itsm_incidents', table => {
    table
      .string('problem_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('SET NULL');
    // The incidents of a problem; candidates look for incidents without one.
    table.index(['problem_id'], 'itsm_incidents_problem_idx');
  });

  await knex.schema.alterTable('itsm_changes', table => {
    table
      .string('problem_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('SET NULL')
      .comment('The problem this change is raised to fix');
    table.index(['problem_id'], 'itsm_changes_problem_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_changes', table => {
    table.dropIndex(['problem_id'], 'itsm_changes_problem_idx');
    table.dropForeign(['problem_id']);
    table.dropColumn('problem_id');
  });
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['problem_id'], 'itsm_incidents_problem_idx');
    table.dropForeign(['problem_id']);
    table.dropColumn('problem_id');
  });
  await knex.schema.dropTable('itsm_problems');
};
