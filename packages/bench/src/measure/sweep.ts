import { RecordStore } from '@backstage-itsm/plugin-itsm-backend/src/records/RecordStore';
import { SlaMonitor } from '@backstage-itsm/plugin-itsm-backend/src/sla/SlaMonitor';
import { SlaTimerStore } from '@backstage-itsm/plugin-itsm-backend/src/sla/SlaTimerStore';
import { SlaClock } from '@backstage-itsm/plugin-itsm-backend/src/sla/SlaClock';
import { Knex } from 'knex';

export interface SweepResult {
  ms: number;
  events: number;
}

/**
 * One SLA sweep over the seeded database, run here with the plugin's own SlaMonitor
 * wired as src/plugin.ts wires it (RecordStore → SlaTimerStore → SlaMonitor), at the
 * seed's clock: every warning and breach is recorded then, so nothing is due and the
 * figure is the sweep's fixed cost (its three index scans), which runs every minute.
 */
export async function timeSweep(
  db: Knex,
  clock: SlaClock,
  now: Date,
): Promise<SweepResult> {
  const records = new RecordStore(db);
  const monitor = new SlaMonitor({
    records,
    timers: new SlaTimerStore(records, clock),
    now: () => now,
  });
  await monitor.sweep(); // warm the connection pool and plans
  const start = process.hrtime.bigint();
  const events = await monitor.sweep();
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    events: events.length,
  };
}
