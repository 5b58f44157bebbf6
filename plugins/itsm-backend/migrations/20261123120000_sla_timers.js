// @ts-check

/**
 * SLA timers (docs/domain-rules.md §4): one row per record, metric and cycle, derived from the
 * timeline and rewritten in the transaction of every transition. Due times are stored so
 * that "what breaches next" and the breach sweep are index scans; the sweep's markers
 * (`warned_threshold`, `breach_recorded_at`) make warnings and breaches exactly-once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_sla_timers', table => {
    table.comment('SLA timer cycles of records, derived from their timelines');
    table
      .string('record_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    table.string('metric', 16).notNullable().comment('response | resolution');
    table
      .integer('cycle')
      .notNullable()
      .comment('1 = first cycle; a reopen adds one');
    table.string('policy_name', 200).notNullable();
    table.string('status', 16).notNullable();
    table.bigInteger('target_ms').notNullable();
    table
      .bigInteger('elapsed_ms')
      .notNullable()
      .comment('Business ms at evaluated_at');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('stopped_at', { useTz: true }).nullable();
    table
      .timestamp('due_at', { useTz: true })
      .nullable()
      .comment('Running cycles: when the target is (or was) reached');
    table
      .timestamp('breached_at', { useTz: true })
      .nullable()
      .comment('When the target was reached, once it was');
    table
      .timestamp('next_warning_at', { useTz: true })
      .nullable()
      .comment(
        'Running cycles: when the next unrecorded warning threshold is crossed',
      );
    table
      .float('warned_threshold')
      .notNullable()
      .defaultTo(0)
      .comment('Highest threshold recorded on the timeline (0 = none)');
    table
      .timestamp('breach_recorded_at', { useTz: true })
      .nullable()
      .comment('Set once, by whoever records the breach on the timeline');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['record_id', 'metric', 'cycle']);
    // The sweep: running timers by due time / next warning; breaches not yet recorded.
    table.index(['due_at'], 'itsm_sla_timers_due_idx');
    table.index(['next_warning_at'], 'itsm_sla_timers_warning_idx');
    table.index(
      ['breach_recorded_at', 'status'],
      'itsm_sla_timers_unrecorded_idx',
    );
    // Compliance over a period: cycles that stopped (or breached) since a date.
    table.index(['stopped_at', 'status'], 'itsm_sla_timers_stopped_idx');
    table.index(['status', 'due_at'], 'itsm_sla_timers_status_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_sla_timers');
};
