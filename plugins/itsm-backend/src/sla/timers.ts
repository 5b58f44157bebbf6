import {
  PauseInterval,
  SlaCalendar,
  addBusinessMillis,
  businessMillisBetween,
  elapsedWithPauses,
  mergeIntervals,
} from './calendar';
import {
  SlaExplanationEntry,
  SlaMetric,
  SlaTimer,
  SlaTimerCycle,
  SlaTimerStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { SlaPolicy } from './policy';

export type {
  SlaExplanationEntry,
  SlaTimer,
  SlaTimerCycle,
  SlaTimerStatus,
} from '@backstage-itsm/plugin-itsm-common';

/*
 * Timer rules (derived from the timeline only, so re-deriving after a policy
 * or priority change never loses paused time):
 *
 * 1. The timer starts at the `created` event. History is sorted by `at`
 *    (stable, so events with equal `at` keep their input order); events after
 *    `now` are ignored. Only `created` and `state_changed` events with a
 *    `toState` matter; other types (comments, assignments, …) are ignored.
 *    The state at creation is `created.toState`, else `initialState`.
 * 2. response: stops at the first state change to a state other than the
 *    initial state (incident: out of `new`) or at the first event marked
 *    `acknowledges` (the assignee taking it), whichever is first. There is
 *    one cycle only.
 * 3. resolution: stops when the state becomes one of `stopStates` (incident:
 *    resolved, closed, canceled). A later change from a stop state to a
 *    non-stop state (reopen) starts a new cycle at that event; past cycles
 *    are kept in `cycles`. Moves between stop states (resolved → closed) do
 *    not restart anything.
 * 4. While the state is one of `policy.pauseStates` the clock is paused
 *    (both metrics). Entering a pause state pauses, leaving it resumes.
 * 5. A cycle stopped by a state in `cancelStates` (incident: canceled) has
 *    status `canceled` (excluded from compliance).
 * 6. elapsed = business time (policy calendar) from cycle start to stop (or
 *    `now`) minus business time in the pauses (`elapsedWithPauses`).
 * 7. Status of a cycle, first rule that holds:
 *    canceled → `canceled`; elapsed ≥ target → `breached` (also when
 *    stopped: reaching the target exactly is a breach, so a running timer
 *    turns `breached` at `dueAt`); stopped → `met`; paused → `paused`;
 *    some warning threshold crossed (elapsed ≥ fraction × target) →
 *    `at_risk`; else `running`.
 * 8. dueAt (running cycles only, null when paused or stopped): if elapsed <
 *    target, `addBusinessMillis(calendar, now, target - elapsed)`; if already
 *    breached, the (past) instant at which the running time reached the
 *    target.
 * 9. The timer's top-level fields describe the current (last) cycle.
 */

/** One timeline entry, reduced to what the clock needs. */
export interface SlaHistoryEvent {
  /** ISO timestamp. */
  at: string;
  /** `created`, `state_changed`, … */
  type: string;
  /** New state for `created` / `state_changed`. */
  toState?: string;
  /** Timeline sequence number, copied into the explanation. */
  seq?: number;
  /** Stops the response clock whatever the state (e.g. the assignee taking it). */
  acknowledges?: boolean;
}

export interface SlaStateModel {
  /** State at creation when `created` has no `toState`. Incident: `new`. */
  initialState: string;
  /** States that stop the resolution clock. */
  stopStates: string[];
  /** Stop states that cancel rather than complete the timer. */
  cancelStates: string[];
}

/** Incident defaults. */
export const INCIDENT_STATE_MODEL: SlaStateModel = {
  initialState: 'new',
  stopStates: ['resolved', 'closed', 'canceled'],
  cancelStates: ['canceled'],
};

interface RawCycle {
  start: number;
  end: number | null;
  canceled: boolean;
  pauses: PauseInterval[];
  explanation: SlaExplanationEntry[];
}

function toMillis(at: string): number {
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new Error(`invalid timestamp in history: ${at}`);
  return t;
}

function entry(
  event: SlaExplanationEntry['event'],
  e: SlaHistoryEvent,
  state?: string,
): SlaExplanationEntry {
  const out: SlaExplanationEntry = {
    at: new Date(toMillis(e.at)).toISOString(),
    event,
  };
  if (state !== undefined) out.state = state;
  if (e.seq !== undefined) out.seq = e.seq;
  return out;
}

/** An acknowledgement stops the response clock (closing an open pause). */
function stopResponse(
  cycle: RawCycle,
  e: SlaHistoryEvent,
  t: number,
  state: string,
) {
  const lastPause = cycle.pauses[cycle.pauses.length - 1];
  if (lastPause && !lastPause.end) lastPause.end = new Date(t);
  cycle.end = t;
  cycle.explanation.push(entry('stopped', e, state));
}

/** Walks the history and cuts it into cycles with their pauses. */
function buildCycles(
  policy: SlaPolicy,
  metric: SlaMetric,
  history: SlaHistoryEvent[],
  now: number,
  model: SlaStateModel,
): RawCycle[] {
  const events = history
    .map((e, i) => ({ e, i, t: toMillis(e.at) }))
    .filter(x => x.t <= now)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const createdIdx = events.findIndex(x => x.e.type === 'created');
  if (createdIdx < 0) {
    throw new Error('cannot derive an SLA timer: history has no created event');
  }
  const isPause = (s: string) => policy.pauseStates.includes(s);
  const created = events[createdIdx];
  const initial = created.e.toState ?? model.initialState;
  let state = initial;

  const cycles: RawCycle[] = [];
  let current: RawCycle | undefined = {
    start: created.t,
    end: null,
    canceled: false,
    pauses: [],
    explanation: [entry('started', created.e, initial)],
  };
  cycles.push(current);
  const open = (c: RawCycle, at: SlaHistoryEvent, t: number, s: string) => {
    if (isPause(s)) {
      c.pauses.push({ start: new Date(t), end: null });
      c.explanation.push(entry('paused', at, s));
    }
  };
  open(current, created.e, created.t, initial);
  if (metric === 'response' && created.e.acknowledges) {
    stopResponse(current, created.e, created.t, initial);
    return cycles;
  }

  for (const { e, t } of events.slice(createdIdx + 1)) {
    if (metric === 'response' && e.acknowledges && current) {
      stopResponse(current, e, t, state);
      current = undefined;
      continue;
    }
    if (e.type !== 'state_changed' || e.toState === undefined) continue;
    const next = e.toState;
    if (next === state) continue;
    const prev = state;
    state = next;

    if (current) {
      const stops =
        metric === 'response'
          ? next !== initial
          : model.stopStates.includes(next);
      const lastPause = current.pauses[current.pauses.length - 1];
      const paused = lastPause !== undefined && !lastPause.end;
      if (paused && (stops || !isPause(next))) {
        lastPause.end = new Date(t);
        if (!stops) current.explanation.push(entry('resumed', e, next));
      }
      if (stops) {
        current.end = t;
        current.canceled = model.cancelStates.includes(next);
        current.explanation.push(entry('stopped', e, next));
        current = undefined;
      } else if (!paused && isPause(next)) {
        current.pauses.push({ start: new Date(t), end: null });
        current.explanation.push(entry('paused', e, next));
      }
    } else if (
      metric === 'resolution' &&
      model.stopStates.includes(prev) &&
      !model.stopStates.includes(next)
    ) {
      current = {
        start: t,
        end: null,
        canceled: false,
        pauses: [],
        explanation: [entry('started', e, next)],
      };
      cycles.push(current);
      open(current, e, t, next);
    }
  }
  return cycles;
}

/** The instant at which the running time of a cycle reaches `target`. */
function breachInstant(
  calendar: SlaCalendar,
  start: number,
  end: number,
  pauses: PauseInterval[],
  target: number,
): number | null {
  const paused = mergeIntervals(
    pauses.map(p => ({
      start: new Date(Math.max(p.start.getTime(), start)),
      end: new Date(Math.min(p.end ? p.end.getTime() : end, end)),
    })),
  );
  let cursor = start;
  let used = 0;
  const segments: [number, number][] = [];
  for (const p of paused) {
    segments.push([cursor, p.start.getTime()]);
    cursor = p.end.getTime();
  }
  segments.push([cursor, end]);
  for (const [s, e] of segments) {
    if (e <= s) continue;
    const b = businessMillisBetween(calendar, new Date(s), new Date(e));
    if (used + b >= target) {
      return addBusinessMillis(calendar, new Date(s), target - used).getTime();
    }
    used += b;
  }
  return null;
}

function finishCycle(
  raw: RawCycle,
  policy: SlaPolicy,
  calendar: SlaCalendar,
  target: number,
  now: number,
): SlaTimerCycle {
  const end = raw.end ?? now;
  const elapsed = elapsedWithPauses(
    calendar,
    new Date(raw.start),
    new Date(end),
    raw.pauses,
  );
  const thresholdsCrossed = policy.warningThresholds.filter(
    f => elapsed >= f * target,
  );
  const lastPause = raw.pauses[raw.pauses.length - 1];
  const paused = raw.end === null && lastPause !== undefined && !lastPause.end;
  let status: SlaTimerStatus;
  if (raw.canceled) status = 'canceled';
  else if (elapsed >= target) status = 'breached';
  else if (raw.end !== null) status = 'met';
  else if (paused) status = 'paused';
  else if (thresholdsCrossed.length > 0) status = 'at_risk';
  else status = 'running';

  let breachedAt: number | null = null;
  if (status === 'breached') {
    breachedAt = breachInstant(calendar, raw.start, end, raw.pauses, target);
  }
  let dueAt: string | null = null;
  if (raw.end === null && !paused) {
    const due =
      elapsed < target
        ? addBusinessMillis(calendar, new Date(now), target - elapsed).getTime()
        : breachedAt;
    dueAt = due === null ? null : new Date(due).toISOString();
  }
  return {
    ...(breachedAt === null
      ? {}
      : { breachedAt: new Date(breachedAt).toISOString() }),
    startedAt: new Date(raw.start).toISOString(),
    stoppedAt: raw.end === null ? null : new Date(raw.end).toISOString(),
    elapsed,
    status,
    dueAt,
    thresholdsCrossed,
    pauses: raw.pauses.map(p => ({
      start: p.start.toISOString(),
      end: p.end ? p.end.toISOString() : null,
    })),
    explanation: raw.explanation,
  };
}

/**
 * Derives one SLA timer of a record from its timeline (see the rules at the
 * top of this file). Pure: same inputs, same output.
 *
 * @param policy - the record's policy (from `selectPolicy`)
 * @param calendar - the calendar to count in (normally `policy.calendar`)
 * @param metric - `response` or `resolution`; the policy must have a target
 * @param history - the record's timeline (any order)
 * @param now - evaluation instant
 * @param model - initial/stop/cancel states; incident defaults
 * @throws Error if the policy has no target for the metric or the history
 *   has no `created` event
 */
export function deriveTimer(
  policy: SlaPolicy,
  calendar: SlaCalendar,
  metric: SlaMetric,
  history: SlaHistoryEvent[],
  now: Date,
  model: SlaStateModel = INCIDENT_STATE_MODEL,
): SlaTimer {
  const target = policy.targets[metric];
  if (target === undefined) {
    throw new Error(`SLA policy '${policy.name}' has no ${metric} target`);
  }
  const nowMs = now.getTime();
  const cycles = buildCycles(policy, metric, history, nowMs, model).map(c =>
    finishCycle(c, policy, calendar, target, nowMs),
  );
  const last = cycles[cycles.length - 1];
  return {
    metric,
    target,
    elapsed: last.elapsed,
    status: last.status,
    dueAt: last.dueAt,
    thresholdsCrossed: last.thresholdsCrossed,
    cycles,
    explanation: cycles.flatMap(c => c.explanation),
  };
}
