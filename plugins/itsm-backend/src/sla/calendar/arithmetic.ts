import { IANAZone } from 'luxon';
import {
  BusinessCalendar,
  PauseInterval,
  SlaCalendar,
  TimeInterval,
  WEEKDAYS,
} from './types';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** addBusinessMillis gives up after this many consecutive closed days. */
const MAX_CLOSED_DAYS = 3700;

/** [start, end) in epoch milliseconds. */
type Span = [number, number];

/** Offset of the zone at an instant, in milliseconds. */
function offsetMs(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MINUTE;
}

/**
 * The first instant at which the local clock in `zone` shows `wall` or later,
 * where `wall` is a local date-time encoded as if it were UTC epoch millis.
 *
 * - Normal times: the unique instant.
 * - Ambiguous times (fall back, the hour repeats): the FIRST occurrence
 *   (luxon's DateTime.fromObject would pick the second one).
 * - Non-existent times (spring forward gap): the instant of the switch, e.g.
 *   02:30 on 2026-03-29 in Europe/Berlin → 03:00 CEST (luxon would give 03:30).
 */
export function firstInstantAtOrAfter(zone: IANAZone, wall: number): number {
  const offsets = new Set([
    offsetMs(zone, wall - DAY),
    offsetMs(zone, wall),
    offsetMs(zone, wall + DAY),
  ]);
  let best: number | undefined;
  for (const o of offsets) {
    const u = wall - o;
    if (offsetMs(zone, u) === o && (best === undefined || u < best)) best = u;
  }
  if (best !== undefined) return best;
  // In a gap: the switch lies between the instants given by the largest and
  // smallest offset; find the first instant whose wall clock reaches `wall`.
  let lo = wall - Math.max(...offsets); // wall clock < wall here
  let hi = wall - Math.min(...offsets); // wall clock > wall here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetMs(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

function zoneOf(calendar: BusinessCalendar): IANAZone {
  const zone = IANAZone.create(calendar.timeZone);
  if (!zone.isValid) throw new Error(`Invalid time zone ${calendar.timeZone}`);
  return zone;
}

/** Local midnight (as wall-clock millis) of the local day containing `instant`. */
function localDayOf(zone: IANAZone, instant: number): number {
  const wall = instant + offsetMs(zone, instant);
  return Math.floor(wall / DAY) * DAY;
}

/** Per-calendar cache of a day's spans (zone lookups via Intl are slow). */
const dayCache = new WeakMap<BusinessCalendar, Map<number, Span[]>>();
const DAY_CACHE_LIMIT = 4096;

/** The opening spans (instants) of one local day, in order. Do not mutate. */
function spansOfDay(
  calendar: BusinessCalendar,
  zone: IANAZone,
  dayWall: number,
): readonly Span[] {
  let cache = dayCache.get(calendar);
  if (!cache) {
    cache = new Map();
    dayCache.set(calendar, cache);
  }
  let spans = cache.get(dayWall);
  if (!spans) {
    if (cache.size >= DAY_CACHE_LIMIT) cache.clear();
    spans = computeSpansOfDay(calendar, zone, dayWall);
    cache.set(dayWall, spans);
  }
  return spans;
}

function computeSpansOfDay(
  calendar: BusinessCalendar,
  zone: IANAZone,
  dayWall: number,
): Span[] {
  const date = new Date(dayWall);
  if (calendar.holidays.has(date.toISOString().slice(0, 10))) return [];
  const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7];
  const spans: Span[] = [];
  for (const { start, end } of calendar.hours[weekday]) {
    const from = firstInstantAtOrAfter(zone, dayWall + start * MINUTE);
    const to = firstInstantAtOrAfter(zone, dayWall + end * MINUTE);
    if (to > from) spans.push([from, to]);
  }
  return spans;
}

/**
 * Opening spans from `from` onwards (clipped at `from`), in order, endless
 * for business calendars. Adjacent spans are not merged.
 */
function* openSpansFrom(calendar: SlaCalendar, from: number): Generator<Span> {
  if (calendar.type === '24x7') {
    yield [from, Infinity];
    return;
  }
  const zone = zoneOf(calendar);
  // Start one day early: harmless, and robust against odd zone transitions.
  let day = localDayOf(zone, from) - DAY;
  let closedDays = 0;
  for (;;) {
    const spans = spansOfDay(calendar, zone, day);
    let any = false;
    for (const [s, e] of spans) {
      if (e <= from) continue;
      any = true;
      yield [Math.max(s, from), e];
    }
    closedDays = any ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new Error('The calendar has no opening hours for ten years');
    }
    day += DAY;
  }
}

