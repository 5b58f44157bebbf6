// @ts-check

/*
 * The ledger from the timers: a record's cycles once under its group and once under
 * each of its CIs — counted cycles at their instant (and day), open cycles on the line of
 * day '' (what is open now). Kept in step with SlaRollupStore.shareOf (a property test
 * compares a rebuild with what writes kept).
 */
const COUNTED = `
  SUM(CASE WHEN t.status = 'met' THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.status = 'breached' THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.status = 'canceled' THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.stopped_at IS NOT NULL AND t.status <> 'canceled' THEN t.wall_ms ELSE 0 END),
  SUM(CASE WHEN t.stopped_at IS NOT NULL AND t.status <> 'canceled' THEN 1 ELSE 0 END),
  0, 0, 0`;
const OPEN = `
  0, 0, 0, 0, 0,
  COUNT(*),
  SUM(CASE WHEN t.status = 'breached' THEN 1 ELSE 0 END),
  SUM(CASE WHEN t.status = 'at_risk' THEN 1 ELSE 0 END)`;
const SUMS =
  'met, breached, canceled, wall_sum_ms, wall_n, open_n, open_breached, open_at_risk';
const KEYS = 'day, role, entity_ref, grp, kind, metric';
/** One branch of the ledger: a holder (group or CIs) × counted or open cycles. */
const branch = (/** @type {boolean} */ ci, /** @type {boolean} */ open) => `
  SELECT t.record_id, ${ci ? 'c.role, c.entity_ref' : "'group', ''"},
    COALESCE(r.assignment_group, ''), r.kind, t.metric,
    ${open ? "'', NULL" : 't.counted_day, t.counted_at'},
    ${open ? OPEN : COUNTED}
  FROM itsm_sla_timers t JOIN itsm_records r ON r.id = t.record_id
  ${ci ? 'JOIN itsm_record_cis c ON c.record_id = t.record_id' : ''}
  WHERE ${open ? 't.stopped_at IS NULL' : 't.counted_day IS NOT NULL'}
  GROUP BY t.record_id, ${
    ci ? 'c.role, c.entity_ref, ' : ''
  }r.assignment_group, r.kind, t.metric${
  open ? '' : ', t.counted_day, t.counted_at'
}`;
const LEDGER_FROM_TIMERS = `
  INSERT INTO itsm_sla_counted (record_id, role, entity_ref, grp, kind, metric, day, counted_at, ${SUMS})
  ${[
    branch(false, false),
    branch(true, false),
    branch(false, true),
    branch(true, true),
  ].join(' UNION ALL ')}`;
const ROLLUPS_FROM_LEDGER = `
  INSERT INTO itsm_sla_rollups (${KEYS}, ${SUMS})
  SELECT ${KEYS}, ${SUMS.split(', ')
  .map(c => `SUM(${c})`)
  .join(', ')}
  FROM itsm_sla_counted
  GROUP BY ${KEYS}`;

