import {
  RecordKind,
  RecordSla,
  SlaTimer,
} from '@backstage-itsm/plugin-itsm-common';
import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { toIso, toIsoOrNull } from '../records/time';
import { addBusinessMillis } from './calendar';
import { SlaPolicy } from './policy';
import { SlaClock, SlaSubjectRecord } from './SlaClock';
import { countedColumns, SlaRollupStore } from './rollups';

/** A row of `itsm_sla_timers` as knex returns it. */
export interface SlaTimerRow {
  record_id: string;
  metric: string;
  cycle: number;
  policy_name: string;
  status: string;
  target_ms: number | string;
  elapsed_ms: number | string;
  started_at: Date | string;
  stopped_at: Date | string | null;
  due_at: Date | string | null;
  breached_at: Date | string | null;
  next_warning_at: Date | string | null;
  warned_threshold: number;
  breach_recorded_at: Date | string | null;
  evaluated_at: Date | string;
  counted_day?: string | null;
}

const TIMERS = 'itsm_sla_timers';

/**
 * The stored SLA timers: one row per record, metric and cycle, rewritten from the
 * timeline by `recompute` inside the transaction of every transition (RecordStore calls
 * it), so that stored status and due times never lag behind the record.
 */
export class SlaTimerStore {
  /** The report rollups, kept in step with the timers in the same transaction. */
  readonly rollups = new SlaRollupStore();

  constructor(
    private readonly records: RecordStore,
    readonly clock: SlaClock,
  ) {}

  /** Keeps the timers in step with every append that moves a clock, in its transaction. */
  attach(): this {
    this.records.onAppend(async (trx, recordId, at, entries) => {
      if (entries.some(SlaClock.movesClock)) {
        await this.recompute(trx, recordId, new Date(at));
      } else if (entries.some(e => e.type === 'field_changed')) {
        // A reassignment or new CIs move the record's counts to other rollup keys.
        await this.records.atEnd(trx, `sla-rollups:${recordId}`, () =>
          this.rollups.sync(trx, recordId),
        );
      }
    });
    return this;
  }

  /** The facts of a record that decide its policy (read in `db`, e.g. a transaction). */
  async subjectOf(
    db: Knex,
    recordId: string,
  ): Promise<SlaSubjectRecord | undefined> {
    const row = await db('itsm_records as r')
      .leftJoin('itsm_requests as q', 'q.record_id', 'r.id')
      .leftJoin('itsm_incidents as i', 'i.record_id', 'r.id')
      .where('r.id', recordId)
      .first(
        'r.kind',
        'r.priority',
        'r.ci_tier',
        'r.created_at',
        'q.fulfillment_target',
        'i.acknowledged_at',
      );
    if (!row) return undefined;
    return {
      kind: row.kind as RecordKind,
      priority: row.priority,
      tier: row.ci_tier ?? null,
      fulfillmentTarget: row.fulfillment_target ?? null,
      acknowledgedAtCreation:
        !!row.acknowledged_at &&
        toIso(row.acknowledged_at) === toIso(row.created_at),
    };
  }

  /**
   * Re-derives a record's timers at `now` and writes them: new cycles are inserted,
   * existing ones updated (the sweep's markers are kept), vanished ones (a policy
   * without that metric any more) deleted. A request's due time follows its timer.
   */
  async recompute(
    trx: Knex.Transaction,
    recordId: string,
    now: Date,
  ): Promise<SlaPolicy | undefined> {
    const subject = await this.subjectOf(trx, recordId);
    if (!subject) return undefined;
    const timeline = await this.records.getTimeline(recordId, trx);
    const { policy, timers } = this.clock.evaluate(subject, timeline, now);
    const existing: SlaTimerRow[] = await trx(TIMERS).where({
      record_id: recordId,
    });
    const key = (metric: string, cycle: number) => `${metric}#${cycle}`;
    const stored = new Map(existing.map(r => [key(r.metric, r.cycle), r]));
    const keep = new Set<string>();
    const inserts: Record<string, unknown>[] = [];
    // Whether the record has cycles the rollups hold (counted or open), before or
    // after: if neither, its rollup ledger is empty and stays so (nothing to sync).
    let counted = existing.some(row => row.counted_day || !row.stopped_at);
    for (const timer of timers) {
      for (const [index, cycle] of timer.cycles.entries()) {
        const k = key(timer.metric, index + 1);
        keep.add(k);
        const previous = stored.get(k);
        const warned = previous ? Number(previous.warned_threshold) : 0;
        const columns = {
          policy_name: policy!.name,
          status: cycle.status,
          target_ms: timer.target,
          elapsed_ms: Math.round(cycle.elapsed),
          started_at: cycle.startedAt,
          stopped_at: cycle.stoppedAt,
          due_at: cycle.dueAt,
          breached_at: cycle.breachedAt ?? null,
          next_warning_at: nextWarningAt(policy!, timer, cycle, warned, now),
          evaluated_at: now.toISOString(),
          ...countedColumns({
            status: cycle.status,
            startedAt: cycle.startedAt,
            stoppedAt: cycle.stoppedAt,
            breachedAt: cycle.breachedAt ?? null,
          }),
        };
        if (columns.counted_day || !columns.stopped_at) counted = true;
        if (previous) {
          await trx(TIMERS)
            .where({
              record_id: recordId,
              metric: timer.metric,
              cycle: index + 1,
            })
            .update(columns);
        } else {
          inserts.push({
            record_id: recordId,
            metric: timer.metric,
            cycle: index + 1,
            ...columns,
          });
        }
      }
    }
    if (inserts.length) await trx(TIMERS).insert(inserts);
    for (const row of existing) {
      if (!keep.has(key(row.metric, row.cycle))) {
        await trx(TIMERS)
          .where({ record_id: recordId, metric: row.metric, cycle: row.cycle })
          .delete();
      }
    }
    if (subject.kind === 'request') {
      const due = timers.find(t => t.metric === 'resolution')?.dueAt;
      if (due) {
        await trx('itsm_requests')
          .where({ record_id: recordId })
          .update({ due_at: due });
      }
    }
    if (counted) {
      const fresh = existing.length === 0;
      await this.records.atEnd(trx, `sla-rollups:${recordId}`, () =>
        this.rollups.sync(trx, recordId, { fresh }),
      );
    }
    return policy;
  }

