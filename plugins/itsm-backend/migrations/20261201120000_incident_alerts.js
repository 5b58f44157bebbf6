// @ts-check

/**
 * Alerts to incidents (docs/alerts.md): the monitoring alerts each incident was opened
 * or updated by. `open_key` (source:fingerprint) is set while the incident is the open
 * one for that alert; its unique index is what makes one incident per firing alert,
 * also when the same payload arrives twice at the same moment.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_incident_alerts', table => {
    table.comment('Monitoring alerts on incidents, by source and fingerprint');
    table.string('source', 32).notNullable();
    table.string('fingerprint', 255).notNullable();
    table
      .string('incident_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.string('status', 16).notNullable();
    table.text('labels').notNullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table
      .string('open_key', 300)
      .nullable()
      .comment(
        'source:fingerprint while this is the open incident of the alert',
      );
    table.primary(['source', 'fingerprint', 'incident_id']);
    table.unique(['open_key'], { indexName: 'itsm_incident_alerts_open_key' });
    table.index(['incident_id'], 'itsm_incident_alerts_incident_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_incident_alerts');
};