/**
 * SLA reports from daily rollups, so that their cost follows the size of the answer and
 * not of the history (plugins/itsm-backend/src/sla/rollups/README.md).
 *
 * - `itsm_sla_timers` gains what a report counts a cycle by: `counted_at` (when it
 *   stopped, or when a running cycle breached), its UTC day, and its wall-clock length.
 * - `itsm_sla_counted` holds what each record adds to the rollups (its ledger), so a
 *   change to the record can take back exactly what it added before; its lines keep the
 *   instant they count at, so the parts of days at a window's ends are summed from it.
 * - `itsm_sla_rollups` holds the sums per day, CI role, entity, group, kind and metric.
 *
 * Existing rows are filled in here (an upgrade); the sweep's selections and the open
 * cycles get partial indexes that match their predicates. `itsm_sla_state` keeps the
 * policy fingerprint, so the start-up refresh re-derives only after a change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_sla_timers', table => {
    table
      .timestamp('counted_at', { useTz: true })
      .nullable()
      .comment(
        'When reports count the cycle: its stop, or the breach of a running cycle',
      );
    table
      .string('counted_day', 10)
      .nullable()
      .comment('UTC day (YYYY-MM-DD) of counted_at');
    table
      .bigInteger('wall_ms')
      .nullable()
      .comment('Stopped cycles: wall-clock ms from start to stop (MTTA/MTTR)');
    table.index(['counted_at'], 'itsm_sla_timers_counted_idx');
    table.index(['counted_day'], 'itsm_sla_timers_counted_day_idx');
  });

  await knex.schema.createTable('itsm_sla_counted', table => {
    table.comment(
      'What each record adds to itsm_sla_rollups (taken back when the record changes)',
    );
    table
      .string('record_id', 36)
      .notNullable()
      .references('id')
      .inTable('itsm_records')
      .onDelete('CASCADE');
    rollupColumns(table);
    table
      .timestamp('counted_at', { useTz: true })
      .nullable()
      .comment(
        "The cycles' counted_at (NULL on the line of the cycles open now)",
      );
    table.index(['record_id'], 'itsm_sla_counted_record_idx');
    // The parts of days at a window's ends, summed from the ledger without reading timer
    // rows: the organisation and the groups (role 'group'), and one CI's lines.
    table.index(['role', 'counted_at'], 'itsm_sla_counted_role_idx');
    table.index(['entity_ref', 'counted_at'], 'itsm_sla_counted_entity_idx');
  });

  await knex.schema.createTable('itsm_sla_rollups', table => {
    table.comment(
      'SLA cycles counted per UTC day, CI role, entity, group, kind and metric',
    );
    rollupColumns(table);
    table.primary(['day', 'role', 'entity_ref', 'grp', 'kind', 'metric']);
    // The organisation (role group by day); an entity's card and a system's parts; a
    // group's figures.
    table.index(['role', 'day'], 'itsm_sla_rollups_role_idx');
    table.index(['entity_ref', 'day'], 'itsm_sla_rollups_entity_idx');
    table.index(['grp', 'day'], 'itsm_sla_rollups_group_idx');
  });

  await knex.schema.createTable('itsm_change_outcomes', table => {
    table.comment(
      'Closed changes per UTC day of closing, by assignment group and by primary CI, by close code',
    );
    table.string('role', 16).notNullable().comment("'group' or 'entity'");
    table.string('day', 10).notNullable().comment('UTC day the changes closed');
    table
      .string('ref', 255)
      .notNullable()
      .comment("The assignment group ('' for none) or the primary CI");
    table.string('close_code', 32).notNullable();
    table.integer('n').notNullable();
    table.primary(['role', 'day', 'ref', 'close_code']);
  });

  await knex.schema.createTable('itsm_sla_state', table => {
    table.comment(
      'What the SLA engine keeps between runs (e.g. the policy fingerprint)',
    );
    table.string('key', 64).primary();
    table.text('value').notNullable();
  });

  // Change success: changes closed in the part of a day at a period's start.
  await knex.schema.alterTable('itsm_records', table => {
    table.index(['kind', 'state', 'updated_at'], 'itsm_records_closed_idx');
  });

  // Open cycles by status, soonest due first (the timers an SLA card lists stop after
  // a page; open breaches / at risk by group or system).
  await knex.raw(
    'CREATE INDEX itsm_sla_timers_open_idx ON itsm_sla_timers (status, due_at, record_id) WHERE stopped_at IS NULL',
  );

  // The sweep selects running cycles only: partial indexes hold just those, so "nothing
  // due" is a short index probe whatever the history.
  for (const name of [
    'itsm_sla_timers_due_idx',
    'itsm_sla_timers_warning_idx',
    'itsm_sla_timers_unrecorded_idx',
  ]) {
    await knex.schema.alterTable('itsm_sla_timers', table => {
      table.dropIndex([], name);
    });
  }
  await knex.raw(
    'CREATE INDEX itsm_sla_timers_running_due_idx ON itsm_sla_timers (due_at) WHERE stopped_at IS NULL AND breach_recorded_at IS NULL',
  );
  await knex.raw(
    'CREATE INDEX itsm_sla_timers_running_warning_idx ON itsm_sla_timers (next_warning_at) WHERE stopped_at IS NULL',
  );
  await knex.raw(
    "CREATE INDEX itsm_sla_timers_unrecorded_idx ON itsm_sla_timers (record_id) WHERE breach_recorded_at IS NULL AND status = 'breached'",
  );

  // Upgrade: the counted columns of existing cycles, then the ledger and the rollups.
  await fill(knex);
};

/**
 * Fills the counted columns of every cycle, the ledger and the rollups from the timers,
 * and the change outcomes from the closed changes (all must be empty). Also `rebuildSlaRollups`, for timers
 * written by bulk loads.
 *
 * @param {import('knex').Knex} knex
 */
