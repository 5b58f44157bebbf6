import { InputError } from '@backstage/errors';
import { isDateTime, toIsoDateTime } from './dateTime';

describe('date-time input', () => {
  it.each([
    ['2026-11-24T22:00:00Z', '2026-11-24T22:00:00.000Z'],
    ['2026-11-24T23:00:00+01:00', '2026-11-24T22:00:00.000Z'],
    ['2028-02-29T12:00:00.123456Z', '2028-02-29T12:00:00.123Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
  ])('reads %s as %s', (input, stored) => {
    expect(toIsoDateTime('at', input)).toBe(stored);
  });

  it.each([
    ['a day February does not have', '2026-02-30T10:00:00Z'],
    ['February 29 of a common year', '2027-02-29T10:00:00Z'],
    ['a 31st of November', '2026-11-31T10:00:00Z'],
    ['hour 24', '2026-11-24T24:00:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['no offset', '2026-11-24T22:00:00'],
    ['no seconds', '2026-11-24T22:00Z'],
    ['a date only', '2026-11-24'],
    ['an offset beyond a day', '2026-11-24T22:00:00+25:00'],
    ['the year 0', '0000-06-01T00:00:00Z'],
    ['an instant before the year 1', '0001-01-01T00:30:00+01:00'],
    ['an instant after the year 9999', '9999-12-31T23:30:00-01:00'],
    ['what Date.parse reads', 'Tue, 24 Nov 2026 22:00:00 GMT'],
  ])('refuses %s (%s), naming the field', (_what, input) => {
    expect(isDateTime(input)).toBe(false);
    expect(() => toIsoDateTime('plannedStart', input)).toThrow(InputError);
    expect(() => toIsoDateTime('plannedStart', input)).toThrow(
      /^plannedStart: .* is not a date-time/,
    );
  });
});
