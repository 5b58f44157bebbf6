import {
  formatIsoDuration,
  isoDurationMillis,
  isPositiveDuration,
  parseIsoDuration,
  SLA_DURATION_OPTIONS,
  slaDurationMillis,
} from './isoDuration';

const H = 3_600_000;
const M = 60_000;
const D = 24 * H;

describe('parseIsoDuration (RFC 3339, whole numbers: spec.fulfillmentTarget)', () => {
  it.each(['P2D', 'PT8H', 'P1W', 'P1Y2M3DT4H5M6S', 'PT30M', 'P0D', 'P01D'])(
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
    'p2D',
    'P1.5D',
    'P1.0D',
    'PT1.5S',
    'PT1,5S',
    'P1W2D',
    'P1W0D',
    'PT-1H',
    '-P1D',
    'P+1D',
    ' P2D',
    'P2D ',
    'P1D2Y',
    'PTH',
    'soon',
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

describe('the day-time units with fractional seconds (SLA policy targets)', () => {
  it.each([
    ['PT15M', 15 * M],
    ['PT4H', 4 * H],
    ['P1D', D],
    ['P2DT4H30M', 2 * D + 4 * H + 30 * M],
    ['PT1.5S', 1500],
    ['PT0.001S', 1],
    ['PT1.123S', 1123],
    ['PT90M', 90 * M],
    [' PT4H ', 4 * H],
  ])('%j = %i ms', (text, ms) => {
    expect(slaDurationMillis(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    '4h',
    'PT0S',
    'P0D',
    'P1M',
    'P1Y',
    'P1W',
    'P0Y1D',
    'PT-1H',
    'P1DT',
    'P1.5D',
    'PT1.5H',
    'PT1.2345S',
    'PT1,5S',
    'PT1.S',
    'PT.5S',
    4,
    undefined,
    null,
  ])('rejects %p', text => {
    expect(slaDurationMillis(text)).toBeUndefined();
  });

  it('keeps fractions in the seconds part', () => {
    expect(parseIsoDuration('P1DT0.25S', SLA_DURATION_OPTIONS)).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 1,
      hours: 0,
      minutes: 0,
      seconds: 0.25,
    });
  });

  it('does not trim unless asked through slaDurationMillis', () => {
    expect(isoDurationMillis(' PT4H', SLA_DURATION_OPTIONS)).toBeUndefined();
  });
});

describe('isoDurationMillis (all units, whole numbers)', () => {
  it.each([
    ['P2D', 2 * D],
    ['PT8H', 8 * H],
    ['P1W', 7 * D],
    ['P1M', 30 * D],
    ['P1Y', 365 * D],
    ['P1DT12H', D + 12 * H],
  ])('%s = %i ms', (text, ms) => {
    expect(isoDurationMillis(text)).toBe(ms);
  });

  it.each(['P0D', 'PT0S', 'P', 'PT1.5S', 'P1W2D', 'PT-1H', 42])(
    'rejects %p (not such a duration, or zero)',
    text => {
      expect(isoDurationMillis(text)).toBeUndefined();
    },
  );

  it('reads fractional seconds when allowed', () => {
    expect(isoDurationMillis('P1DT1.5S', { fractionalSeconds: true })).toBe(
      D + 1500,
    );
  });
});

describe('formatIsoDuration', () => {
  it.each([
    ['P2D', '2 days'],
    ['PT8H', '8 hours'],
    ['P1DT12H', '1 day 12 hours'],
    ['P1W', '1 week'],
    ['P1W2D', '1 week 2 days'],
    ['PT30M', '30 minutes'],
    ['PT1S', '1 second'],
    ['P1Y2M', '1 year 2 months'],
    ['P1DT0H', '1 day'],
  ])('%s is %j', (iso, text) => {
    expect(formatIsoDuration(iso)).toBe(text);
  });

  it.each(['soon', 'P', 'PT', 'P1DT', 'P0D', 'PT1.5S', '-P1D', 'p2d', ''])(
    'leaves %j unchanged',
    iso => {
      expect(formatIsoDuration(iso)).toBe(iso);
    },
  );
});