async function fill(knex) {
  if (knex.client.config.client.includes('sqlite')) {
    await knex.raw(`
      UPDATE itsm_sla_timers SET
        counted_at = CASE WHEN stopped_at IS NOT NULL THEN stopped_at
                          WHEN status = 'breached' THEN breached_at END,
        wall_ms = CASE WHEN stopped_at IS NOT NULL THEN
          CAST(ROUND((julianday(stopped_at) - julianday(started_at)) * 86400000) AS INTEGER) END`);
    await knex.raw(
      `UPDATE itsm_sla_timers SET counted_day = strftime('%Y-%m-%d', counted_at) WHERE counted_at IS NOT NULL`,
    );
  } else {
    await knex.raw(`
      UPDATE itsm_sla_timers SET
        counted_at = CASE WHEN stopped_at IS NOT NULL THEN stopped_at
                          WHEN status = 'breached' THEN breached_at END,
        counted_day = to_char((CASE WHEN stopped_at IS NOT NULL THEN stopped_at
                          WHEN status = 'breached' THEN breached_at END) AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
        wall_ms = CASE WHEN stopped_at IS NOT NULL THEN
          round(extract(epoch FROM stopped_at - started_at) * 1000)::bigint END`);
  }
  await knex.raw(LEDGER_FROM_TIMERS);
  await knex.raw(ROLLUPS_FROM_LEDGER);
  const closedDay = knex.client.config.client.includes('sqlite')
    ? "strftime('%Y-%m-%d', r.updated_at)"
    : "to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
  const outcomes = (/** @type {string} */ role, /** @type {string} */ ref) => `
    SELECT '${role}', ${closedDay}, ${ref}, k.close_code, COUNT(*)
    FROM itsm_records r JOIN itsm_changes k ON k.record_id = r.id
    WHERE r.kind = 'change' AND r.state = 'closed' AND k.close_code IS NOT NULL
    GROUP BY ${closedDay}, ${ref}, k.close_code`;
  await knex.raw(`
    INSERT INTO itsm_change_outcomes (role, day, ref, close_code, n)
    ${outcomes('group', "COALESCE(r.assignment_group, '')")}
    UNION ALL ${outcomes('entity', 'r.entity_ref')}`);
}

/** @param {import('knex').Knex.CreateTableBuilder} table */
function rollupColumns(table) {
  table
    .string('role', 16)
    .notNullable()
    .comment(
      "'group': once per record under its group; 'primary' / 'affected': once per CI",
    );
  table
    .string('entity_ref', 255)
    .notNullable()
    .comment("The CI ('' for role group)");
  table
    .string('grp', 255)
    .notNullable()
    .comment("The record's assignment group ('' for none)");
  table.string('kind', 16).notNullable();
  table.string('metric', 16).notNullable();
  table
    .string('day', 10)
    .notNullable()
    .comment("UTC day of counted_at; '' for the cycles open now");
  table.integer('met').notNullable().defaultTo(0);
  table.integer('breached').notNullable().defaultTo(0);
  table.integer('canceled').notNullable().defaultTo(0);
  table
    .bigInteger('wall_sum_ms')
    .notNullable()
    .defaultTo(0)
    .comment('Stopped, not canceled cycles: sum of wall_ms');
  table
    .integer('wall_n')
    .notNullable()
    .defaultTo(0)
    .comment('Stopped, not canceled cycles: how many');
  table
    .integer('open_n')
    .notNullable()
    .defaultTo(0)
    .comment("Day '': cycles open now (running, paused, at risk, breached)");
  table.integer('open_breached').notNullable().defaultTo(0);
  table.integer('open_at_risk').notNullable().defaultTo(0);
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_sla_state');
  await knex.schema.dropTable('itsm_change_outcomes');
  await knex.schema.alterTable('itsm_records', table => {
    table.dropIndex([], 'itsm_records_closed_idx');
  });
  await knex.raw('DROP INDEX itsm_sla_timers_open_idx');
  await knex.schema.dropTable('itsm_sla_rollups');
  await knex.schema.dropTable('itsm_sla_counted');
  for (const name of [
    'itsm_sla_timers_running_due_idx',
    'itsm_sla_timers_running_warning_idx',
    'itsm_sla_timers_unrecorded_idx',
  ]) {
    await knex.raw(`DROP INDEX ${name}`);
  }
  await knex.schema.alterTable('itsm_sla_timers', table => {
    table.dropIndex([], 'itsm_sla_timers_counted_idx');
    table.dropIndex([], 'itsm_sla_timers_counted_day_idx');
    table.dropColumn('counted_at');
    table.dropColumn('counted_day');
    table.dropColumn('wall_ms');
  });
  await knex.schema.alterTable('itsm_sla_timers', table => {
    table.index(['due_at'], 'itsm_sla_timers_due_idx');
    table.index(['next_warning_at'], 'itsm_sla_timers_warning_idx');
    table.index(
      ['breach_recorded_at', 'status'],
      'itsm_sla_timers_unrecorded_idx',
    );
  });
};

exports.fill = fill;