  /** A record's policy and timers evaluated at `now`, with their explanation. */
  async describe(recordId: string, now: Date): Promise<RecordSla> {
    const subject = await this.subjectOf(this.records.db, recordId);
    if (!subject) throw new NotFoundError(`No record ${recordId}`);
    const timeline = await this.records.getTimeline(recordId);
    return this.clock.describe(subject, timeline, now);
  }

  /** A record's stored timer rows (the sweep reads them under the record's lock). */
  rowsOf(db: Knex, recordId: string): Promise<SlaTimerRow[]> {
    return db(TIMERS)
      .where({ record_id: recordId })
      .orderBy([{ column: 'metric' }, { column: 'cycle' }]);
  }

  /**
   * The sweep's selections at `now`: a breach not yet recorded (stored as breached, or
   * running past its due time) or a warning threshold reached. Each matches a partial
   * index of running cycles (migration 20261130090000), so with nothing due they are
   * short index probes, whatever the history.
   */
  sweepQueries(now: Date, limit: number): Knex.QueryBuilder[] {
    const at = now.toISOString();
    const timers = () => this.records.db(TIMERS);
    return [
      timers().whereNull('breach_recorded_at').andWhere('status', 'breached'),
      timers()
        .where('due_at', '<=', at)
        .whereNull('breach_recorded_at')
        .whereNull('stopped_at'),
      timers().where('next_warning_at', '<=', at).whereNull('stopped_at'),
    ].map(query => query.distinct('record_id').limit(limit));
  }

  /** Records with something for the sweep at `now` (see sweepQueries). */
  async dueForSweep(now: Date, limit: number): Promise<string[]> {
    const ids = new Set<string>();
    for (const query of this.sweepQueries(now, limit)) {
      (await query).forEach((row: { record_id: string }) =>
        ids.add(row.record_id),
      );
    }
    return [...ids].slice(0, limit);
  }

  /**
   * Claims one notice of a timer cycle — its breach, or a warning threshold — for
   * whoever records it: true for exactly one caller, whatever the number of backend
   * instances.
   */
  async claim(
    trx: Knex.Transaction,
    row: SlaTimerRow,
    notice: { breachAt: string } | { warnedThreshold: number },
  ): Promise<boolean> {
    const cycle = trx(TIMERS).where({
      record_id: row.record_id,
      metric: row.metric,
      cycle: row.cycle,
    });
    const updated = await ('breachAt' in notice
      ? cycle
          .whereNull('breach_recorded_at')
          .update({ breach_recorded_at: notice.breachAt })
      : cycle
          .where('warned_threshold', '<', notice.warnedThreshold)
          .update({ warned_threshold: notice.warnedThreshold }));
    return updated === 1;
  }

  /**
   * Records that are open (their policy may have changed) or of a measured kind and
   * without timers yet (raised before this version).
   */
  async needingRefresh(limit: number, after?: string): Promise<string[]> {
    const query = this.records
      .db('itsm_records as r')
      .whereIn('r.kind', this.clock.measuredKinds())
      .where(inner =>
        inner
          .where('r.is_open', true)
          .orWhereNotExists(
            this.records
              .db(TIMERS)
              .whereRaw('record_id = r.id')
              .select('record_id'),
          ),
      )
      .orderBy('r.id')
      .limit(limit)
      .select('r.id');
    if (after) query.where('r.id', '>', after);
    return (await query).map(row => row.id);
  }
}

/**
 * When the next warning not yet recorded is reached: only for running cycles, the
 * lowest threshold above the recorded one. A threshold already crossed is due now.
 */
function nextWarningAt(
  policy: SlaPolicy,
  timer: SlaTimer,
  cycle: SlaTimer['cycles'][number],
  warned: number,
  now: Date,
): string | null {
  if (cycle.stoppedAt !== null || cycle.dueAt === null) return null;
  if (cycle.status === 'breached') return null;
  const next = policy.warningThresholds.find(f => f > warned);
  if (next === undefined) return null;
  const remaining = next * timer.target - cycle.elapsed;
  if (remaining <= 0) return now.toISOString();
  return addBusinessMillis(policy.calendar, now, remaining).toISOString();
}

/** Maps a stored row's times. */
export function timerRowTimes(row: SlaTimerRow) {
  return {
    startedAt: toIso(row.started_at),
    stoppedAt: toIsoOrNull(row.stopped_at),
    dueAt: toIsoOrNull(row.due_at),
    breachedAt: toIsoOrNull(row.breached_at),
    evaluatedAt: toIso(row.evaluated_at),
  };
}
