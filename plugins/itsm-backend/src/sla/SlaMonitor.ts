import {
  Priority,
  RecordKind,
  SLA_METRIC_LABELS,
  SlaMetric,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordStore } from '../records/RecordStore';
import { NewTimelineEntry } from '../records/types';
import { SYSTEM_ACTOR } from '../records/actor';
import { toIsoOrNull } from '../records/time';
import { SlaTimerRow, SlaTimerStore } from './SlaTimerStore';

/** What the sweep recorded, for notifications (sent after the commit). */
export interface SlaEvent {
  type: 'sla_warning' | 'sla_breached';
  record: {
    id: string;
    kind: RecordKind;
    number: string;
    title: string;
    priority: Priority;
    assignee: string | null;
    assignmentGroup: string | null;
  };
  metric: SlaMetric;
  cycle: number;
  /** sla_warning: the threshold crossed (0.75 = 75 %). */
  threshold?: number;
  dueAt: string | null;
}

const percent = (f: number) => `${Math.round(f * 100)} %`;

/** `itsm_sla_state` key of the fingerprint the timers were last refreshed under. */
const FINGERPRINT = 'policy_fingerprint';

/** A cycle stopped longer ago than this is history to the sweep. */
const HISTORY_AFTER_MS = 24 * 3_600_000;

/**
 * The scheduled side of the SLA (docs/domain-rules.md §4): finds timers that crossed a warning
 * threshold or their target, records "SLA warning" / "SLA breached" on the timeline
 * and hands the events to the notifier. Exactly once, with any number of backend
 * instances: each record is handled under its row lock, and every warning or breach is
 * claimed by a conditional UPDATE that only one transaction can win.
 */
export class SlaMonitor {
  constructor(
    private readonly options: {
      records: RecordStore;
      timers: SlaTimerStore;
      onEvent?: (event: SlaEvent) => Promise<void>;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.options.now?.() ?? new Date();
  }

  /**
   * One pass over everything due, batch after batch (each record in a transaction of
   * its own), so a thousand timers due at once are all recorded in this pass rather
   * than two hundred a minute. A record is handled once per pass; returns what this
   * instance recorded.
   */
  async sweep(batch = 200, maxBatches = 50): Promise<SlaEvent[]> {
    const { timers } = this.options;
    const recorded: SlaEvent[] = [];
    const handled = new Set<string>();
    for (let b = 0; b < maxBatches; b++) {
      const due = (await timers.dueForSweep(this.now(), batch)).filter(
        id => !handled.has(id),
      );
      if (due.length === 0) break;
      for (const id of due) {
        handled.add(id);
        recorded.push(...(await this.sweepRecord(id)));
      }
    }
    for (const event of recorded) await this.options.onEvent?.(event);
    return recorded;
  }

  private sweepRecord(recordId: string): Promise<SlaEvent[]> {
    const { records, timers } = this.options;
    return records.transaction(async trx => {
      const row = await records.lock(trx, recordId);
      if (!row) return [];
      const at = this.now();
      const atIso = at.toISOString();
      // Status and due times as of now, under the lock: a transition that stopped the
      // clock meanwhile wins, and so does the other instance if it got here first.
      const policy = await timers.recompute(trx, recordId, at);
      const thresholds = policy?.warningThresholds ?? [];
      const entries: NewTimelineEntry[] = [];
      const events: SlaEvent[] = [];
      const record: SlaEvent['record'] = {
        id: row.id,
        kind: row.kind,
        number: row.number,
        title: row.title,
        priority: row.priority as Priority,
        assignee: row.assignee ?? null,
        assignmentGroup: row.assignment_group ?? null,
      };
      const event = (
        type: SlaEvent['type'],
        timer: SlaTimerRow,
        body: string,
        threshold?: number,
      ) => {
        entries.push({ type, body });
        events.push({
          type,
          record,
          metric: timer.metric as SlaMetric,
          cycle: timer.cycle,
          dueAt: toIsoOrNull(timer.due_at),
          ...(threshold !== undefined ? { threshold } : {}),
        });
      };
      for (const timer of await timers.rowsOf(trx, recordId)) {
        const label = `${SLA_METRIC_LABELS[timer.metric as SlaMetric]} SLA`;
        if (timer.status === 'breached') {
          if (
            timer.breach_recorded_at === null &&
            (await timers.claim(trx, timer, { breachAt: atIso })) &&
            !SlaMonitor.isHistory(timer, at)
          ) {
            event(
              'sla_breached',
              timer,
              `${label} breached: target reached (policy "${timer.policy_name}")`,
            );
          }
          continue;
        }
        if (timer.stopped_at !== null || timer.status === 'paused') continue;
        // Elapsed as of now (just re-derived): the highest threshold not yet recorded.
        const reached = Number(timer.elapsed_ms) / Number(timer.target_ms);
        const threshold = thresholds
          .filter(f => f <= reached && f > Number(timer.warned_threshold))
          .pop();
        if (
          threshold !== undefined &&
          (await timers.claim(trx, timer, { warnedThreshold: threshold }))
        ) {
          event(
            'sla_warning',
            timer,
            `${label} at ${percent(threshold)} of its target (policy "${
              timer.policy_name
            }")`,
            threshold,
          );
        }
      }
      if (entries.length) {
        await records.appendTimeline(
          trx,
          recordId,
          SYSTEM_ACTOR,
          atIso,
          entries,
        );
        // The next warning moves on past the one just recorded.
        await timers.recompute(trx, recordId, at);
      }
      return events;
    });
  }

  /**
   * A breach of a cycle that stopped long before this sweep (records from before the SLA
   * engine, or imported history) is marked as recorded without a timeline entry or a
   * notification: nobody can act on it any more.
   */
  static isHistory(timer: SlaTimerRow, now: Date): boolean {
    return (
      timer.stopped_at !== null &&
      now.getTime() - new Date(timer.stopped_at).getTime() > HISTORY_AFTER_MS
    );
  }

  /**
   * Re-derives the timers of open records and of records that have none, when the
   * policies (or the derivation) changed since the last refresh: after an upgrade or a
   * config change, not every day. In batches, one transaction per batch, each record
   * under its row lock; returns how many records were re-derived.
   */
  async refresh(batch = 100): Promise<number> {
    const { records, timers } = this.options;
    const fingerprint = timers.clock.fingerprint();
    const state = () => records.db('itsm_sla_state');
    const stored = await state().where({ key: FINGERPRINT }).first();
    if (stored?.value === fingerprint) return 0;
    let count = 0;
    let after: string | undefined;
    for (;;) {
      const ids = await timers.needingRefresh(batch, after);
      if (ids.length === 0) break;
      await records.transaction(async trx => {
        for (const id of ids) {
          if (await records.lock(trx, id)) {
            await timers.recompute(trx, id, this.now());
          }
        }
      });
      count += ids.length;
      after = ids[ids.length - 1];
    }
    await state()
      .insert({ key: FINGERPRINT, value: fingerprint })
      .onConflict('key')
      .merge();
    return count;
  }
}
