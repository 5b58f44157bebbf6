import fc from 'fast-check';
import {
  addBusinessMillis,
  businessMillisBetween,
  elapsedWithPauses,
  mergeIntervals,
  openIntervalsBetween,
} from './arithmetic';
import { parseCalendar } from './parseCalendar';
import { SlaCalendar } from './types';

const weekdays = (hours: string[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});
const calendars: Record<string, SlaCalendar> = {
  '24x7': parseCalendar({ type: '24x7' }, '24x7'),
  office: parseCalendar(
    {
      type: 'business',
      timeZone: 'Europe/Berlin',
      hours: weekdays(['09:00-17:00']),
      holidays: ['2026-03-30', '2026-10-26', '2026-12-25'],
    },
    'office',
  ),
  split: parseCalendar(
    {
      type: 'business',
      timeZone: 'America/New_York',
      hours: {
        ...weekdays(['09:00-12:00', '13:00-17:00']),
        sat: ['10:00-14:00'],
      },
    },
    'split',
  ),
  // hours containing the DST switch hours (Europe/Berlin, every day)
  night: parseCalendar(
    {
      type: 'business',
      timeZone: 'Europe/Berlin',
      hours: {
        ...weekdays(['01:00-04:00', '22:00-24:00']),
        sat: ['00:00-03:30'],
        sun: ['02:30-03:30'],
      },
    },
    'night',
  ),
  // Lord Howe Island shifts by 30 minutes
  lordHowe: parseCalendar(
    {
      type: 'business',
      timeZone: 'Australia/Lord_Howe',
      hours: { sun: ['00:00-24:00'], mon: ['01:30-02:30'] },
    },
    'lordHowe',
  ),
};

const H = 3_600_000;
// 2026-03-20 … 2026-11-10 covers both European and American DST changes
const FROM = Date.UTC(2026, 2, 20);
const TO = Date.UTC(2026, 10, 10);
const instant = fc
  .oneof(
    fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map(m => m * 60_000),
    fc.integer({ min: FROM, max: TO }),
  )
  .map(t => new Date(t));
const calendar = fc.constantFrom(...Object.keys(calendars));
const interval = fc
  .tuple(instant, fc.integer({ min: 0, max: 10 * 24 * H }))
  .map(([start, len]) => ({ start, end: new Date(start.getTime() + len) }));
const sorted = (...dates: Date[]) =>
  dates.sort((x, y) => x.getTime() - y.getTime());

const params = { numRuns: 150, seed: 20260523 };

describe('calendar properties', () => {
  it('elapsed never decreases as end grows', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        instant,
        instant,
        fc.array(interval, { maxLength: 4 }),
        (name, x, y, z, pauses) => {
          const [start, end1, end2] = sorted(x, y, z);
          const cal = calendars[name];
          expect(
            elapsedWithPauses(cal, start, end2, pauses),
          ).toBeGreaterThanOrEqual(elapsedWithPauses(cal, start, end1, pauses));
        },
      ),
      params,
    );
  });

  it('pausing never increases elapsed time', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        instant,
        fc.array(interval, { maxLength: 4 }),
        interval,
        (name, x, y, pauses, extra) => {
          const [start, end] = sorted(x, y);
          const cal = calendars[name];
          const before = elapsedWithPauses(cal, start, end, pauses);
          const after = elapsedWithPauses(cal, start, end, [...pauses, extra]);
          expect(after).toBeLessThanOrEqual(before);
          expect(after).toBeGreaterThanOrEqual(0);
        },
      ),
      params,
    );
  });

  it('24x7 elapsed equals wall clock minus the union of pauses', () => {
    fc.assert(
      fc.property(
        instant,
        instant,
        fc.array(interval, { maxLength: 5 }),
        (x, y, pauses) => {
          const [start, end] = sorted(x, y);
          const clipped = mergeIntervals(
            pauses.map(p => ({
              start: new Date(Math.max(p.start.getTime(), start.getTime())),
              end: new Date(Math.min(p.end.getTime(), end.getTime())),
            })),
          );
          const paused = clipped.reduce(
            (sum, p) => sum + p.end.getTime() - p.start.getTime(),
            0,
          );
          expect(elapsedWithPauses(calendars['24x7'], start, end, pauses)).toBe(
            end.getTime() - start.getTime() - paused,
          );
        },
      ),
      params,
    );
  });

  it('business time is additive: (a,c) = (a,b) + (b,c)', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, (name, x, y, z) => {
        const [a, m, c] = sorted(x, y, z);
        const cal = calendars[name];
        expect(businessMillisBetween(cal, a, c)).toBe(
          businessMillisBetween(cal, a, m) + businessMillisBetween(cal, m, c),
        );
      }),
      params,
    );
  });

  it('addBusinessMillis inverts businessMillisBetween; due time is open or a closing instant', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 120 * H }),
        (name, start, m) => {
          const cal = calendars[name];
          const due = addBusinessMillis(cal, start, m);
          expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(businessMillisBetween(cal, start, due)).toBe(m);
          // with a positive target, the last millisecond before the due time is working time
          const due1 = addBusinessMillis(cal, start, m + 1);
          expect(
            businessMillisBetween(cal, new Date(due1.getTime() - 1), due1),
          ).toBe(1);
        },
      ),
      params,
    );
  });

  it('never more than wall clock; open intervals are ordered and disjoint', () => {
    fc.assert(
      fc.property(calendar, instant, instant, (name, x, y) => {
        const [start, end] = sorted(x, y);
        const cal = calendars[name];
        const business = businessMillisBetween(cal, start, end);
        expect(business).toBeGreaterThanOrEqual(0);
        expect(business).toBeLessThanOrEqual(end.getTime() - start.getTime());
        const open = openIntervalsBetween(cal, start, end);
        let last = start.getTime();
        for (const i of open) {
          expect(i.start.getTime()).toBeGreaterThanOrEqual(last);
          expect(i.end.getTime()).toBeGreaterThan(i.start.getTime());
          last = i.end.getTime();
        }
        expect(last).toBeLessThanOrEqual(
          Math.max(end.getTime(), start.getTime()),
        );
      }),
      params,
    );
  });
});
