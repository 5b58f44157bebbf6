import {
  SLA_METRIC_LABELS,
  SlaTimerStatus,
} from '@backstage-itsm/plugin-itsm-common';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SLA_STATUS_LABELS: Record<SlaTimerStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  at_risk: 'At risk',
  breached: 'Breached',
  met: 'Met',
  canceled: 'Canceled',
};

/** Re-exported from common, where the backend's timeline texts take it too. */
export { SLA_METRIC_LABELS };

/**
 * A duration for people, the two largest units: `35m`, `2h 10m`, `4h`. Business time is
 * counted in hours only (`24h`, not `1d`): on an office calendar a day of business time
 * is three working days, so "1d" would mislead. `days` is for wall-clock spans (MTTR).
 */
export function formatDurationMs(
  ms: number,
  options: { days?: boolean } = {},
): string {
  if (!Number.isFinite(ms)) return '—';
  const total = Math.max(0, Math.round(Math.abs(ms) / MINUTE));
  if (total === 0) return ms === 0 ? '0m' : '<1m';
  const days = options.days ? Math.floor(total / (DAY / MINUTE)) : 0;
  const hours = Math.floor((total - days * (DAY / MINUTE)) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (hours) parts.push(`${hours}h`);
  if (minutes && !days) parts.push(`${minutes}m`);
  return parts.join(' ') || '0m';
}

/** A mean time (MTTA, MTTR) in wall-clock ms, `—` when nothing was measured. */
export function formatMeanTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined
    ? '—'
    : formatDurationMs(ms, { days: true });
}

/**
 * A compliance fraction as a percentage with at most one decimal, rounded down so that
 * 99.96 % never shows as 100 % while something breached; `—` when nothing was measured.
 */
export function formatCompliance(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '—';
  const tenths = Math.floor(fraction * 1000 + 1e-9);
  return `${tenths / 10}%`;
}

/** What a timer's figures say, for its text line. */
export interface TimerFigures {
  status: SlaTimerStatus;
  /** Business ms, both. */
  target: number;
  elapsed: number;
  /** When it is (or was) due; null when paused or stopped. */
  dueAt: string | null;
  /** When the target was reached, where the server says so. */
  breachedAt?: string | null;
}

/**
 * A timer's line: `2h 10m of 4h · due in 1h 50m`, `4h 35m of 4h · breached 35m ago`,
 * `1h of 4h · paused, 3h left`. "Due in" and "ago" are wall-clock (from the due time the
 * server computed with the calendar); "left" and "over" are business time.
 */
export function describeTimer(
  timer: TimerFigures,
  now: number = Date.now(),
): string {
  const { status, target, elapsed } = timer;
  const progress = `${formatDurationMs(elapsed)} of ${formatDurationMs(
    target,
  )}`;
  const left = formatDurationMs(target - elapsed);
  const over = formatDurationMs(elapsed - target);
  const dueMs = timer.dueAt ? new Date(timer.dueAt).getTime() - now : NaN;
  // A running breached timer's due time is when it breached; a stopped one has none.
  const breachedAt = timer.breachedAt ?? (dueMs <= 0 ? timer.dueAt : null);
  let rest: string;
  switch (status) {
    case 'breached':
      rest = breachedAt
        ? `breached ${formatDurationMs(now - new Date(breachedAt).getTime(), {
            days: true,
          })} ago`
        : `breached, ${over} over`;
      break;
    case 'met':
      rest = `met, ${left} to spare`;
      break;
    case 'paused':
      rest = `paused, ${left} left`;
      break;
    case 'canceled':
      rest = 'canceled';
      break;
    default:
      if (Number.isNaN(dueMs)) rest = `${left} left`;
      // Evaluated before it was due: the server has not marked it breached yet.
      else if (dueMs <= 0) rest = 'past due';
      else rest = `due in ${formatDurationMs(dueMs, { days: true })}`;
  }
  return `${progress} · ${rest}`;
}