/** Opening spans clipped to [from, to). */
function openSpans(calendar: SlaCalendar, from: number, to: number): Span[] {
  const result: Span[] = [];
  if (to <= from) return result;
  if (calendar.type === '24x7') return [[from, to]];
  const zone = zoneOf(calendar);
  const lastDay = localDayOf(zone, to) + DAY;
  for (let day = localDayOf(zone, from) - DAY; day <= lastDay; day += DAY) {
    for (const [s, e] of spansOfDay(calendar, zone, day)) {
      const cs = Math.max(s, from);
      const ce = Math.min(e, to);
      if (ce > cs) result.push([cs, ce]);
    }
  }
  return result;
}

function ms(value: Date, name: string): number {
  const t = value.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name} is an invalid date`);
  return t;
}

/**
 * The opening intervals of the calendar within [start, end), clipped, in
 * order. Useful for explaining a timer. 24x7 gives `[{ start, end }]`.
 */
export function openIntervalsBetween(
  calendar: SlaCalendar,
  start: Date,
  end: Date,
): TimeInterval[] {
  return openSpans(calendar, ms(start, 'start'), ms(end, 'end')).map(
    ([s, e]) => ({ start: new Date(s), end: new Date(e) }),
  );
}

function businessSpanMillis(
  calendar: SlaCalendar,
  from: number,
  to: number,
): number {
  return openSpans(calendar, from, to).reduce((sum, [s, e]) => sum + e - s, 0);
}

/**
 * Working time in milliseconds within [start, end); 0 if end <= start.
 * For 24x7 this is the real elapsed time `end - start` (so a local day across
 * a DST change counts 23 h or 25 h).
 */
export function businessMillisBetween(
  calendar: SlaCalendar,
  start: Date,
  end: Date,
): number {
  return businessSpanMillis(calendar, ms(start, 'start'), ms(end, 'end'));
}

/**
 * The instant at which `millis` of working time have elapsed from `start`:
 * the due time of a target.
 *
 * - `millis === 0` → `start` itself (even outside opening hours).
 * - `millis > 0` → counting begins at `start` or, if the calendar is closed
 *   then, at the next opening; the result always lies inside an opening
 *   interval or exactly at its closing instant (a 8 h target started at 09:00
 *   on an 09:00-17:00 day is due at 17:00 that day, not 09:00 the next).
 *
 * Inverse of {@link businessMillisBetween}:
 * `businessMillisBetween(c, s, addBusinessMillis(c, s, m)) === m` for integer m ≥ 0.
 *
 * @throws RangeError for negative or non-finite `millis`
 */
export function addBusinessMillis(
  calendar: SlaCalendar,
  start: Date,
  millis: number,
): Date {
  const from = ms(start, 'start');
  if (!Number.isFinite(millis) || millis < 0) {
    throw new RangeError(`millis must be a finite number >= 0, got ${millis}`);
  }
  if (millis === 0) return new Date(from);
  let remaining = millis;
  for (const [s, e] of openSpansFrom(calendar, from)) {
    if (remaining <= e - s) return new Date(s + remaining);
    remaining -= e - s;
  }
  /* istanbul ignore next: openSpansFrom is endless or throws */
  throw new Error('unreachable');
}

/**
 * Sorts and merges intervals (half-open: [a,b) and [b,c) merge into [a,c));
 * empty or inverted intervals are dropped.
 */
export function mergeIntervals(intervals: TimeInterval[]): TimeInterval[] {
  return mergeSpans(
    intervals.map(i => [ms(i.start, 'start'), ms(i.end, 'end')] as Span),
  ).map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Working time within the union of running intervals (overlaps counted once).
 */
export function elapsedBusinessMillis(
  calendar: SlaCalendar,
  intervals: TimeInterval[],
): number {
  return mergeSpans(
    intervals.map(i => [ms(i.start, 'start'), ms(i.end, 'end')] as Span),
  ).reduce((sum, [s, e]) => sum + businessSpanMillis(calendar, s, e), 0);
}

/**
 * Working time between `start` and `end`, minus the working time in the
 * pauses. Pauses are clipped to [start, end) and merged first, so they may
 * overlap each other, extend beyond [start, end) or be open-ended
 * (`end` null/missing = paused until `end`).
 */
export function elapsedWithPauses(
  calendar: SlaCalendar,
  start: Date,
  end: Date,
  pauses: PauseInterval[] = [],
): number {
  const from = ms(start, 'start');
  const to = ms(end, 'end');
  if (to <= from) return 0;
  const paused = mergeSpans(
    pauses.map(
      p =>
        [
          Math.max(ms(p.start, 'pause start'), from),
          Math.min(p.end ? ms(p.end, 'pause end') : to, to),
        ] as Span,
    ),
  );
  return (
    businessSpanMillis(calendar, from, to) -
    paused.reduce((sum, [s, e]) => sum + businessSpanMillis(calendar, s, e), 0)
  );
}
