import { parseCalendar, parseCalendars } from './parseCalendar';

const key = 'itsm.sla.calendars.eu-office';
const valid = {
  type: 'business',
  timeZone: 'Europe/Berlin',
  hours: { mon: ['09:00-12:00', '13:00-17:00'], fri: ['09:00-15:00'] },
  holidays: ['2026-12-25'],
};

describe('parseCalendar', () => {
  it('reads a 24x7 calendar', () => {
    expect(parseCalendar({ type: '24x7' }, key)).toEqual({ type: '24x7' });
  });

  it('reads a business calendar; missing days are closed', () => {
    const cal = parseCalendar(valid, key);
    expect(cal).toEqual({
      type: 'business',
      timeZone: 'Europe/Berlin',
      hours: {
        mon: [
          { start: 540, end: 720 },
          { start: 780, end: 1020 },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [{ start: 540, end: 900 }],
        sat: [],
        sun: [],
      },
      holidays: new Set(['2026-12-25']),
    });
  });

  it('accepts 24:00 as the end of the day and sorts intervals', () => {
    const cal = parseCalendar(
      {
        type: 'business',
        timeZone: 'UTC',
        hours: { sun: ['12:00-24:00', '00:00-06:00'] },
      },
      key,
    );
    expect(cal.type === 'business' && cal.hours.sun).toEqual([
      { start: 0, end: 360 },
      { start: 720, end: 1440 },
    ]);
  });

  it.each([
    [null, `${key} must be an object`],
    [{ type: 'weekdays' }, `${key}.type must be '24x7' or 'business'`],
    [{ type: '24x7', timeZone: 'UTC' }, `${key}.timeZone is not allowed`],
    [{ ...valid, timeZone: 'Europe/Atlantis' }, `${key}.timeZone must be`],
    [{ ...valid, timeZone: undefined }, `${key}.timeZone must be`],
    [{ ...valid, hours: ['09:00-17:00'] }, `${key}.hours must map weekdays`],
    [
      { ...valid, hours: { monday: [] } },
      `${key}.hours.monday is not a weekday`,
    ],
    [
      { ...valid, hours: { mon: '09:00-17:00' } },
      `${key}.hours.mon must be a list`,
    ],
    [
      { ...valid, hours: { mon: ['9-17'] } },
      `${key}.hours.mon[0] must be HH:mm-HH:mm`,
    ],
    [
      { ...valid, hours: { mon: ['09:00-17:00', '25:00-26:00'] } },
      `${key}.hours.mon[1] must be HH:mm-HH:mm`,
    ],
    [
      { ...valid, hours: { tue: ['09:60-17:00'] } },
      `${key}.hours.tue[0] must be HH:mm-HH:mm`,
    ],
    [
      { ...valid, hours: { tue: ['22:00-06:00'] } },
      `${key}.hours.tue[0] must end after it starts`,
    ],
    [
      { ...valid, hours: { wed: ['13:00-17:00', '09:00-13:30'] } },
      `${key}.hours.wed[0] overlaps wed[1]`,
    ],
    [
      { ...valid, hours: { mon: [] } },
      `${key}.hours must open on at least one day`,
    ],
    [
      { ...valid, holidays: ['2026-02-30'] },
      `${key}.holidays[0] must be a date YYYY-MM-DD`,
    ],
    [
      { ...valid, holidays: ['2026-12-24', '24.12.2026'] },
      `${key}.holidays[1] must be a date YYYY-MM-DD`,
    ],
    [{ ...valid, holiday: [] }, `${key}.holiday is not a calendar property`],
  ])('rejects %j naming the key', (raw, message) => {
    expect(() => parseCalendar(raw, key)).toThrow(message);
  });

  it('parseCalendars names the calendar in errors', () => {
    expect(parseCalendars(undefined)).toEqual({});
    expect(
      Object.keys(parseCalendars({ a: { type: '24x7' }, b: valid })),
    ).toEqual(['a', 'b']);
    expect(() =>
      parseCalendars({ 'eu-office': { ...valid, hours: { mon: ['x'] } } }),
    ).toThrow('itsm.sla.calendars.eu-office.hours.mon[0] must be HH:mm-HH:mm');
  });
});
