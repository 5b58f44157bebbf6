import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';
import { PG } from '../seed/pgSeed';
import { repoPath } from '../paths';

export const BENCH_BACKEND_PORT = 7107;
export const benchBaseUrl = `http://localhost:${BENCH_BACKEND_PORT}`;
/** Other plugins' databases (catalog, auth, …) of the bench backend: dropped after a run. */
export const OTHER_PLUGINS_PREFIX = 'itsm_bench_be_';

/**
 * The bench backend's configuration: the portal's app-config.yaml with what the bench
 * must change. Written as one whole file (not an overlay) because an overlay cannot
 * remove `itsm.demoData`, and the demo load must not run against the seeded records.
 */
export async function writeBackendConfig(options: {
  file: string;
  itsmDatabase: string;
  engine: 'pg' | 'sqlite';
  sqliteFile?: string;
  catalogFile: string;
}): Promise<void> {
  const config = parse(readFileSync(repoPath('app-config.yaml'), 'utf8'));
  // The app is served by the backend (app-backend) on the bench port.
  config.app.baseUrl = benchBaseUrl;
  config.backend.baseUrl = benchBaseUrl;
  config.backend.listen = { port: BENCH_BACKEND_PORT, host: '127.0.0.1' };
  config.backend.cors.origin = benchBaseUrl;
  config.backend.database =
    options.engine === 'pg'
      ? {
          client: 'pg',
          // Not backstage_plugin_*: keeps the bench off any other portal's databases.
          prefix: OTHER_PLUGINS_PREFIX,
          connection: { ...PG },
          // The ITSM plugin reads the seeded database.
          plugin: { itsm: { connection: { database: options.itsmDatabase } } },
        }
      : {
          client: 'better-sqlite3',
          connection: { directory: dirname(options.sqliteFile!) },
        };
  config.catalog.locations = [
    {
      type: 'file',
      target: options.catalogFile,
      rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
    },
    {
      type: 'file',
      target: repoPath('examples/offerings.yaml'),
      rules: [{ allow: ['ServiceOffering'] }],
    },
  ];
  // No demo records on top of the seeded ones.
  delete config.itsm.demoData;
  await mkdir(dirname(options.file), { recursive: true });
  await writeFile(options.file, stringify(config), 'utf8');
}
