// @ts-check

/**
 * The primary CI's tier on the record, read from the catalog when the record is raised,
 * so that SLA policies (which select on tier) can be applied inside a transition's
 * transaction without a catalog call.
 *
 * Not in a transaction: SQLite drops a column by rebuilding the table, and with foreign
 * keys on, dropping the old `itsm_records` would cascade into every kind's table. Foreign
 * keys can only be switched off outside a transaction.
 */
exports.config = { transaction: false };

/** @param {import('knex').Knex} knex */
const isSqlite = knex => knex.client.config.client.includes('sqlite');

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_records', table => {
    table
      .string('ci_tier', 64)
      .nullable()
      .comment(
        "The primary CI's itsm.backstage.io/tier when the record was raised (SLA policy choice)",
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (isSqlite(knex)) await knex.raw('PRAGMA foreign_keys = OFF');
  try {
    await knex.schema.alterTable('itsm_records', table => {
      table.dropColumn('ci_tier');
    });
  } finally {
    if (isSqlite(knex)) await knex.raw('PRAGMA foreign_keys = ON');
  }
};
