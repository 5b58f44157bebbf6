import { RecordCore } from '../records';

/** The two clocks of docs/domain-rules.md §4: until someone responds, until it is resolved. */
export type SlaMetric = 'response' | 'resolution';

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  response: 'Response',
  resolution: 'Resolution',
};

export type SlaTimerStatus =
  | 'running'
  | 'paused'
  | 'at_risk'
  | 'breached'
  | 'met'
  | 'canceled';

/** One timeline event that started, paused, resumed or stopped a timer. */
export interface SlaExplanationEntry {
  at: string;
  event: 'started' | 'paused' | 'resumed' | 'stopped';
  /** The new state that caused it, if any. */
  state?: string;
  /** Sequence number of the timeline entry. */
  seq?: number;
}

/** One cycle of a timer (a reopened incident starts a new resolution cycle). */
export interface SlaTimerCycle {
  startedAt: string;
  /** null while the cycle is open. */
  stoppedAt: string | null;
  /** Business milliseconds, pauses excluded. */
  elapsed: number;
  status: SlaTimerStatus;
  /** When the running time reaches the target; null when paused or stopped. */
  dueAt: string | null;
  /** Breached cycles: the instant the running time reached the target. */
  breachedAt?: string;
  /** Warning thresholds (fractions of the target) already crossed. */
  thresholdsCrossed: number[];
  pauses: { start: string; end: string | null }[];
  explanation: SlaExplanationEntry[];
}

/** A timer as derived from the timeline; top-level fields are the current cycle's. */
export interface SlaTimer {
  metric: SlaMetric;
  /** Target in business milliseconds of the policy's calendar (24×7: wall clock). */
  target: number;
  /** Business milliseconds elapsed, pauses excluded. */
  elapsed: number;
  status: SlaTimerStatus;
  dueAt: string | null;
  thresholdsCrossed: number[];
  /** All cycles, oldest first (response: exactly one). */
  cycles: SlaTimerCycle[];
  /** Explanation of all cycles, in order. */
  explanation: SlaExplanationEntry[];
}

/** The SLA of one record: the policy that applies and its timers, evaluated now. */
export interface RecordSla {
  /** null when no policy applies to the record (it has no timers). */
  policy: {
    name: string;
    calendar: string;
    /** ISO-8601 durations as configured (a request's resolution is its offering's). */
    targets: Partial<Record<SlaMetric, string>>;
    warningThresholds: number[];
    pauseStates: string[];
  } | null;
  timers: SlaTimer[];
  evaluatedAt: string;
}

/**
 * What a list shows of a record, of any kind: a timer's summary carries these of its
 * record, so that the SLA lists show records as the record lists do.
 */
export type ListedRecordFields = Pick<
  RecordCore,
  | 'number'
  | 'kind'
  | 'title'
  | 'state'
  | 'priority'
  | 'entityRef'
  | 'assignee'
  | 'assignmentGroup'
>;

/** A stored timer cycle with its record, for lists (at risk, breaches, drill-down). */
export interface SlaTimerSummary extends ListedRecordFields {
  recordId: string;
  metric: SlaMetric;
  /** 1 for the first cycle. */
  cycle: number;
  policyName: string;
  status: SlaTimerStatus;
  target: number;
  /** Elapsed business ms when the timer was last evaluated. */
  elapsed: number;
  startedAt: string;
  stoppedAt: string | null;
  dueAt: string | null;
  /** When the target was (or will be) reached, if it was. */
  breachedAt: string | null;
  /** When the stored status was computed. */
  evaluatedAt: string;
}

/** met / (met + breached); `compliance` is null when nothing was measured. */
export interface SlaCompliance {
  met: number;
  breached: number;
  compliance: number | null;
}

/** A week of the trend chart. */
export interface SlaTrendPoint {
  /** Monday 00:00 UTC of the week. */
  weekStart: string;
  met: number;
  breached: number;
  compliance: number | null;
}

/** The SLA of a scope (an entity, a group, a system or the whole organisation). */
export interface SlaSummary {
  /** Timers that stopped in the last 30 / 90 days, and running breached ones. */
  compliance30: SlaCompliance;
  compliance90: SlaCompliance;
  /** Open records whose timer is breached, most overdue first (the first 20). */
  openBreaches: SlaTimerSummary[];
  /** How many open timers are breached (all of them, not only those listed). */
  openBreachCount: number;
  /** Running timers past a warning threshold, soonest due first (the first 20). */
  atRisk: SlaTimerSummary[];
  /** How many running timers are at risk. */
  atRiskCount: number;
  /** Mean time to acknowledge / resolve incidents over 90 days, wall-clock ms. */
  mttaMs: number | null;
  mttrMs: number | null;
  /** Weekly compliance, oldest first (13 weeks). */
  trend: SlaTrendPoint[];
}

export type SlaGroupBy = 'group' | 'system';

/** One row of the compliance report. */
export interface SlaComplianceRow extends SlaCompliance {
  /** Group or system ref; `null` for records without one. */
  key: string | null;
  openBreaches: number;
  atRisk: number;
  mttaMs: number | null;
  mttrMs: number | null;
}

/** Changes closed in the period by close code. */
export interface ChangeSuccessRow {
  key: string | null;
  closed: number;
  successful: number;
  successfulWithIssues: number;
  unsuccessful: number;
  backedOut: number;
  /** (successful + successful with issues) / closed; null when none closed. */
  successRate: number | null;
}

/** The organisation's compliance report, worst offenders first. */
export interface SlaComplianceReport {
  groupBy: SlaGroupBy;
  days: number;
  rows: SlaComplianceRow[];
  changeSuccess: ChangeSuccessRow[];
}

/** Compliance: met / (met + breached), null when nothing was measured. */
export function complianceOf(met: number, breached: number): SlaCompliance {
  const total = met + breached;
  return { met, breached, compliance: total === 0 ? null : met / total };
}
