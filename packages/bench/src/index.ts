/*
 * The ITSM benchmark: seeds an organisation per size, starts the real backend against
 * it and measures the HTTP API beside the catalog, then prints and writes a report.
 *
 *   yarn bench [--sizes 10k,100k,1m] [--engine pg|sqlite] [--duration 10]
 *              [--quick] [--skip-frontend] [--keep]
 *
 * See README.md for what every figure means.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BackendProcess, RssSampler } from './backend/process';
import {
  benchBaseUrl,
  OTHER_PLUGINS_PREFIX,
  writeBackendConfig,
} from './backend/config';
import { userToken, waitForCatalog } from './backend/tokens';
import { expectedCounts, writeCatalog } from './catalog/writeCatalog';
import { appIsBuilt, buildApp, FrontendBuild } from './frontend/build';
import { timeEntityTab } from './frontend/browser';
import { measureIsolation, measureOperations } from './measure/operations';
import { capturedSql, READ_ALL } from './measure/rawSql';
import { timeSweep } from './measure/sweep';
import { parseOptions } from './options';
import { writeReport, SizeReport } from './report/report';
import { RecordGenerator } from './seed/generate';
import { ENGINEER, generateOrganisation, membersOf } from './seed/org';
import { dropDatabase, PG, pgKnex, seedPostgres } from './seed/pgSeed';
import { exampleOfferings, portalSlaClock } from './seed/policies';
import { SeedResult } from './seed/seeder';
import { seedSqlite, sqliteKnex } from './seed/sqliteSeed';

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The other plugins' databases of the bench backend (catalog, auth, …). */
async function dropOtherPluginDatabases() {
  const admin = pgKnex('postgres', 1);
  try {
    const { rows } = await admin.raw(
      `SELECT datname FROM pg_database WHERE datname LIKE ?`,
      [`${OTHER_PLUGINS_PREFIX}%`],
    );
    for (const { datname } of rows)
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
  } finally {
    await admin.destroy();
  }
}

