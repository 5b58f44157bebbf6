import { DateTime } from 'luxon';
import {
  addBusinessMillis,
  businessMillisBetween,
  elapsedBusinessMillis,
  elapsedWithPauses,
  mergeIntervals,
  openIntervalsBetween,
} from './arithmetic';
import { parseCalendar } from './parseCalendar';

/*
 * Hand-checkable tables. Reference dates (all 2026):
 *   Fri 2026-11-20, Mon 11-23, Tue 11-24, Wed 11-25   (Berlin = CET, UTC+1)
 *   Thu 12-24, Fri 12-25 (holiday), Mon 12-28
 *   Sun 03-29: spring forward, 02:00 CET → 03:00 CEST (01:00Z)
 *   Sun 10-25: fall back,      03:00 CEST → 02:00 CET (01:00Z)
 */
const H = 3_600_000;
const M = 60_000;

/** Local Berlin wall time, "yyyy-MM-dd HH:mm". */
const b = (local: string): Date => {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', {
    zone: 'Europe/Berlin',
  });
  if (!dt.isValid) throw new Error(`bad test date ${local}`);
  return dt.toJSDate();
};
const utc = (iso: string): Date => new Date(iso);

const weekdays = (hours: string[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});
/** Mon–Fri 09:00–17:00 Berlin, 25 Dec closed. */
const office = parseCalendar(
  {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: weekdays(['09:00-17:00']),
    holidays: ['2026-12-25'],
  },
  'office',
);
/** Mon–Fri 09:00–12:00 and 13:00–17:00 Berlin (lunch break closed). */
const split = parseCalendar(
  {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: weekdays(['09:00-12:00', '13:00-17:00']),
  },
  'split',
);
/** Every day 01:00–04:00 Berlin: covers both DST switch hours. */
const night = parseCalendar(
  {
    type: 'business',
    timeZone: 'Europe/Berlin',
    hours: {
      ...weekdays(['01:00-04:00']),
      sat: ['01:00-04:00'],
      sun: ['01:00-04:00'],
    },
  },
  'night',
);
/** Sundays only, a wall-clock hour that does not exist / exists twice. */
const sundays = (hours: string[]) =>
  parseCalendar(
    { type: 'business', timeZone: 'Europe/Berlin', hours: { sun: hours } },
    'sundays',
  );
const always = parseCalendar({ type: '24x7' }, 'always');

