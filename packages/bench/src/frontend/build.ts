import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoPath } from '../paths';

export interface BundleFigures {
  files: number;
  raw: number;
  gzip: number;
  names: string[];
}

export interface FrontendBuild {
  seconds: number;
  total: BundleFigures;
  itsm: BundleFigures;
  /** How the ITSM chunks were told apart. */
  itsmMethod: string;
  /** Unminified size of the ITSM modules themselves (stats only). */
  itsmModuleBytes?: number;
}

const APP_DIST = repoPath('packages/app/dist');
const BUILD_TIMEOUT_MS = 8 * 60_000;

/** Whether a built app is there for the browser (even if this run's build failed). */
export async function appIsBuilt(): Promise<boolean> {
  return stat(join(APP_DIST, 'index.html')).then(
    () => true,
    () => false,
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(e =>
      e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
    ),
  );
  return nested.flat();
}

/**
 * Chunk files holding modules from plugins/itsm (and itsm-common), per the bundler's
 * stats (`--stats` writes dist/bundle-stats.json), with the modules' own size.
 */
async function itsmChunksFromStats(): Promise<
  { files: Set<string>; moduleBytes: number } | undefined
> {
  const statsFile = join(APP_DIST, 'bundle-stats.json');
  const text = await readFile(statsFile, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const stats = JSON.parse(text);
  const isItsm = (m: any) =>
    /plugins\/itsm(-common)?\//.test(`${m.name ?? ''} ${m.identifier ?? ''}`);
  const chunkIds = new Set<string>();
  let moduleBytes = 0;
  for (const m of stats.modules ?? []) {
    const nested: any[] = m.modules ?? [];
    if (isItsm(m)) moduleBytes += nested.length ? 0 : m.size ?? 0;
    for (const n of nested) if (isItsm(n)) moduleBytes += n.size ?? 0;
    if (isItsm(m) || nested.some(isItsm))
      for (const id of m.chunks ?? []) chunkIds.add(String(id));
  }
  const files = new Set<string>();
  for (const chunk of stats.chunks ?? []) {
    if (chunkIds.has(String(chunk.id)))
      for (const f of chunk.files ?? []) files.add(f);
  }
  return files.size ? { files, moduleBytes } : undefined;
}

/** Fallback: chunks containing strings only the ITSM frontend has (API paths). */
const ITSM_MARKERS = [
  '/sla/summary',
  '/approvals/pending',
  'itsm.backstage.io',
];

/**
 * Production build of packages/app (`yarn workspace app build --stats`), then the
 * gzipped size of every JS/CSS file and of those that belong to the ITSM plugin.
 */
export async function buildApp(
  log: (line: string) => void,
): Promise<FrontendBuild> {
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('yarn', ['workspace', 'app', 'build', '--stats'], {
      cwd: repoPath(),
      stdio: ['ignore', 'pipe', 'pipe'],
      // A group of its own: a stalled build is stopped with all its children.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    // The build has been seen to stall after writing part of its stats (idle, never
    // exiting): give up after a while instead of hanging the whole bench.
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }, BUILD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `app build failed (${signal ?? code}${
              signal === 'SIGKILL'
                ? `, stalled over ${BUILD_TIMEOUT_MS / 60_000} min`
                : ''
            }):\n${output.slice(-1000)}`,
          ),
        );
    });
  });
  const seconds = (Date.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);

  const assets = (await filesUnder(APP_DIST)).filter(f =>
    /\.(js|css)$/.test(f),
  );
  const fromStats = await itsmChunksFromStats();
  const total: BundleFigures = { files: 0, raw: 0, gzip: 0, names: [] };
  const itsm: BundleFigures = { files: 0, raw: 0, gzip: 0, names: [] };
  for (const file of assets) {
    const content = await readFile(file);
    const size = (await stat(file)).size;
    const gz = gzipSync(content, { level: 9 }).length;
    total.files++;
    total.raw += size;
    total.gzip += gz;
    const name = relative(APP_DIST, file);
    const belongs = fromStats
      ? fromStats.files.has(name)
      : ITSM_MARKERS.some(m => content.includes(m));
    if (belongs) {
      itsm.files++;
      itsm.raw += size;
      itsm.gzip += gz;
      itsm.names.push(name);
    }
  }
  return {
    seconds,
    total,
    itsm,
    itsmModuleBytes: fromStats?.moduleBytes,
    itsmMethod: fromStats
      ? 'module paths in the bundler stats (plugins/itsm, plugins/itsm-common)'
      : `marker strings (${ITSM_MARKERS.join(', ')})`,
  };
}
