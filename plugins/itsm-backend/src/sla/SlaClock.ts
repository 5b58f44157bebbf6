import {
  isoDurationMillis,
  mapRecordKinds,
  RecordKind,
  RecordSla,
  SlaMetric,
  SlaTimer,
  slaStateModel,
  TimelineEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { createHash } from 'crypto';
import { addBusinessMillis, parseCalendars } from './calendar';
import { SlaPolicy, selectPolicy } from './policy';
import { SlaHistoryEvent, SlaStateModel, deriveTimer } from './timers';

/** What starts, stops and cancels the clocks of each kind (its declaration). */
export const SLA_STATE_MODELS: Record<RecordKind, SlaStateModel> =
  mapRecordKinds((_declaration, kind) => slaStateModel(kind));

/** The facts of a record that decide its policy and clocks. */
export interface SlaSubjectRecord {
  kind: RecordKind;
  priority: string;
  /** The primary CI's tier annotation, if it has one. */
  tier: string | null;
  /** A request's fulfilment target (ISO-8601, from its offering). */
  fulfillmentTarget?: string | null;
  /** An incident acknowledged at creation (assigned when raised). */
  acknowledgedAtCreation?: boolean;
}

/** Fields whose change can change the policy (priority) or stop a clock (assignee). */
const CLOCK_FIELDS: ReadonlySet<string> = new Set(['priority', 'assignee']);

/** Used for requests when no policy names them: the offering's target, around the clock. */
const REQUEST_FALLBACK_CALENDAR = parseCalendars({ '24x7': { type: '24x7' } })[
  '24x7'
];

/**
 * Reads an offering's fulfilment target as the catalog validated it (itsm-common's one
 * duration reader; weeks count 7 days).
 */
export function fulfillmentTargetMillis(iso: string): number | undefined {
  return isoDurationMillis(iso, { fractionalSeconds: true });
}

/**
 * The SLA clock of the plugin: picks the policy of a record (first match of
 * `itsm.sla.policies`) and derives its timers from the timeline. Pure; storage and
 * scheduling live in SlaTimerStore and SlaMonitor.
 */
/**
 * Bump when the way timers are derived from a timeline changes: every open record's
 * timers are then re-derived once at start-up, as after a policy change.
 */
const DERIVATION_VERSION = 2;

export class SlaClock {
  constructor(private readonly policies: readonly SlaPolicy[]) {}

  /**
   * What the stored timers were derived under: the policies with their calendars and
   * the derivation's version. Equal fingerprints mean nothing needs re-deriving.
   */
  fingerprint(): string {
    const json = JSON.stringify(
      { version: DERIVATION_VERSION, policies: this.policies },
      (_key, value) => (value instanceof Set ? [...value].sort() : value),
    );
    return createHash('sha256').update(json).digest('hex');
  }

  /**
   * The policy that applies, with a request's resolution target replaced by its
   * offering's fulfilment target (requests always have a resolution clock).
   */
  policyFor(record: SlaSubjectRecord): SlaPolicy | undefined {
    const selected = selectPolicy(this.policies, {
      kind: record.kind,
      priority: record.priority,
      tiers: record.tier ? [record.tier] : [],
    });
    if (record.kind !== 'request' || !record.fulfillmentTarget) return selected;
    const target = fulfillmentTargetMillis(record.fulfillmentTarget);
    if (target === undefined) return selected;
    const base: SlaPolicy = selected ?? {
      name: 'Offering fulfilment target',
      appliesTo: { kind: 'request' },
      calendarName: '24x7',
      calendar: REQUEST_FALLBACK_CALENDAR,
      targets: {},
      targetsIso: {},
      pauseStates: [],
      warningThresholds: [0.5, 0.75],
    };
    return {
      ...base,
      targets: { ...base.targets, resolution: target },
      targetsIso: { ...base.targetsIso, resolution: record.fulfillmentTarget },
    };
  }

  /** The kinds that can have timers (requests always: their offerings set a target). */
  measuredKinds(): RecordKind[] {
    const kinds = new Set<string>(this.policies.map(p => p.appliesTo.kind));
    kinds.add('request');
    return (['incident', 'change', 'request'] as RecordKind[]).filter(k =>
      kinds.has(k),
    );
  }

  /** When a request ordered at `at` is due, counted in its policy's calendar. */
  dueAt(record: SlaSubjectRecord, at: Date): Date | undefined {
    const policy = this.policyFor(record);
    const target = policy?.targets.resolution;
    if (!policy || target === undefined) return undefined;
    return addBusinessMillis(policy.calendar, at, target);
  }

  /** The record's timers at `now`, from its timeline. */
  evaluate(
    record: SlaSubjectRecord,
    timeline: readonly TimelineEntry[],
    now: Date,
  ): { policy: SlaPolicy | undefined; timers: SlaTimer[] } {
    const policy = this.policyFor(record);
    if (!policy) return { policy, timers: [] };
    const history = SlaClock.historyOf(record, timeline);
    const metrics = (['response', 'resolution'] as SlaMetric[]).filter(
      metric => policy.targets[metric] !== undefined,
    );
    const timers = metrics.map(metric =>
      deriveTimer(
        policy,
        policy.calendar,
        metric,
        history,
        now,
        SLA_STATE_MODELS[record.kind],
      ),
    );
    return { policy, timers };
  }

  /** The API view of `evaluate`. */
  describe(
    record: SlaSubjectRecord,
    timeline: readonly TimelineEntry[],
    now: Date,
  ): RecordSla {
    const { policy, timers } = this.evaluate(record, timeline, now);
    return {
      policy: policy
        ? {
            name: policy.name,
            calendar: policy.calendarName,
            targets: policy.targetsIso,
            warningThresholds: policy.warningThresholds,
            pauseStates: policy.pauseStates,
          }
        : null,
      timers,
      evaluatedAt: now.toISOString(),
    };
  }

  /**
   * Whether a timeline entry can change a record's timers: its creation, a state
   * change, or a field the policy or the acknowledgement depends on (priority,
   * assignee). Comments, title edits and SLA entries do not.
   */
  static movesClock(entry: {
    type: string;
    changes?: { field: string }[];
  }): boolean {
    if (entry.type === 'created' || entry.type === 'state_changed') return true;
    return (
      entry.type === 'field_changed' &&
      !!entry.changes?.some(c => CLOCK_FIELDS.has(c.field))
    );
  }

  /**
   * The timeline as the clock reads it. Taking an incident (an assignee set) is an
   * acknowledgement: it stops the response clock as leaving `new` does (docs/domain-rules.md §3).
   */
  static historyOf(
    record: SlaSubjectRecord,
    timeline: readonly TimelineEntry[],
  ): SlaHistoryEvent[] {
    return timeline.map(entry => {
      const event: SlaHistoryEvent = {
        at: entry.at,
        type: entry.type,
        seq: entry.seq,
      };
      if (entry.toState) event.toState = entry.toState;
      const assigned =
        entry.type === 'field_changed' &&
        entry.changes?.some(c => c.field === 'assignee' && !!c.to);
      const assignedAtCreation =
        entry.type === 'created' && !!record.acknowledgedAtCreation;
      if (record.kind === 'incident' && (assigned || assignedAtCreation)) {
        event.acknowledges = true;
      }
      return event;
    });
  }
}
