import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import type { FrontendBuild } from '../frontend/build';
import type { BrowserTiming } from '../frontend/browser';
import type { IsolationResult, OperationResult } from '../measure/operations';
import type { SweepResult } from '../measure/sweep';
import type { BenchOptions } from '../options';
import { benchPath } from '../paths';
import type { SeedResult } from '../seed/seeder';
import {
  bytes,
  growthTable,
  ms,
  operationsTable,
  ratio,
  table,
} from './format';

export interface SizeReport {
  label: string;
  incidents: number;
  engine: string;
  seed: SeedResult;
  hot: { ref: string; incidents: number };
  median: { ref: string; incidents: number };
  admin: string;
  engineer: string;
  operations: OperationResult[];
  isolation: IsolationResult;
  sweep: SweepResult;
  rss: { peak: number; largest: number };
  backendReadySeconds: number;
  slaRefresh?: { records: number; waitedMs: number };
  browser?: BrowserTiming;
}

function sizeSection(size: SizeReport): string {
  const iso = size.isolation;
  return [
    `## ${size.label} (${size.incidents.toLocaleString('en')} incidents, ${
      size.engine
    })`,
    '',
    `Hottest component ${size.hot.ref} (${size.hot.incidents} incidents), median ${size.median.ref} (${size.median.incidents}). ` +
      `Reports read as ${size.admin} (itsm-admins), records and writes as ${size.engineer} (owner group of the hottest component).`,
    '',
    operationsTable(size.operations),
    '',
    table(
      ['isolation: catalog by-name, c=10', 'req/s', 'p95 ms'],
      [
        ['alone', iso.aloneRps.toFixed(0), ms(iso.aloneP95)],
        [
          `with 10 clients on the org SLA dashboard (${iso.dashboardRps.toFixed(
            1,
          )} req/s, ${iso.dashboardErrors} errors)`,
          iso.loadedRps.toFixed(0),
          ms(iso.loadedP95),
        ],
        [
          'loaded / alone',
          ratio(iso.loadedRps, iso.aloneRps),
          ratio(iso.loadedP95, iso.aloneP95),
        ],
      ],
    ),
  ].join('\n');
}

function summaryTable(sizes: SizeReport[]): string {
  return table(
    ['figure', ...sizes.map(s => s.label)],
    [
      ['seeding, total s', ...sizes.map(s => s.seed.seconds.toFixed(1))],
      ...[...new Set(sizes.flatMap(s => Object.keys(s.seed.phases)))].map(
        phase => [
          `  ${phase}, s`,
          ...sizes.map(s => s.seed.phases[phase]?.toFixed(1) ?? '–'),
        ],
      ),
      ...[...new Set(sizes.flatMap(s => Object.keys(s.seed.rows)))].map(t => [
        `rows ${t}`,
        ...sizes.map(s => (s.seed.rows[t] ?? 0).toLocaleString('en')),
      ]),
      [
        'running SLA timers (running, at risk, paused)',
        ...sizes.map(s => s.seed.runningTimers.toLocaleString('en')),
      ],
      [
        'SLA sweep, nothing due, ms',
        ...sizes.map(
          s =>
            `${ms(s.sweep.ms)}${
              s.sweep.events ? ` (${s.sweep.events} events)` : ''
            }`,
        ),
      ],
      ['backend peak RSS, process tree', ...sizes.map(s => bytes(s.rss.peak))],
      [
        'backend peak RSS, largest process',
        ...sizes.map(s => bytes(s.rss.largest)),
      ],
      [
        'backend start to catalog ingested, s',
        ...sizes.map(s => s.backendReadySeconds.toFixed(0)),
      ],
      [
        'start-up SLA refresh (records re-derived; s after ready)',
        ...sizes.map(s =>
          s.slaRefresh
            ? `${s.slaRefresh.records} (${(
                s.slaRefresh.waitedMs / 1000
              ).toFixed(0)} s)`
            : 'not seen',
        ),
      ],
      [
        'browser: navigation → entity tab incident table, ms (first / again)',
        ...sizes.map(s =>
          s.browser
            ? `${ms(s.browser.firstMs)} / ${ms(s.browser.tableMs)}`
            : '–',
        ),
      ],
    ],
  );
}

function frontendSection(build: FrontendBuild): string {
  return [
    '## Frontend bundle',
    '',
    table(
      ['what', 'files', 'raw', 'gzip'],
      [
        [
          'whole bundle (JS + CSS)',
          String(build.total.files),
          bytes(build.total.raw),
          bytes(build.total.gzip),
        ],
        [
          'ITSM plugin chunks',
          String(build.itsm.files),
          bytes(build.itsm.raw),
          bytes(build.itsm.gzip),
        ],
      ],
    ),
    '',
    `ITSM chunks found by ${build.itsmMethod}: ${
      build.itsm.names.join(', ') || 'none'
    }${
      build.itsmModuleBytes !== undefined
        ? `; the ITSM modules themselves are ${bytes(
            build.itsmModuleBytes,
          )} before minification`
        : ''
    }. Build took ${build.seconds.toFixed(0)} s.`,
  ].join('\n');
}

export function renderReport(input: {
  options: BenchOptions;
  sizes: SizeReport[];
  frontend?: FrontendBuild;
  frontendError?: string;
  date: Date;
}): string {
  const { options, sizes, frontend, frontendError, date } = input;
  return [
    `# ITSM benchmark, ${date.toISOString()}`,
    '',
    `Engine ${options.engine}; ${options.duration} s per operation and concurrency; ` +
      `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${
        process.version
      }.`,
    '',
    ...sizes.flatMap(s => [sizeSection(s), '']),
    '## Growth (p95 at c=1)',
    '',
    growthTable(sizes.map(s => ({ label: s.label, operations: s.operations }))),
    '',
    '## Seeding, memory, sweep, start-up',
    '',
    summaryTable(sizes),
    '',
    ...(frontend ? [frontendSection(frontend), ''] : []),
    ...(frontendError
      ? [
          '## Frontend bundle',
          '',
          `Not measured: ${frontendError} (the browser timing used the previous build in packages/app/dist, if any).`,
          '',
        ]
      : []),
  ].join('\n');
}

/** Prints the report and writes it to results/<timestamp>.md and results/latest.md. */
export async function writeReport(input: {
  options: BenchOptions;
  sizes: SizeReport[];
  frontend?: FrontendBuild;
  frontendError?: string;
}): Promise<string> {
  const date = new Date();
  const markdown = renderReport({ ...input, date });
  process.stdout.write(`${markdown}\n`);
  const dir = benchPath('results');
  await mkdir(dir, { recursive: true });
  const file = `${dir}/${date.toISOString().replace(/[:.]/g, '-')}.md`;
  await writeFile(file, markdown, 'utf8');
  await writeFile(`${dir}/latest.md`, markdown, 'utf8');
  return file;
}
