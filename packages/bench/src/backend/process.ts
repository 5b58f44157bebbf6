import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { repoPath } from '../paths';

/**
 * The real backend as `yarn start` runs it: `backstage-cli package start` in
 * packages/backend spawns `node --enable-source-maps --require <nodeTransform>
 * src/index --config …` with NODE_ENV=development; this spawns exactly that child,
 * without the CLI's file watcher around it, which restarts the backend whenever a
 * source file changes (the plugin under work, the app's build output) and would
 * restart it in the middle of a measurement. It runs in a process group of its own so
 * that it and every child can be stopped together, whatever happens to the bench.
 */
export class BackendProcess {
  private child?: ChildProcess;
  private exited = false;

  constructor(
    private readonly configFile: string,
    private readonly logFile: string,
  ) {}

  start(): void {
    const log = createWriteStream(this.logFile);
    this.child = spawn(
      process.execPath,
      [
        // e.g. --cpu-prof --cpu-prof-dir=/tmp/prof, to profile the backend under load.
        ...(process.env.ITSM_BENCH_BACKEND_NODE_OPTIONS?.split(' ').filter(
          Boolean,
        ) ?? []),
        '--enable-source-maps',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'src/index',
        '--config',
        this.configFile,
      ],
      {
        cwd: repoPath('packages/backend'),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'development',
          FORCE_COLOR: '0',
          ESBK_TSCONFIG_PATH: repoPath('tsconfig.json'),
        },
      },
    );
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    this.child.on('exit', () => {
      this.exited = true;
    });
    process.once('exit', () => this.killGroup('SIGKILL'));
  }

  get pid(): number {
    return this.child!.pid!;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  private killGroup(signal: NodeJS.Signals) {
    if (!this.child?.pid || this.exited) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // Already gone.
    }
  }

  /** SIGTERM to the whole group, SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (!this.child?.pid) return;
    this.killGroup('SIGTERM');
    const deadline = Date.now() + 10_000;
    while (!this.exited && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 100));
    this.killGroup('SIGKILL');
    // The group outlives the yarn parent: make sure no child keeps the port.
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Gone.
    }
  }
}

/** RSS in bytes of a process and all its descendants, from /proc. */
export async function treeRss(
  rootPid: number,
): Promise<{ total: number; largest: number }> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const pid = Number(entry);
      rss.set(pid, kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  let largest = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    const bytes = rss.get(pid) ?? 0;
    total += bytes;
    largest = Math.max(largest, bytes);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

/**
 * Samples the tree's RSS every 200 ms; `peak` is the largest sum seen, `largest` the
 * largest single process (the node process that serves).
 */
export class RssSampler {
  peak = 0;
  largest = 0;
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(private readonly pid: number) {}

  start(): void {
    this.timer = setInterval(async () => {
      if (this.busy) return;
      this.busy = true;
      try {
        const { total, largest } = await treeRss(this.pid);
        this.peak = Math.max(this.peak, total);
        this.largest = Math.max(this.largest, largest);
      } finally {
        this.busy = false;
      }
    }, 200);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
