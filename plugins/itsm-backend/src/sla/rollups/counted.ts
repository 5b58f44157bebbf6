/**
 * When and how a timer cycle counts in the SLA reports; pure. The rollups, the SQL
 * reports and the migration that fills existing rows all follow these rules.
 */

export const DAY_MS = 86_400_000;

/** A cycle as stored: its status and times (ISO strings). */
export interface CycleTimes {
  status: string;
  startedAt: string;
  stoppedAt: string | null;
  breachedAt: string | null;
}

export interface CountedColumns {
  counted_at: string | null;
  counted_day: string | null;
  wall_ms: number | null;
}

/**
 * A cycle counts when it stopped (met, breached or canceled), or when a running cycle
 * breached; a running cycle within its target does not count yet.
 */
export function countedColumns(cycle: CycleTimes): CountedColumns {
  let at: string | null = null;
  if (cycle.stoppedAt) at = cycle.stoppedAt;
  else if (cycle.status === 'breached') at = cycle.breachedAt;
  const iso = at ? new Date(at).toISOString() : null;
  return {
    counted_at: iso,
    counted_day: iso ? iso.slice(0, 10) : null,
    wall_ms: cycle.stoppedAt
      ? Date.parse(cycle.stoppedAt) - Date.parse(cycle.startedAt)
      : null,
  };
}

/** The UTC day (YYYY-MM-DD) of an instant. */
export function dayOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** 00:00 UTC of the day of `t`. */
export function startOfDay(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS;
}

/**
 * Splits [from, to) into whole UTC days (served by the rollups) and the parts of days at
 * either end (served by the timer rows themselves). `to` may be Infinity.
 */
export function splitByDays(
  from: number,
  to: number,
): {
  days: { from: string; to: string | null } | null;
  edges: { from: number; to: number }[];
} {
  const firstWhole = Math.ceil(from / DAY_MS) * DAY_MS;
  const end = Number.isFinite(to) ? startOfDay(to) : Infinity;
  if (firstWhole >= end) return { days: null, edges: [{ from, to }] };
  const edges: { from: number; to: number }[] = [];
  if (from < firstWhole) edges.push({ from, to: firstWhole });
  if (Number.isFinite(end) && end < to) edges.push({ from: end, to });
  return {
    days: {
      from: dayOf(firstWhole),
      to: Number.isFinite(end) ? dayOf(end) : null,
    },
    edges,
  };
}
