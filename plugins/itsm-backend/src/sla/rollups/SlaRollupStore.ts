import { Knex } from 'knex';
import path from 'path';
import { RecordStore } from '../../records/RecordStore';

/** One line of the rollups: what is counted under one key. */
export interface RollupLine {
  role: 'group' | 'primary' | 'affected';
  entity_ref: string;
  grp: string;
  kind: string;
  metric: string;
  day: string;
  met: number;
  breached: number;
  canceled: number;
  wall_sum_ms: number;
  wall_n: number;
  open_n: number;
  open_breached: number;
  open_at_risk: number;
}

/**
 * One line of a record's ledger: a rollup line narrowed to the instant its cycles count
 * at (null on the line of the cycles open now), so the ledger also sums parts of days.
 */
export interface LedgerLine extends RollupLine {
  counted_at: string | null;
}

/** The day of the lines that hold the cycles open now. */
export const OPEN_DAY = '';

const COUNTS = [
  'met',
  'breached',
  'canceled',
  'wall_sum_ms',
  'wall_n',
  'open_n',
  'open_breached',
  'open_at_risk',
] as const;

const zero = () =>
  Object.fromEntries(COUNTS.map(c => [c, 0])) as Pick<
    RollupLine,
    (typeof COUNTS)[number]
  >;
const KEY = ['day', 'role', 'entity_ref', 'grp', 'kind', 'metric'] as const;

const keyOf = (line: RollupLine) => KEY.map(k => line[k]).join('\u0000');

/** An instant as the ledger compares it: ISO (the engines return a Date or a string). */
const instant = (at: string | Date | null) =>
  at === null ? null : new Date(at).toISOString();

/** A ledger line with its counts, as text: equal lines, equal text. */
const ledgerText = (line: LedgerLine) =>
  [
    keyOf(line),
    instant(line.counted_at),
    ...COUNTS.map(c => Number(line[c])),
  ].join('\u0000');

/**
 * Keeps `itsm_sla_rollups` in step with the timers inside the transaction that changes
 * them. Each record's share is kept in its ledger (`itsm_sla_counted`); `sync` works out
 * the record's share now (its counted cycles by instant and day, its open cycles on the
 * line of day '', under its group and each of its CIs), and adds the difference to the
 * rollups. A reassignment, a new CI or a re-derived timer all move the record's counts
 * from the old keys to the new ones.
 */
export class SlaRollupStore {
  /** The record's share as it is now, from its timers, group and CIs. */
  async shareOf(db: Knex, recordId: string): Promise<LedgerLine[]> {
    const cycles = await db('itsm_sla_timers as t')
      .join('itsm_records as r', 'r.id', 't.record_id')
      .where('t.record_id', recordId)
      .where(q => q.whereNotNull('t.counted_day').orWhereNull('t.stopped_at'))
      .select(
        't.metric',
        't.status',
        't.counted_day',
        't.counted_at',
        't.stopped_at',
        't.wall_ms',
        'r.kind',
        'r.assignment_group',
      );
    if (cycles.length === 0) return [];
    const cis: { role: 'primary' | 'affected'; entity_ref: string }[] =
      await db('itsm_record_cis')
        .where({ record_id: recordId })
        .select('role', 'entity_ref');
    const lines = new Map<string, LedgerLine>();
    const holders = [{ role: 'group' as const, entity_ref: '' }, ...cis];
    for (const cycle of cycles) {
      const stopped = cycle.stopped_at !== null && cycle.status !== 'canceled';
      for (const holder of holders) {
        const at = (day: string, countedAt: string | null) => {
          const line: LedgerLine = {
            role: holder.role,
            entity_ref: holder.entity_ref,
            grp: cycle.assignment_group ?? '',
            kind: cycle.kind,
            metric: cycle.metric,
            day,
            counted_at: countedAt,
            ...zero(),
          };
          const k = `${keyOf(line)}\u0000${countedAt}`;
          const sum = lines.get(k) ?? line;
          lines.set(k, sum);
          return sum;
        };
        if (cycle.counted_day) {
          const sum = at(cycle.counted_day, instant(cycle.counted_at));
          if (cycle.status === 'met') sum.met++;
          if (cycle.status === 'breached') sum.breached++;
          if (cycle.status === 'canceled') sum.canceled++;
          if (stopped) {
            sum.wall_sum_ms += Number(cycle.wall_ms);
            sum.wall_n++;
          }
        }
        if (cycle.stopped_at === null) {
          const open = at(OPEN_DAY, null);
          open.open_n++;
          if (cycle.status === 'breached') open.open_breached++;
          if (cycle.status === 'at_risk') open.open_at_risk++;
        }
      }
    }
    return [...lines.values()];
  }

  /**
   * Brings the rollups in step with the record's timers; call in its transaction.
   * `fresh`: the record had no timers before this transaction, so it has no ledger yet
   * (a create: one read less).
   */
  async sync(
    trx: Knex.Transaction,
    recordId: string,
    options: { fresh?: boolean } = {},
  ): Promise<void> {
    const [before, now]: LedgerLine[][] = await Promise.all([
      options.fresh
        ? []
        : trx('itsm_sla_counted').where({ record_id: recordId }),
      this.shareOf(trx, recordId),
    ]);
    const same = (a: LedgerLine[], b: LedgerLine[]) => {
      const text = (lines: LedgerLine[]) => lines.map(ledgerText).sort();
      const [x, y] = [text(a), text(b)];
      return x.length === y.length && x.every((t, i) => t === y[i]);
    };
    if (same(before, now)) return;
    const delta = new Map<string, RollupLine>();
    const add = (line: RollupLine, sign: 1 | -1) => {
      const k = keyOf(line);
      const sum = delta.get(k) ?? {
        ...(Object.fromEntries(KEY.map(c => [c, line[c]])) as Pick<
          RollupLine,
          (typeof KEY)[number]
        >),
        ...zero(),
      };
      for (const c of COUNTS) sum[c] += sign * Number(line[c]);
      delta.set(k, sum);
    };
    before.forEach(line => add(line, -1));
    now.forEach(line => add(line, 1));
    const changed = [...delta.entries()]
      .filter(([, line]) => COUNTS.some(c => line[c] !== 0))
      // One order for every writer, so two transactions never wait on each other's rows.
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, line]) => line);
    // One statement for all lines (rows are taken in the order given).
    if (changed.length)
      await trx('itsm_sla_rollups')
        .insert(changed)
        .onConflict([...KEY])
        .merge(
          Object.fromEntries(
            COUNTS.map(c => [
              c,
              trx.raw(`itsm_sla_rollups.${c} + excluded.${c}`),
            ]),
          ),
        );
    // The ledger also changes when only an instant moved within its day.
    if (before.length)
      await trx('itsm_sla_counted').where({ record_id: recordId }).delete();
    if (now.length)
      await trx('itsm_sla_counted').insert(
        now.map(line => ({ record_id: recordId, ...line })),
      );
  }
}

/**
 * Rebuilds the ledger and the rollups from the timers, filling the counted columns of
 * every cycle first, and the change outcomes from the closed changes: for timers written around the plugin (bulk loads, benchmarks). Run
 * while nothing else writes.
 */
export async function rebuildSlaRollups(knex: Knex): Promise<void> {
  // The migration that introduced the rollups is the one definition of the fill.
  const migration = require(path.join(
    RecordStore.migrationsDir,
    '20261130090000_sla_rollups.js',
  ));
  await knex.transaction(async trx => {
    await trx('itsm_sla_rollups').delete();
    await trx('itsm_sla_counted').delete();
    await trx('itsm_change_outcomes').delete();
    await migration.fill(trx);
  });
}