describe('businessMillisBetween', () => {
  it.each([
    // name, calendar, start, end, expected, hand computation
    [
      'within a day',
      office,
      b('2026-11-23 10:00'),
      b('2026-11-23 14:30'),
      4.5 * H,
    ], // 10:00→14:30
    [
      'spanning a night',
      office,
      b('2026-11-23 15:00'),
      b('2026-11-24 11:00'),
      4 * H,
    ], // Mon 15–17 (2) + Tue 9–11 (2)
    [
      'over a weekend',
      office,
      b('2026-11-20 15:00'),
      b('2026-11-23 11:00'),
      4 * H,
    ], // Fri 15–17 (2) + Mon 9–11 (2)
    [
      'over a holiday',
      office,
      b('2026-12-24 16:00'),
      b('2026-12-28 10:00'),
      2 * H,
    ], // Thu 16–17 (1) + Fri closed + Mon 9–10 (1)
    [
      'a whole week',
      office,
      b('2026-11-23 00:00'),
      b('2026-11-30 00:00'),
      40 * H,
    ], // 5 × 8
    [
      'start and end outside hours',
      office,
      b('2026-11-23 07:00'),
      b('2026-11-23 20:00'),
      8 * H,
    ], // 9–17
    ['weekend only', office, b('2026-11-21 08:00'), b('2026-11-22 20:00'), 0],
    [
      'Sunday noon to Monday 10:00',
      office,
      b('2026-11-22 12:00'),
      b('2026-11-23 10:00'),
      1 * H,
    ], // 9–10
    [
      'end before start',
      office,
      b('2026-11-23 14:00'),
      b('2026-11-23 10:00'),
      0,
    ],
    [
      'end equals start',
      office,
      b('2026-11-23 10:00'),
      b('2026-11-23 10:00'),
      0,
    ],
    [
      'two intervals a day, across lunch',
      split,
      b('2026-11-23 11:00'),
      b('2026-11-23 14:00'),
      2 * H,
    ], // 11–12 (1) + 13–14 (1)
    [
      'two intervals a day, inside lunch',
      split,
      b('2026-11-23 12:10'),
      b('2026-11-23 12:50'),
      0,
    ],
    [
      'two intervals a day, whole day',
      split,
      b('2026-11-23 00:00'),
      b('2026-11-24 00:00'),
      7 * H,
    ], // 3 + 4
    // DST, business hours 01:00–04:00 that contain the switch hour:
    // spring forward: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z → 2 h
    [
      'spring forward 01:00–04:00',
      night,
      b('2026-03-28 12:00'),
      b('2026-03-29 12:00'),
      2 * H,
    ],
    // fall back: 01:00 CEST = 23:00Z (24th), 04:00 CET = 03:00Z → 4 h
    [
      'fall back 01:00–04:00',
      night,
      b('2026-10-24 12:00'),
      b('2026-10-25 12:00'),
      4 * H,
    ],
    // a day before: ordinary 3 h
    [
      'ordinary night 01:00–04:00',
      night,
      b('2026-10-23 12:00'),
      b('2026-10-24 12:00'),
      3 * H,
    ],
    // 02:30–03:30 does not fully exist on 03-29: opens when the clock jumps to 03:00 CEST → 30 min
    [
      'interval starting in the spring gap',
      sundays(['02:30-03:30']),
      b('2026-03-28 00:00'),
      b('2026-03-30 00:00'),
      30 * M,
    ],
    // 02:00–03:00 on 10-25 opens at the FIRST 02:00 (00:00Z), closes at 03:00 CET (02:00Z) → 2 h
    [
      'the repeated hour counts twice',
      sundays(['02:00-03:00']),
      b('2026-10-24 00:00'),
      b('2026-10-26 00:00'),
      2 * H,
    ],
    // office hours across the spring change: Fri 8 h + Mon 8 h, DST does not touch 9–17
    [
      'office hours across the spring change',
      office,
      b('2026-03-27 09:00'),
      b('2026-03-30 17:00'),
      16 * H,
    ],
    // 24x7 counts real elapsed time: the local day 10-25 is 25 h long, 03-29 is 23 h
    [
      '24x7 across fall back',
      always,
      b('2026-10-25 00:00'),
      b('2026-10-26 00:00'),
      25 * H,
    ],
    [
      '24x7 across spring forward',
      always,
      b('2026-03-29 00:00'),
      b('2026-03-30 00:00'),
      23 * H,
    ],
    [
      '24x7 within an hour',
      always,
      utc('2026-11-23T10:00:00Z'),
      utc('2026-11-23T10:59:59.999Z'),
      H - 1,
    ],
  ])('%s', (_name, calendar, start, end, expected) => {
    expect(businessMillisBetween(calendar, start, end)).toBe(expected);
  });

  it('works in other zones (America/New_York, 2026-11-01 fall back)', () => {
    const ny = parseCalendar(
      {
        type: 'business',
        timeZone: 'America/New_York',
        hours: { sun: ['00:00-24:00'] },
      },
      'ny',
    );
    // Sunday 2026-11-01 lasts 25 h in New York: 04:00Z → 05:00Z next day
    expect(
      businessMillisBetween(
        ny,
        utc('2026-10-31T00:00:00Z'),
        utc('2026-11-03T00:00:00Z'),
      ),
    ).toBe(25 * H);
    expect(
      openIntervalsBetween(
        ny,
        utc('2026-10-31T00:00:00Z'),
        utc('2026-11-03T00:00:00Z'),
      ),
    ).toEqual([
      { start: utc('2026-11-01T04:00:00Z'), end: utc('2026-11-02T05:00:00Z') },
    ]);
  });

  it('rejects invalid dates', () => {
    expect(() =>
      businessMillisBetween(office, new Date(NaN), new Date()),
    ).toThrow('start is an invalid date');
  });
});

