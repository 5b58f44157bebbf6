/** Local midnight of `date`'s day. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Local midnight of the Monday of the week that holds `date`. */
export function startOfWeek(date: Date): Date {
  const d = startOfDay(date);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/** `date` moved by whole local days (calendar days, so DST shifts keep midnight). */
export function addDays(date: Date, days: number): Date {
  const d = new Date(date);
  d.setDate(d.getDate() + days);
  return d;
}

/** The local midnights of the days from `start`, `count` of them. */
export function daysOf(start: Date, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/**
 * Where a window sits on a range, in percent of the range: `left` and `width`, clipped
 * to it; undefined when it lies outside or has no valid ends.
 */
export function placeOnRange(
  window: { start: string | null; end: string | null },
  from: Date,
  to: Date,
): { left: number; width: number } | undefined {
  if (!window.start || !window.end) return undefined;
  const s = Date.parse(window.start);
  const e = Date.parse(window.end);
  const f = from.getTime();
  const t = to.getTime();
  if (Number.isNaN(s) || Number.isNaN(e) || e <= f || s >= t || e <= s)
    return undefined;
  const span = t - f;
  const left = ((Math.max(s, f) - f) / span) * 100;
  const right = ((Math.min(e, t) - f) / span) * 100;
  return { left, width: right - left };
}
