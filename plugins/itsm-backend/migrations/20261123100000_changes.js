// @ts-check

/**
 * Changes, the approval steps every approvable kind shares, and the incident → causing
 * change link.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_changes', table => {
    table.comment('Change fields beside the record core');
    table
      .string('record_id', 36)
      .primary()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.string('type', 16).notNullable();
    table.string('risk', 16).notNullable();
    table.timestamp('planned_start', { useTz: true }).nullable();
    table.timestamp('planned_end', { useTz: true }).nullable();
    table.text('implementation_plan').notNullable().defaultTo('');
    table.text('backout_plan').notNullable().defaultTo('');
    table.text('test_plan').notNullable().defaultTo('');
    table.timestamp('actual_start', { useTz: true }).nullable();
    table.timestamp('actual_end', { useTz: true }).nullable();
    table.string('close_code', 32).nullable();
    table.text('close_notes').nullable();
    table
      .integer('approval_round')
      .notNullable()
      .defaultTo(0)
      .comment('Current approval round; each entry into authorize starts one');
    // The calendar and conflict detection look for windows overlapping a range.
    table.index(['planned_start', 'planned_end'], 'itsm_changes_window_idx');
  });

  await knex.schema.createTable('itsm_approval_steps', table => {
    table.comment(
      'Approval steps of records (changes, requests): one decision each',
    );
    table.string('id', 36).primary();
    table
      .string('record_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.integer('round').notNullable();
    table.integer('stage').notNullable();
    table.string('stage_name', 100).notNullable();
    table.string('reason', 500).notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('waiting | pending | approved | rejected | canceled');
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.text('comment').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(
      ['record_id', 'round', 'stage'],
      'itsm_approval_steps_record_idx',
    );
  });

  await knex.schema.createTable('itsm_approval_step_groups', table => {
    table.comment('The groups whose members may decide a step');
    table
      .string('step_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_approval_steps')
      .onDelete('CASCADE');
    table.string('group_ref', 255).notNullable();
    // Denormalised so that "waiting for my approval" is one index range per group.
    table.string('state', 16).notNullable();
    table.primary(['step_id', 'group_ref']);
    table.index(['group_ref', 'state'], 'itsm_approval_step_groups_queue_idx');
  });

  await knex.schema.alterTable('itsm_incidents', table => {
    table
      .string('caused_by_change_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('SET NULL');
    table.index(['caused_by_change_id'], 'itsm_incidents_caused_by_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['caused_by_change_id'], 'itsm_incidents_caused_by_idx');
    table.dropForeign(['caused_by_change_id']);
    table.dropColumn('caused_by_change_id');
  });
  await knex.schema.dropTable('itsm_approval_step_groups');
  await knex.schema.dropTable('itsm_approval_steps');
  await knex.schema.dropTable('itsm_changes');
};
