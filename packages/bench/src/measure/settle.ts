import { readFile } from 'node:fs/promises';

/** Busy and total CPU time of the machine so far (jiffies, all cores), from /proc/stat. */
async function cpuTimes(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0];
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Waits until the machine is quiet (under `busyShare` of its CPU for half a second), at
 * most `maxMs`: work a previous run left behind (notifications sent after the
 * response, the database's own clean-up) is not charged to the next operation.
 * Returns how long it waited.
 */
export async function settle(
  busyShare = 0.15,
  maxMs = 60_000,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const a = await cpuTimes();
    await new Promise(resolve => setTimeout(resolve, 500));
    const b = await cpuTimes();
    const share = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    if (share < busyShare) break;
  }
  return Date.now() - started;
}
