import { Knex } from 'knex';

/**
 * Rebuilds the plugin's SLA rollups when this version of the plugin has them
 * (`rebuildSlaRollups` in src/sla/rollups, added by the plugin's own work). Loaded at
 * run time so that the bench runs against versions before and after it landed.
 */
export async function rebuildRollupsIfAny(
  knex: Knex,
  log: (line: string) => void,
): Promise<number | undefined> {
  let rebuild: ((db: Knex) => Promise<unknown>) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    rebuild =
      require('@backstage-itsm/plugin-itsm-backend/src/sla/rollups').rebuildSlaRollups;
  } catch (error) {
    // Only the module itself missing means "not in this version"; other errors are real.
    const e = error as NodeJS.ErrnoException;
    if (e.code !== 'MODULE_NOT_FOUND' || !/sla\/rollups/.test(e.message))
      throw error;
  }
  if (typeof rebuild !== 'function') {
    log('no SLA rollups in this version');
    return undefined;
  }
  const start = Date.now();
  await rebuild(knex);
  return Date.now() - start;
}

/**
 * Marks the seeded timers as derived under the current policies (they were: by the
 * plugin's SlaClock with the portal's policies), as the backend's start-up refresh does
 * once it re-derived everything, so that a start on the seeded database is a start on
 * an up-to-date one. Only for plugin versions that keep the fingerprint.
 */
export async function markTimersCurrent(
  knex: Knex,
  clock: { fingerprint?: () => string },
): Promise<boolean> {
  if (typeof clock.fingerprint !== 'function') return false;
  if (!(await knex.schema.hasTable('itsm_sla_state'))) return false;
  await knex('itsm_sla_state')
    .insert({ key: 'policy_fingerprint', value: clock.fingerprint() })
    .onConflict('key')
    .merge();
  return true;
}
