import { Knex } from 'knex';
import { RecordGenerator } from './generate';

/** What to seed: the generator's records for `incidents` incidents, with progress to `log`. */
export interface SeedRun {
  generator: RecordGenerator;
  incidents: number;
  log: (line: string) => void;
}

/** What a seeder did, for the report. */
export interface SeedResult {
  database: string;
  seconds: number;
  phases: Record<string, number>;
  rows: Record<string, number>;
  runningTimers: number;
}

/** Sets the human numbers' sequences past the seeded records of each kind. */
export async function setSequences(
  db: Knex,
  counts: RecordGenerator['counts'],
): Promise<void> {
  for (const [kind, lastValue] of Object.entries(counts)) {
    await db('itsm_sequences')
      .where({ kind })
      .update({ last_value: lastValue });
  }
}

/** The result of a seed started at `started`: with the SLA timers it left running. */
export async function seedResult(
  db: Knex,
  started: number,
  seeded: Pick<SeedResult, 'database' | 'phases' | 'rows'>,
): Promise<SeedResult> {
  const [{ n }] = await db('itsm_sla_timers')
    .whereIn('status', ['running', 'at_risk', 'paused'])
    .count({ n: '*' });
  return {
    ...seeded,
    seconds: (Date.now() - started) / 1000,
    runningTimers: Number(n),
  };
}