describe('addBusinessMillis', () => {
  it.each([
    // name, calendar, start, millis, expected due, hand computation
    [
      '4 h from Friday 15:00',
      office,
      b('2026-11-20 15:00'),
      4 * H,
      b('2026-11-23 11:00'),
    ], // Fri 2 + Mon 2
    // 3 business days = 24 h: Fri 2 (2) + Mon 8 (10) + Tue 8 (18) + Wed 6 → Wed 15:00
    [
      '3 business days from Friday 15:00',
      office,
      b('2026-11-20 15:00'),
      24 * H,
      b('2026-11-25 15:00'),
    ],
    [
      'within a day',
      office,
      b('2026-11-23 10:00'),
      2.5 * H,
      b('2026-11-23 12:30'),
    ],
    [
      'start on Saturday: counting begins Monday 09:00',
      office,
      b('2026-11-21 10:00'),
      1 * H,
      b('2026-11-23 10:00'),
    ],
    [
      'start before opening',
      office,
      b('2026-11-23 07:00'),
      30 * M,
      b('2026-11-23 09:30'),
    ],
    [
      'start after closing',
      office,
      b('2026-11-23 18:00'),
      30 * M,
      b('2026-11-24 09:30'),
    ],
    // a full business day from opening ends at the closing instant, not the next morning
    [
      'exactly one business day',
      office,
      b('2026-11-23 09:00'),
      8 * H,
      b('2026-11-23 17:00'),
    ],
    [
      'one millisecond more',
      office,
      b('2026-11-23 09:00'),
      8 * H + 1,
      new Date(b('2026-11-24 09:00').getTime() + 1),
    ],
    // Thu 16–17 (1) + Fri 25 Dec closed + weekend + Mon 9–10 (1)
    [
      'over a holiday',
      office,
      b('2026-12-24 16:00'),
      2 * H,
      b('2026-12-28 10:00'),
    ],
    // 11:30–12:00 (0.5) + 13:00–13:30 (0.5)
    [
      'across lunch',
      split,
      b('2026-11-23 11:30'),
      1 * H,
      b('2026-11-23 13:30'),
    ],
    [
      'zero is start, even outside hours',
      office,
      b('2026-11-21 10:00'),
      0,
      b('2026-11-21 10:00'),
    ],
    // spring forward: opens 01:00 CET = 00:00Z; 90 min later = 01:30Z = 03:30 CEST
    [
      'spring forward night',
      night,
      b('2026-03-29 00:30'),
      90 * M,
      utc('2026-03-29T01:30:00Z'),
    ],
    // fall back: opens 01:00 CEST = 23:00Z; 3.5 h later = 02:30Z = 03:30 CET
    [
      'fall back night',
      night,
      b('2026-10-25 00:30'),
      3.5 * H,
      utc('2026-10-25T02:30:00Z'),
    ],
    // 24x7 adds real time: 24 h from local midnight on 10-25 is 23:00 local the same day
    [
      '24x7 across fall back',
      always,
      b('2026-10-25 00:00'),
      24 * H,
      b('2026-10-25 23:00'),
    ],
  ])('%s', (_name, calendar, start, millis, expected) => {
    const due = addBusinessMillis(calendar, start, millis);
    expect(due.toISOString()).toBe(expected.toISOString());
    expect(businessMillisBetween(calendar, start, due)).toBe(millis);
  });

  it('rejects negative and non-finite millis', () => {
    expect(() => addBusinessMillis(office, b('2026-11-23 10:00'), -1)).toThrow(
      RangeError,
    );
    expect(() =>
      addBusinessMillis(office, b('2026-11-23 10:00'), Infinity),
    ).toThrow(RangeError);
  });

  it('skips a holiday on the only open weekday', () => {
    const closed = parseCalendar(
      {
        type: 'business',
        timeZone: 'UTC',
        hours: { mon: ['09:00-10:00'] },
        holidays: ['2026-11-23'],
      },
      'closed',
    );
    // only the holiday closes; next Monday works
    expect(
      addBusinessMillis(closed, utc('2026-11-23T00:00:00Z'), H).toISOString(),
    ).toBe('2026-11-30T10:00:00.000Z');
  });
});

