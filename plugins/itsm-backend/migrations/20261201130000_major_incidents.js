// @ts-check

/**
 * Major incidents (docs/domain-rules.md §3 Incident): proposed by whoever works an incident,
 * accepted or rejected by the major-incident group (who and why kept), and the child
 * incidents linked to one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table
      .string('major_state', 16)
      .nullable()
      .comment('proposed, accepted or rejected; null: never proposed');
    table.text('major_reason').nullable();
    table.string('major_proposed_by', 255).nullable();
    table.timestamp('major_proposed_at', { useTz: true }).nullable();
    table.string('major_decided_by', 255).nullable();
    table.timestamp('major_decided_at', { useTz: true }).nullable();
    table.text('major_decision_note').nullable();
    table
      .string('parent_id', 36)
      .nullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('SET NULL')
      .comment('The major incident this one is a child of');
    // The open major incidents (banners); the children of one.
    table.index(['major_state'], 'itsm_incidents_major_idx');
    table.index(['parent_id'], 'itsm_incidents_parent_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['parent_id'], 'itsm_incidents_parent_idx');
    table.dropIndex(['major_state'], 'itsm_incidents_major_idx');
    table.dropForeign(['parent_id']);
    for (const column of [
      'parent_id',
      'major_decision_note',
      'major_decided_at',
      'major_decided_by',
      'major_proposed_at',
      'major_proposed_by',
      'major_reason',
      'major_state',
    ])
      table.dropColumn(column);
  });
};