/** Waits for the backend's start-up SLA refresh, which re-derives every open record. */
async function waitForSlaRefresh(logFile: string, timeoutMs: number) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const text = await readFile(logFile, 'utf8').catch(() => '');
    const match = /Re-derived the SLA timers of (\d+) records/.exec(text);
    if (match)
      return { records: Number(match[1]), waitedMs: Date.now() - start };
    await sleep(1000);
  }
  return undefined;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const work = join(tmpdir(), 'itsm-bench');
  await mkdir(work, { recursive: true });
  const org = generateOrganisation();
  const catalogFile = join(work, 'catalog.yaml');
  await writeCatalog(org, catalogFile);
  const clock = portalSlaClock();
  const offerings = exampleOfferings();
  log(
    `bench: sizes ${options.sizes.map(s => s.label).join(', ')} on ${
      options.engine
    }, ${options.duration} s per operation and concurrency`,
  );

  let frontend: FrontendBuild | undefined;
  let frontendError: string | undefined;
  let browserWanted = false;
  if (!options.skipFrontend && !options.seedOnly) {
    log('frontend: production build of packages/app');
    frontend = await buildApp(log).catch(error => {
      frontendError = String(error.message ?? error).split('\n')[0];
      log(`  ${frontendError}`);
      return undefined;
    });
    // The browser still runs on an earlier build if this one failed.
    browserWanted = !!frontend || (await appIsBuilt());
  }

  let backend: BackendProcess | undefined;
  const databases: string[] = [];
  const cleanup = async () => {
    await backend?.stop();
    backend = undefined;
    if (!options.keep && options.engine === 'pg') {
      for (const name of databases.splice(0)) await dropDatabase(name);
      await dropOtherPluginDatabases();
    }
  };
  process.once('uncaughtException', error => {
    log(`crashed: ${error.stack ?? error}`);
    cleanup().finally(() => process.exit(1));
  });
  process.once('SIGINT', () => {
    log('interrupted: stopping the backend and dropping the bench databases');
    cleanup().finally(() => process.exit(130));
  });

  const reports: SizeReport[] = [];
  try {
    for (const size of options.sizes) {
      log(`\n== ${size.label}: ${size.incidents} incidents ==`);
      const now = new Date();
      const generator = new RecordGenerator(org, clock, offerings, { now });
      const database = `itsm_bench_${size.label.replace(/[^a-z0-9]/g, '_')}`;
      const sqliteDir = join(work, `sqlite-${size.label}`);
      const sqliteFile = join(sqliteDir, 'itsm.sqlite');
      log('seeding');
      const run = { generator, incidents: size.incidents, log };
      let seed: SeedResult;
      if (options.engine === 'pg') {
        databases.push(database);
        seed = await seedPostgres(database, run);
      } else {
        await mkdir(sqliteDir, { recursive: true });
        seed = await seedSqlite(sqliteFile, run);
      }
      log(
        `  seeded in ${seed.seconds.toFixed(1)} s; ${
          seed.runningTimers
        } running timers`,
      );

      const ranked = [...generator.incidentsPerComponent.entries()].sort(
        (a, b) => b[1] - a[1],
      );
      const [hotRef, hotCount] = ranked[0];
      const [medianRef, medianCount] = ranked[Math.floor(ranked.length / 2)];
      const component = (ref: string) => ({ ref, name: ref.split('/')[1] });
      const hot = org.components.find(c => c.ref === hotRef)!;
      // A member of the hottest component's owner group: alice unless (unlikely) the
      // hottest is not Zipf rank 0.
      const engineer = membersOf(org, hot.owner)[0];

      const knex =
        options.engine === 'pg' ? pgKnex(database) : sqliteKnex(sqliteFile);
      const sweep = await timeSweep(knex, clock, now);
      await knex.destroy();
      log(
        `  SLA sweep with nothing due: ${sweep.ms.toFixed(1)} ms (${
          sweep.events
        } events)`,
      );

      if (options.seedOnly) {
        process.stdout.write(
          `${JSON.stringify({ size: size.label, seed, sweep }, null, 2)}\n`,
        );
        if (!options.keep && options.engine === 'pg') {
          await dropDatabase(database);
          databases.splice(databases.indexOf(database), 1);
        }
        continue;
      }
      if (options.engine === 'pg') await dropOtherPluginDatabases();
      const configFile = join(work, `app-config.bench-${size.label}.yaml`);
      const logFile = join(work, `backend-${size.label}.log`);
      await writeBackendConfig({
        file: configFile,
        itsmDatabase: database,
        engine: options.engine,
        sqliteFile,
        catalogFile,
      });
      log(`starting the backend (log: ${logFile})`);
      const startedAt = Date.now();
      backend = new BackendProcess(configFile, logFile);
      backend.start();
      const rss = new RssSampler(backend.pid);
      rss.start();
      const running = backend;
      const adminToken = await waitForCatalog({
        admin: org.admin,
        expected: expectedCounts(org),
        timeoutMs: 15 * 60_000,
        isDead: () => running.hasExited,
        log,
      });
      const readyMs = Date.now() - startedAt;
      log(
        `  backend ready, catalog ingested in ${(readyMs / 1000).toFixed(0)} s`,
      );
      const refresh = await waitForSlaRefresh(logFile, 30 * 60_000);
      log(
        refresh
          ? `  start-up SLA refresh re-derived ${
              refresh.records
            } records (waited ${(refresh.waitedMs / 1000).toFixed(0)} s more)`
          : '  start-up SLA refresh not seen in the log',
      );
      const engineerToken = await userToken(engineer);

      const db =
        options.engine === 'pg' ? new Client({ ...PG, database }) : null;
      // An idle connection that PostgreSQL ends (e.g. its database dropped from
      // outside) must fail the raw timings, not crash the bench past its clean-up.
      db?.on('error', error => log(`  raw SQL connection: ${error.message}`));
      await db?.connect();
      const reportKnex =
        options.engine === 'pg' ? pgKnex(database, 1) : undefined;
      const reportSql = reportKnex && {
        hotSummary: await capturedSql(reportKnex, r =>
          r.summary(READ_ALL, { entityRef: hotRef }),
        ),
        orgSummary: await capturedSql(reportKnex, r => r.summary(READ_ALL, {})),
        compliance90: await capturedSql(reportKnex, r =>
          r.compliance(READ_ALL, 'group', 90, async () => new Map()),
        ),
      };
      await reportKnex?.destroy();
      const ctx = {
        baseUrl: benchBaseUrl,
        adminToken,
        engineerToken,
        engineerRef: `user:default/${engineer}`,
        hotComponent: component(hotRef),
        medianComponent: component(medianRef),
        incidentIds: generator.sampleIncidentIds,
        seconds: options.duration,
        db,
        reportSql,
        log,
      };
      log('measuring');
      const operations = await measureOperations(ctx);
      log('isolation: catalog by-name alone, then beside the SLA dashboard');
      const isolation = await measureIsolation(ctx);
      await db?.end();

      const browser = browserWanted
        ? await timeEntityTab({
            baseUrl: benchBaseUrl,
            user: ENGINEER,
            componentName: hot.name,
            log,
          }).catch(error => {
            log(`  browser timing failed: ${error}`);
            return undefined;
          })
        : undefined;
      rss.stop();
      await backend.stop();
      backend = undefined;

      reports.push({
        label: size.label,
        incidents: size.incidents,
        engine: options.engine,
        seed,
        hot: { ref: hotRef, incidents: hotCount },
        median: { ref: medianRef, incidents: medianCount },
        admin: org.admin,
        engineer,
        operations,
        isolation,
        sweep,
        rss: { peak: rss.peak, largest: rss.largest },
        backendReadySeconds: readyMs / 1000,
        slaRefresh: refresh,
        browser,
      });
      if (!options.keep && options.engine === 'pg') {
        await dropDatabase(database);
        databases.splice(databases.indexOf(database), 1);
      }
    }
    if (!options.seedOnly) {
      const file = await writeReport({
        options,
        sizes: reports,
        frontend,
        frontendError,
      });
      log(`\nwritten to ${file}`);
    }
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  error => {
    log(String(error?.stack ?? error));
    process.exit(1);
  },
);