describe('pauses', () => {
  it.each([
    // clock Fri 10:00 → Tue 12:00: Fri 7 + Mon 8 + Tue 3 = 18 h;
    // pause Fri 16:00 → Mon 10:00 takes Fri 1 + Mon 1 = 2 h → 16 h
    [
      'a pause across a weekend',
      office,
      b('2026-11-20 10:00'),
      b('2026-11-24 12:00'),
      [{ start: b('2026-11-20 16:00'), end: b('2026-11-23 10:00') }],
      16 * H,
    ],
    // Mon 9–17 = 8 h; pauses 10–12 and 11–13 overlap → union 10–13 = 3 h → 5 h
    [
      'overlapping pauses',
      office,
      b('2026-11-23 09:00'),
      b('2026-11-23 17:00'),
      [
        { start: b('2026-11-23 10:00'), end: b('2026-11-23 12:00') },
        { start: b('2026-11-23 11:00'), end: b('2026-11-23 13:00') },
      ],
      5 * H,
    ],
    // pauses beyond the clock: Sun→Mon 10:00 takes 1 h, Mon 16:00→Wed takes 1 h → 8 - 2 = 6 h
    [
      'pauses extending beyond start and end',
      office,
      b('2026-11-23 09:00'),
      b('2026-11-23 17:00'),
      [
        { start: b('2026-11-22 12:00'), end: b('2026-11-23 10:00') },
        { start: b('2026-11-23 16:00'), end: b('2026-11-25 12:00') },
      ],
      6 * H,
    ],
    // open-ended pause from 15:00: only 10–15 counts → 5 h
    [
      'an open-ended pause',
      office,
      b('2026-11-23 10:00'),
      b('2026-11-23 17:00'),
      [{ start: b('2026-11-23 15:00'), end: null }],
      5 * H,
    ],
    // a pause over a night counts nothing at night: Mon 16:00 → Tue 10:00 = 1 + 1 = 2 h
    [
      'a pause over a night',
      office,
      b('2026-11-23 09:00'),
      b('2026-11-24 17:00'),
      [{ start: b('2026-11-23 16:00'), end: b('2026-11-24 10:00') }],
      14 * H,
    ],
    // 24x7: 48 h wall clock minus pause union 10:00→22:00 (12 h) = 36 h
    [
      '24x7 is wall clock minus pauses',
      always,
      utc('2026-11-23T00:00:00Z'),
      utc('2026-11-25T00:00:00Z'),
      [
        {
          start: utc('2026-11-23T10:00:00Z'),
          end: utc('2026-11-23T20:00:00Z'),
        },
        {
          start: utc('2026-11-23T18:00:00Z'),
          end: utc('2026-11-23T22:00:00Z'),
        },
      ],
      36 * H,
    ],
    [
      'no pauses',
      office,
      b('2026-11-23 09:00'),
      b('2026-11-23 17:00'),
      [],
      8 * H,
    ],
    [
      'end before start',
      office,
      b('2026-11-23 17:00'),
      b('2026-11-23 09:00'),
      [],
      0,
    ],
  ])('%s', (_name, calendar, start, end, pauses, expected) => {
    expect(elapsedWithPauses(calendar, start, end, pauses)).toBe(expected);
  });

  it('elapsedBusinessMillis counts running intervals, overlaps once', () => {
    // Mon 9–12 and 11–14 → 9–14 = 5 h; Tue 16:00 → Wed 10:00 = 2 h
    expect(
      elapsedBusinessMillis(office, [
        { start: b('2026-11-23 09:00'), end: b('2026-11-23 12:00') },
        { start: b('2026-11-24 16:00'), end: b('2026-11-25 10:00') },
        { start: b('2026-11-23 11:00'), end: b('2026-11-23 14:00') },
      ]),
    ).toBe(7 * H);
  });

  it('mergeIntervals merges touching and overlapping intervals, drops empty ones', () => {
    expect(
      mergeIntervals([
        {
          start: utc('2026-01-01T03:00:00Z'),
          end: utc('2026-01-01T04:00:00Z'),
        },
        {
          start: utc('2026-01-01T01:00:00Z'),
          end: utc('2026-01-01T02:00:00Z'),
        },
        {
          start: utc('2026-01-01T02:00:00Z'),
          end: utc('2026-01-01T02:30:00Z'),
        },
        {
          start: utc('2026-01-01T05:00:00Z'),
          end: utc('2026-01-01T05:00:00Z'),
        },
      ]),
    ).toEqual([
      { start: utc('2026-01-01T01:00:00Z'), end: utc('2026-01-01T02:30:00Z') },
      { start: utc('2026-01-01T03:00:00Z'), end: utc('2026-01-01T04:00:00Z') },
    ]);
  });
});
