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
