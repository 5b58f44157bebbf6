import { isPositiveDuration, parseIsoDuration } from './isoDuration';

describe('parseIsoDuration', () => {
  it.each(['P2D', 'PT8H', 'P1W', 'P1Y2M3DT4H5M6S', 'PT30M', 'P0D'])(
    'parses %s',
    value => {
      expect(parseIsoDuration(value)).toBeDefined();
    },
  );

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '2D',
    'P2d',
    'P1.5D',
    'P1W2D',
    'PT-1H',
    ' P2D',
  ])('refuses %j', value => {
    expect(parseIsoDuration(value)).toBeUndefined();
  });

  it('reads the parts', () => {
    expect(parseIsoDuration('P1Y2M3DT4H5M6S')).toEqual({
      years: 1,
      months: 2,
      weeks: 0,
      days: 3,
      hours: 4,
      minutes: 5,
      seconds: 6,
    });
    expect(parseIsoDuration('P2W')?.weeks).toBe(2);
  });

  it('knows zero', () => {
    expect(isPositiveDuration(parseIsoDuration('P0DT0H')!)).toBe(false);
    expect(isPositiveDuration(parseIsoDuration('PT1S')!)).toBe(true);
  });
});
